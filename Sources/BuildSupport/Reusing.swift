import Foundation

/// What one build may take over from the one before (the preview). A step asks for a value at
/// a *slot* (where it lives: an output path, a source path, a plan × service) together with the
/// complete value it is made from, its *key*; the kept value is used only when the slot's last
/// key equals this one (`==`: nothing is hashed, so nothing can collide, and an unchanged key
/// that shares storage with the last one compares in constant time). A one-off build has no
/// store and makes everything. SiteBuild's `ReuseStore` is the one implementation.
public protocol Reusing: Sendable {
    /// The value `make` gives for `key`: the one kept at `slot` when it was made for an equal
    /// key, else made now and kept there.
    func value<Key: Equatable & Sendable, Value>(
        _ table: ReuseTable, at slot: String, for key: Key, make: () throws -> Value
    ) rethrows -> Value

    /// Declares what every value of `table` is also made from in this build (the pages' site,
    /// *now* and theme): the table's kept values are dropped unless it equals the previous
    /// build's. Compared once per build instead of in every key.
    func scope<Scope: Equatable & Sendable>(_ table: ReuseTable, _ scope: Scope)

    /// `scope` for the slots of one partition only (`PartitionedReuse`): a change of one
    /// language's scope drops that language's kept values, not the others'.
    func scope<Scope: Equatable & Sendable>(_ table: ReuseTable, _ scope: Scope, partition: String)

    /// Keeps the last build's values of `tables` for the next build as if this one had used them:
    /// a kept whole (the site's figures) was made from them, and the next build that makes the
    /// whole again will ask for them. Values this build made or used stay as they are.
    func carry(_ tables: [ReuseTable])

    /// The value the last build kept at `slot` of `table`, whatever key it was made for, when it
    /// is a `Value`: what a value made anew (its key differed) may take its unchanged parts
    /// from, each compared by value with what it would be made from, never trusted whole.
    func lastValue<Value>(_ table: ReuseTable, at slot: String, as type: Value.Type) -> Value?
}

extension Reusing {
    public func scope<Scope: Equatable & Sendable>(_ table: ReuseTable, _ scope: Scope, partition: String) {
        if partition.isEmpty { self.scope(table, scope) }
    }
}

/// The store seen by one language other than the default (docs/spec.md §4 Languages): its slots
/// are apart from the default language's (`<partition>` + U+001F + slot), and so is its scope.
public struct PartitionedReuse: Reusing {
    public static let separator = "\u{1F}"
    let base: any Reusing
    let partition: String

    public init(_ base: any Reusing, partition: String) {
        self.base = base
        self.partition = partition
    }

    public func value<Key: Equatable & Sendable, Value>(
        _ table: ReuseTable, at slot: String, for key: Key, make: () throws -> Value
    ) rethrows -> Value {
        try base.value(table, at: partition + Self.separator + slot, for: key, make: make)
    }

    public func scope<Scope: Equatable & Sendable>(_ table: ReuseTable, _ scope: Scope) {
        base.scope(table, scope, partition: partition)
    }

    public func scope<Scope: Equatable & Sendable>(_ table: ReuseTable, _ scope: Scope, partition: String) {
        base.scope(table, scope, partition: partition)
    }

    public func carry(_ tables: [ReuseTable]) { base.carry(tables) }

    public func lastValue<Value>(_ table: ReuseTable, at slot: String, as type: Value.Type) -> Value? {
        base.lastValue(table, at: partition + Self.separator + slot, as: type)
    }
}

/// The kinds of kept values, one table each (for counts in tests and reports).
public enum ReuseTable: Int, CaseIterable, Sendable {
    /// File bytes by path and stamp.
    case files
    /// A decoded content file by its path, bytes and the settings it is read with.
    case parsed
    /// Rendered Markdown by its text and options.
    case markdown
    /// One plan × service's month figures by their inputs.
    case figures
    /// The compiled theme by its files.
    case theme
    /// A page by its input.
    case pages
    /// Pieces of sla.json by their inputs.
    case machine
    /// maintenance.ics events by their incident (scoped by the site and *now*).
    case calendar
    /// Badges by their plan × service (scoped by the site and *now*).
    case badges
    /// claims.ics events of one plan × service by its figures (scoped by the site and *now*).
    case claims
    /// A plan version × service's resolved terms by what they are resolved from (`TermLayers`).
    case terms
    /// A value by itself (`canonical`): an equal value keeps the last build's storage, so the
    /// keys that hold it compare in constant time.
    case canonical
    /// Each plan × service's inputs behind one reference, by themselves (the key of its figures).
    case levels
    /// The site's figures whole, by what they are computed from.
    case siteFigures
}

extension Optional where Wrapped == any Reusing {
    /// `Reusing.lastValue`, or nil when there is no store.
    public func lastValue<Value>(_ table: ReuseTable, at slot: String, as type: Value.Type) -> Value? {
        self?.lastValue(table, at: slot, as: type)
    }

    /// `Reusing.value`, or `make()` when there is no store (the key is then never built).
    @inlinable
    public func value<Key: Equatable & Sendable, Value>(
        _ table: ReuseTable, at slot: @autoclosure () -> String, for key: @autoclosure () -> Key,
        make: () throws -> Value
    ) rethrows -> Value {
        guard let store = self else { return try make() }
        return try store.value(table, at: slot(), for: key(), make: make)
    }
}

/// Bytes as a key: equal when the bytes are (in constant time when they share storage).
public struct ByteKey: Hashable, Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.bytes.withUnsafeBytes { x in
            b.bytes.withUnsafeBytes { y in
                guard x.count == y.count else { return false }
                guard x.count > 0, let p = x.baseAddress, let q = y.baseAddress, p != q else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    public func hash(into h: inout Hasher) {
        h.combine(bytes.count)
        bytes.withUnsafeBytes { h.combine(bytes: $0) }
    }
}
