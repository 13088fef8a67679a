/// One value behind one reference: handing it around retains the box once instead of every
/// list inside the value, and a reader borrows `value` in place (a `let` of a final class cannot
/// change under it, so nothing is copied to read it). For large values that many readers
/// consult but nobody changes, such as a level's `LevelInputs` read by every incident page
/// (issue 23: copying them was 7 % of a preview rebuild).
public final class Shared<Value: Sendable>: Sendable {
    public let value: Value

    public init(_ value: Value) { self.value = value }
}

/// The same box is equal without reading it; different boxes compare their values (never by
/// identity alone: a one-off build makes a new box for every use). The preview keeps a box while
/// its value is equal (`canonical(at:_:)`), so keys holding it compare in constant time.
extension Shared: Equatable where Value: Equatable {
    public static func == (a: Shared, b: Shared) -> Bool { a === b || a.value == b.value }
}

extension Shared: Hashable where Value: Hashable {
    public func hash(into h: inout Hasher) { h.combine(value) }
}

/// Whether `a` and `b` are one array's storage (the same elements, without reading them): the
/// constant-time answer `Array.==` gives its `Equatable` elements, for types whose own `==`
/// compares arrays of values that are not `Equatable` themselves. Empty arrays share storage.
@inlinable
public func sharesStorage<T>(_ a: [T], _ b: [T]) -> Bool {
    a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
}
