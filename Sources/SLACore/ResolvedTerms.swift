/// The terms in force for one plan and service after inheritance and defaults: each term's
/// value by its `TermKey` (`terms[TermKeys.creditCap]`), its key's default where no level
/// wrote it. What a level writes, and how levels merge it, is its type's `TermField` rule, and
/// `SLATerms.resolve` fills the values. A term's name, decoding and outputs are its description
/// in SiteRender's `TermCatalog` (docs/content.md, "Adding a term").
///
/// The values live in one array indexed by the key's slot: a read is an index and a cast the
/// type system already guarantees (each slot belongs to one key of one type), so the loops over
/// plans, services and periods pay no lookup. The named accessors below are the first terms'
/// (kept for the arithmetic's readability); a new term needs none.
public struct ResolvedTerms: Sendable, Hashable {
    /// By slot; nil where the term has its key's default (so equal terms store equal arrays,
    /// up to trailing nils).
    private var values: [TermValueBox?] = []

    /// Every term at its default.
    public init() {}

    /// The defaults with `set` applied, e.g. `ResolvedTerms { $0.uptime = 99.9 }`.
    public init(_ set: (inout ResolvedTerms) throws -> Void) rethrows {
        try set(&self)
    }

    /// The value of the term `key`.
    public subscript<V>(key: TermKey<V>) -> V {
        get {
            let slot = key.slot
            guard slot < values.count, let box = values[slot] else { return key.defaultValue }
            // The slot is `key`'s alone, and only this setter fills it, with a `V`.
            return unsafeDowncast(box, to: TypedTermValue<V>.self).value
        }
        set {
            let slot = key.slot
            guard newValue != key.defaultValue else {
                if slot < values.count { values[slot] = nil }
                return
            }
            if slot >= values.count { values.append(contentsOf: repeatElement(nil, count: slot + 1 - values.count)) }
            values[slot] = TypedTermValue(newValue)
        }
    }

    public static func == (a: ResolvedTerms, b: ResolvedTerms) -> Bool {
        // Terms the preview kept (`TermLayers`) are the same storage: equal without reading them.
        if sharesStorage(a.values, b.values) { return true }
        for slot in 0..<max(a.values.count, b.values.count) {
            let x = slot < a.values.count ? a.values[slot] : nil
            let y = slot < b.values.count ? b.values[slot] : nil
            switch (x, y) {
            case (nil, nil): continue
            case (let x?, let y?): if x !== y && !x.isEqual(y) { return false }
            default: return false
            }
        }
        return true
    }

    public func hash(into h: inout Hasher) {
        for (slot, box) in values.enumerated() {
            guard let box else { continue }
            h.combine(slot)
            box.hash(into: &h)
        }
    }
}

extension TermKeys {
    /// docs/spec.md §2 `uptime`: the objective in percent per period; nil means "no uptime commitment".
    public static let uptime = TermKey<Double?>("uptime", default: nil)
    /// docs/spec.md §2 `credits`: the tiers as written (`tiersByThreshold` orders them).
    public static let credits = TermKey<[CreditTier]>("credits", default: [])
    /// docs/spec.md §2 `credit_cap`: the maximum credit in a period, percent of the fee.
    public static let creditCap = TermKey<Double>("credit_cap", default: 100)
    /// `claim_window_days` or `claim_window_months`; nil: no window.
    public static let claimWindow = TermKey<ClaimWindow?>("claim_window_days", default: nil)
    /// Downtime weight per impact for this plan × service (an incident's own `weight` wins);
    /// `SLATerms.resolve` starts it at the site's `impact_weights`.
    public static let impactWeights = TermKey<ImpactWeights>("impact_weights", default: .standard)
    /// docs/spec.md §2 `exclude_maintenance`.
    public static let excludeMaintenance = TermKey<Bool>("exclude_maintenance", default: true)
    /// `termination.consecutive_misses`: missed periods in a row that give the right to terminate.
    public static let terminationConsecutiveMisses = TermKey<Int?>("termination", default: nil)
    /// docs/spec.md §2 `support`.
    public static let support = TermKey<SupportTerms?>("support", default: nil)
    /// docs/spec.md §2 `downtime`: how Downtime is measured (incidents unless the terms say samples).
    public static let downtime = TermKey<DowntimeRule>("downtime", default: .incidents)
    /// docs/spec.md §2 `period`: the measurement period every figure is judged over.
    public static let period = TermKey<PeriodKind>("period", default: .month)
    /// docs/spec.md §2 `period_start_month`: the month (1–12) quarters and years start in.
    public static let periodStartMonth = TermKey<Int>("period_start_month", default: 1)
}

extension ResolvedTerms {
    // The first terms by name, for the arithmetic and pages that read them often.
    public var uptime: Double? {
        get { self[TermKeys.uptime] }
        set { self[TermKeys.uptime] = newValue }
    }
    public var credits: [CreditTier] {
        get { self[TermKeys.credits] }
        set { self[TermKeys.credits] = newValue }
    }
    public var creditCap: Double {
        get { self[TermKeys.creditCap] }
        set { self[TermKeys.creditCap] = newValue }
    }
    public var claimWindow: ClaimWindow? {
        get { self[TermKeys.claimWindow] }
        set { self[TermKeys.claimWindow] = newValue }
    }
    public var impactWeights: ImpactWeights {
        get { self[TermKeys.impactWeights] }
        set { self[TermKeys.impactWeights] = newValue }
    }
    public var excludeMaintenance: Bool {
        get { self[TermKeys.excludeMaintenance] }
        set { self[TermKeys.excludeMaintenance] = newValue }
    }
    public var terminationConsecutiveMisses: Int? {
        get { self[TermKeys.terminationConsecutiveMisses] }
        set { self[TermKeys.terminationConsecutiveMisses] = newValue }
    }
    public var support: SupportTerms? {
        get { self[TermKeys.support] }
        set { self[TermKeys.support] = newValue }
    }
    public var downtime: DowntimeRule {
        get { self[TermKeys.downtime] }
        set { self[TermKeys.downtime] = newValue }
    }
    public var period: PeriodKind {
        get { self[TermKeys.period] }
        set { self[TermKeys.period] = newValue }
    }
    public var periodStartMonth: Int {
        get { self[TermKeys.periodStartMonth] }
        set { self[TermKeys.periodStartMonth] = newValue }
    }

    /// The claim window in days after the period's end, when it is written in days.
    public var claimWindowDays: Int? {
        if case .days(let n)? = claimWindow { return n }
        return nil
    }

    /// The claim window in calendar months after the period's last month, when written so.
    public var claimWindowMonths: Int? {
        if case .months(let n)? = claimWindow { return n }
        return nil
    }

    /// docs/spec.md §3 `claim_by`: the last day on which a credit for month `m` may be claimed — the
    /// month's last day plus `claim_window_days`, or the last day of the `claim_window_months`-th
    /// month after; nil without a window.
    public func claimBy(_ m: YearMonth) -> CalendarDay? {
        claimBy(Period(month: m))
    }

    /// docs/spec.md §3 Periods: `claim_by` counted from the period's end — its last day plus
    /// `claim_window_days`, or the last day of the `claim_window_months`-th month after its last
    /// month; nil without a window.
    public func claimBy(_ p: Period) -> CalendarDay? {
        switch claimWindow {
        case .days(let days)?: p.to.adding(days: days)
        case .months(let months)?: p.last.adding(months: months).lastDay
        case nil: nil
        }
    }

    /// docs/spec.md §3: the per-month budget quoted on summaries, over the average month of 43,830 minutes.
    public var budgetMinutesPerMonth: Double? {
        uptime.map { SLAArithmetic.budget(objective: $0, minutes: SLAArithmetic.averageMonthMinutes) }
    }

    /// The budget quoted on summaries per measurement period: over the average month × the
    /// period's months (a quarter of 131,490 minutes, a year of 525,960).
    public var budgetMinutesPerPeriod: Double? {
        uptime.map { SLAArithmetic.budget(objective: $0, minutes: SLAArithmetic.averageMonthMinutes * Double(period.months)) }
    }

    /// The period of these terms that holds month `m`.
    public func period(containing m: YearMonth) -> Period {
        Period(period, containing: m, startMonth: periodStartMonth)
    }

    /// Credit tiers ordered from the highest threshold down.
    public var tiersByThreshold: [CreditTier] {
        credits.sorted { $0.below != $1.below ? $0.below > $1.below : $0.credit < $1.credit }
    }
}

/// docs/spec.md §2 `claim_window_days` / `claim_window_months`: one claim window, written one way.
public enum ClaimWindow: Sendable, Hashable {
    /// Days after the period's last day.
    case days(Int)
    /// By the end of the Nth calendar month after the period's last month.
    case months(Int)
}
