/// Parts made one from each input (a site's files, their decoded results, rendered bodies,
/// sla.json's pieces), kept together by the preview under every part's name and input, so a
/// rebuild asks the store once for all of them. When the key differs (one input changed), the
/// parts whose input is equal under the same name are taken from the last build's whole, and
/// only the others are made.
public struct KeptParts<Input: Equatable & Sendable, Part: Sendable>: Sendable {
    public struct Key: Equatable, Sendable {
        public var names: [String]
        public var inputs: [Input]
    }

    public let key: Key
    public let parts: [Part]

    /// For each part of `other`, the one made here from an equal input under the same name,
    /// else nil (to be made).
    public func parts(for other: Key) -> [Part?] {
        // Parts keep their places unless one is added or removed: the same place first, and a
        // lookup by name (made only then) for one that moved.
        var index: [String: Int]?
        return other.names.indices.map { j in
            var i: Int? = j < key.names.count && key.names[j] == other.names[j] ? j : nil
            if i == nil {
                if index == nil { index = Dictionary(key.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
                i = index?[other.names[j]]
            }
            guard let i, key.inputs[i] == other.inputs[j] else { return nil }
            return parts[i]
        }
    }
}

extension Optional where Wrapped == any Reusing {
    /// One part per input, kept together at `slot` (see `KeptParts`). `make` gets the indices of
    /// the inputs whose parts are to be made and returns those parts in the same order; without
    /// a store it makes them all. A `make` that throws keeps nothing.
    public func parts<Input: Equatable & Sendable, Part: Sendable>(
        _ table: ReuseTable, at slot: String, names: @autoclosure () -> [String], inputs: [Input],
        make: ([Int]) throws -> [Part]
    ) rethrows -> [Part] {
        guard case .some = self else { return try make(Array(inputs.indices)) }
        let key = KeptParts<Input, Part>.Key(names: names(), inputs: inputs)
        return try value(table, at: slot, for: key) { () throws -> KeptParts<Input, Part> in
            let kept = lastValue(table, at: slot, as: KeptParts<Input, Part>.self)?.parts(for: key)
                ?? Array(repeating: nil, count: inputs.count)
            let todo = kept.indices.filter { kept[$0] == nil }
            let made = try make(todo)
            precondition(made.count == todo.count, "make returns one part per index it is given")
            var parts = kept
            for (i, part) in zip(todo, made) { parts[i] = part }
            return KeptParts(key: key, parts: parts.map { $0! })
        }.parts
    }
}
