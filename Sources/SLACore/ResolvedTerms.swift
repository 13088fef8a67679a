/// The terms in force for one plan and service after inheritance and defaults: one stored
/// field per SLA term, read directly by the arithmetic (no lookup in the loops over plans,
/// services and months). Each field's initial value is the term's default (docs/spec.md §2); what a
/// level writes for it, and how levels merge it, is its type's `TermField` rule, and
/// `SLATerms.resolve` fills the fields. A term's name, decoding and outputs are its
/// description in SiteRender's `TermCatalog` (docs/content.md, "Adding a term").
public struct ResolvedTerms: Sendable, Hashable {
    /// Uptime objective in percent per period; nil means "no uptime commitment".
    public var uptime: Double? = nil
    /// Credit tiers as written (`tiersByThreshold` orders them).
    public var credits: [CreditTier] = []
    /// Maximum credit in a period, percent of the fee.
    public var creditCap: Double = 100
    /// `claim_window_days` or `claim_window_months`; nil: no window.
    public var claimWindow: ClaimWindow? = nil
    /// Downtime weight per impact for this plan × service (an incident's own `weight` wins);
    /// the site's `impact_weights` before any level amends them.
    public var impactWeights: ImpactWeights = .standard
    public var excludeMaintenance: Bool = true
    /// `termination.consecutive_misses`: missed periods in a row that give the right to terminate.
    public var terminationConsecutiveMisses: Int? = nil
    public var support: SupportTerms? = nil
    /// docs/spec.md §2 `downtime`: how Downtime is measured (incidents unless the terms say samples).
    public var downtime: DowntimeRule = .incidents
    /// docs/spec.md §2 `period`: the measurement period every figure is judged over.
    public var period: PeriodKind = .month
    /// docs/spec.md §2 `period_start_month`: the month (1–12) quarters and years start in.
    public var periodStartMonth: Int = 1

    /// Every term at its default.
    public init() {}

    /// The defaults with `set` applied, e.g. `ResolvedTerms { $0.uptime = 99.9 }`.
    public init(_ set: (inout ResolvedTerms) throws -> Void) rethrows {
        try set(&self)
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
