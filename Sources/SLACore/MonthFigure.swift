/// The numbers of one plan × service × calendar month (SPEC §3), unrounded.
public struct MonthFigure: Sendable, Hashable {
    public var month: YearMonth
    /// Real minutes in the whole month in the site zone.
    public var minutes: Double
    /// Minutes the uptime is measured over: the whole month once final, else the minutes elapsed.
    public var elapsedMinutes: Double
    public var downtimeMinutes: Double
    public var uptime: Double
    /// True when measurements.csv gave the uptime.
    public var measured: Bool
    /// True once the month is over (its end is at or before *now*).
    public var final: Bool
    /// nil when there is no uptime objective.
    public var met: Bool?
    /// Downtime the objective allows in this month; nil without an objective.
    public var budgetMinutes: Double?
    public var credit: Double
    /// SPEC §3: the last day to claim this month's credit; nil without a credit or a window.
    public var claimBy: CalendarDay?
    public var terminationRight: Bool

    public var budgetLeftMinutes: Double? { budgetMinutes.map { $0 - downtimeMinutes } }
}

/// One plan × service: the terms in force and the monthly history, oldest first.
public struct ServiceLevel: Sendable, Hashable {
    public var planID: String
    public var serviceID: String
    public var terms: ResolvedTerms
    public var months: [MonthFigure]

    /// SPEC §3: the per-month budget quoted on summaries uses the average month of 43,830 minutes.
    public var budgetMinutesPerMonth: Double? {
        terms.uptime.map { SLAArithmetic.budget(objective: $0, minutes: SLAArithmetic.averageMonthMinutes) }
    }

    /// The month of *now*, when it is not over yet.
    public var current: MonthFigure? { months.last.flatMap { $0.final ? nil : $0 } }

    /// Final months that missed the objective.
    public var missedMonths: [MonthFigure] { months.filter { $0.final && $0.met == false } }
}

/// All numbers of a site at one reference time.
public struct SiteFigures: Sendable {
    public var now: Instant
    public var currentMonth: YearMonth
    /// Per plan (same order as `Site.plans`), per covered service (same order as the plan's map).
    public var plans: [[ServiceLevel]]
    /// Per plan × service (same shape as `plans`), indices into `Site.incidents` of the incidents
    /// that count against it. Apart from the levels: the places shift when an incident is added
    /// before, while the figures stay.
    public var counting: [[[Int]]]

    public func level(plan: String, service: String) -> ServiceLevel? {
        for levels in plans {
            if let level = levels.first(where: { $0.planID == plan && $0.serviceID == service }) { return level }
        }
        return nil
    }
}
