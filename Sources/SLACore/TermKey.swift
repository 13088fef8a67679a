internal import Synchronization

/// The typed handle of one SLA term's value: its type (whose `TermField` rule merges it across
/// levels and revisions), its default (docs/spec.md §2) and the content key that sets it.
/// `ResolvedTerms` and `SLATerms` store values by key, so a new term is one `static let` in
/// `TermKeys`, declared where it is used — next to the arithmetic that reads it, or in its
/// description when it only shows — and no list of terms grows (docs/content.md, "Adding a term").
///
/// Why a class: a key's identity is its `slot`, a small integer handed out once when the key is
/// made (a `static let` runs its initialiser once), so reading a term is an array index, not a
/// lookup by name or key path; the arithmetic reads terms in its loops over plan × service ×
/// period. Slots depend on which key was touched first, so nothing that is published may
/// depend on them: they order storage only.
public final class TermKey<Value: TermField & Hashable & Sendable>: Sendable {
    /// The content key that sets it (the first of its description's keys), for messages and tests.
    public let name: String
    /// The value when no level writes it.
    public let defaultValue: Value
    /// Its position in `ResolvedTerms`' storage.
    let slot: Int

    public init(_ name: String, default value: Value) {
        self.name = name
        defaultValue = value
        slot = TermSlots.next()
    }
}

/// The namespace of every term's key (`TermKeys.uptime`); each term adds its own in an extension.
public enum TermKeys {}

/// Hands out slots, each once.
enum TermSlots {
    private static let counter = Atomic<Int>(0)

    static func next() -> Int { counter.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// One resolved value of some term, in `ResolvedTerms`' storage (which holds values of every
/// term's type in one array): compared and hashed through its type.
class TermValueBox: @unchecked Sendable {
    // @unchecked: the subclass holds one immutable Sendable value.
    func isEqual(_ other: TermValueBox) -> Bool { preconditionFailure("abstract") }
    func hash(into h: inout Hasher) { preconditionFailure("abstract") }
}

/// A `TermValueBox` of a term whose values are `V`.
final class TypedTermValue<V: Hashable & Sendable>: TermValueBox, @unchecked Sendable {
    let value: V

    init(_ value: V) { self.value = value }

    override func isEqual(_ other: TermValueBox) -> Bool { (other as? TypedTermValue<V>)?.value == value }
    override func hash(into h: inout Hasher) { h.combine(value) }
}
