/// What one build may take over from the one before (the preview). The build's steps ask for a
/// value by the complete value it is made from; a one-off build has no store and makes
/// everything. SiteBuild's `ReuseStore` is the one implementation.
public protocol Reusing: Sendable {
    /// The value `make` gives for `key`: kept from an earlier build when one made it for an equal
    /// key (compared with `==`, so no digest can collide), else made now and kept.
    func value<Key: Hashable & Sendable, Value>(_ table: ReuseTable, _ key: Key, make: () throws -> Value) rethrows -> Value

    /// Declares what every value of `table` is also made from in this build (the pages' site,
    /// *now* and theme): the table's kept values are dropped unless it equals the previous
    /// build's. Compared once per build instead of hashed into every key.
    func scope<Scope: Hashable & Sendable>(_ table: ReuseTable, _ scope: Scope)
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
    /// A list line of an incident by its input.
    case lines
    /// Pieces of sla.json, the feeds, the calendar and the badges by their inputs.
    case machine
}

extension Optional where Wrapped == any Reusing {
    /// `Reusing.value`, or `make()` when there is no store (the key is then never built).
    @inlinable
    public func value<Key: Hashable & Sendable, Value>(
        _ table: ReuseTable, _ key: @autoclosure () -> Key, make: () throws -> Value
    ) rethrows -> Value {
        guard let store = self else { return try make() }
        return try store.value(table, key(), make: make)
    }
}

/// Bytes as a key: hashed in one call over the whole buffer (an array of bytes otherwise
/// hashes byte by byte).
public struct ByteKey: Hashable, Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func hash(into h: inout Hasher) {
        h.combine(bytes.count)
        bytes.withUnsafeBytes { h.combine(bytes: $0) }
    }
}
