/// The type of one SLA term's value (its `TermKey`'s `Value`): what a level writes for it and
/// how levels and revisions merge it (docs/spec.md §2 levels: "a lower level overrides each key
/// it sets; maps merge key by key; lists are replaced whole").
///
/// The merge rule belongs to the value's type, not to a list of terms: a number, a flag, a
/// choice or a list is replaced whole (the default below); a map (`SupportTerms`, the weights,
/// the `downtime` rule) says how it merges key by key. `SLATerms` stores what a level writes
/// by key and merges and resolves it through this protocol, so it lists no term.
public protocol TermField {
    /// The value as written at one level (for a map: the keys set there).
    associatedtype Written: Hashable
    /// Whether a lower level's value replaces a higher one whole (no merge call needed).
    static var mergesWhole: Bool { get }
    /// docs/spec.md §2: `higher` amended by `lower`, the value of a level below it (or of a later revision).
    static func merge(_ higher: Written, _ lower: Written) -> Written
    /// The resolved value from the merged written one, over the value the field has without it
    /// (its default, or for the weights the site's `impact_weights`).
    static func resolved(_ written: Written, over value: Self?) -> Self
}

extension TermField where Written == Self {
    public static var mergesWhole: Bool { true }
    public static func merge(_ higher: Self, _ lower: Self) -> Self { lower }
    public static func resolved(_ written: Self, over value: Self?) -> Self { written }
}

/// An optional field (nil: "not promised") merges as its value does.
extension Optional: TermField where Wrapped: TermField {
    public typealias Written = Wrapped.Written
    public static var mergesWhole: Bool { Wrapped.mergesWhole }
    public static func merge(_ higher: Written, _ lower: Written) -> Written { Wrapped.merge(higher, lower) }
    public static func resolved(_ written: Written, over value: Wrapped??) -> Wrapped? {
        Wrapped.resolved(written, over: value ?? nil)
    }
}

extension Double: TermField { public typealias Written = Double }
extension Int: TermField { public typealias Written = Int }
extension Bool: TermField { public typealias Written = Bool }
extension PeriodKind: TermField { public typealias Written = PeriodKind }

/// Lists are replaced whole (docs/spec.md §2).
extension Array: TermField where Element: Hashable { public typealias Written = [Element] }

extension SupportTerms: TermField {
    public typealias Written = SupportTerms
    public static var mergesWhole: Bool { false }
    public static func merge(_ higher: SupportTerms, _ lower: SupportTerms) -> SupportTerms { higher.merged(with: lower) }
}

/// `impact_weights`: the impacts a level names amend the weights above it, impact by impact.
extension ImpactWeights: TermField {
    public typealias Written = [Impact: Double]
    public static var mergesWhole: Bool { false }
    public static func merge(_ higher: [Impact: Double], _ lower: [Impact: Double]) -> [Impact: Double] {
        higher.merging(lower) { _, lower in lower }
    }
    public static func resolved(_ written: [Impact: Double], over value: ImpactWeights?) -> ImpactWeights {
        var out = value ?? .standard
        for (impact, w) in written { out[impact] = w }
        return out
    }
}

/// `downtime`: written as a map merged key by key, resolved with docs/spec.md §2's defaults.
extension DowntimeRule: TermField {
    public typealias Written = DowntimeTerms
    public static var mergesWhole: Bool { false }
    public static func merge(_ higher: DowntimeTerms, _ lower: DowntimeTerms) -> DowntimeTerms { higher.merged(with: lower) }
    public static func resolved(_ written: DowntimeTerms, over value: DowntimeRule?) -> DowntimeRule { written.resolved }
}

/// `claim_window_days` or `claim_window_months`: two ways to write one window, so the level
/// that sets either sets the window.
extension ClaimWindow: TermField { public typealias Written = ClaimWindow }
