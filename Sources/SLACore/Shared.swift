/// One value behind one reference: handing it around retains the box once instead of every
/// list inside the value, and a reader borrows `value` in place (a `let` of a final class cannot
/// change under it, so nothing is copied to read it). For large values that many readers
/// consult but nobody changes, such as a level's `LevelInputs` read by every incident page
/// (issue 23: copying them was 7 % of a preview rebuild).
public final class Shared<Value: Sendable>: Sendable {
    public let value: Value

    public init(_ value: Value) { self.value = value }
}
