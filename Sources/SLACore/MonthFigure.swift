/// Where a month's figures come from (docs/spec.md §4 `source`).
public enum FigureSource: String, Sendable, Hashable {
    /// The incidents' weight function (docs/spec.md §3).
    case incidents
    /// A row of measurements.csv.
    case measurements
    /// Request samples (docs/spec.md §3 Downtime from samples).
    case samples
    /// Request samples and incidents: a minute is Downtime when either says so (docs/spec.md §3 *Both
    /// sources*).
    case samplesAndIncidents = "samples_and_incidents"
    /// A composite's parts (docs/spec.md §3 *Composite services*), each by its own terms.
    case parts
    /// No data: the month ends at or before `status_since`. It is not judged.
    case none
}

/// The numbers of one plan × service × calendar month (docs/spec.md §3), unrounded; also those of one
/// judged quarter or year (docs/spec.md §3 Periods: every rule for a month holds for the period), so
/// every output describes a judged period by one kind of figure.
public struct MonthFigure: Sendable, Hashable {
    // Every level keeps all its months for the whole build, so the optional numbers are kept
    // as plain numbers with a bit each saying whether they are there (0 when not, so the
    // synthesized equality and hash still compare the values themselves), and the eight-byte
    // fields come first: 128 bytes a month instead of 168 (issue 23, peak memory).
    private var storedDowntime: Double = 0
    private var storedUptime: Double = 0
    private var storedBudget: Double = 0
    private var storedObjective: Double = 0
    private var storedMeanErrorRate: Double = 0
    private var storedTerminationAfter: Int = 0

    /// Real minutes in the whole month in the site zone.
    public var minutes: Double
    /// Minutes the uptime is measured over: the whole month once final, else the minutes elapsed.
    public var elapsedMinutes: Double
    public var credit: Double
    public var month: YearMonth
    /// docs/spec.md §2 Versions: the plan version in force in this month (its `effective` day).
    public var version: CalendarDay
    /// docs/spec.md §3: the last day to claim this month's credit; nil without a credit or a window.
    public var claimBy: CalendarDay?
    /// docs/spec.md §3 Periods: for the figure of a judged quarter or year, that period (`month` is then
    /// its first month counted); nil for a month's figure.
    public var periodSpan: Period?
    /// For a month inside a longer period, that quarter or year: the month is published as
    /// information, never judged (its `met` and `claimBy` nil, its credit 0 and published as null).
    public var judgedIn: Period?
    public var source: FigureSource
    /// True once the month is over (its end is at or before *now*).
    public var final: Bool
    /// nil when there is no uptime objective.
    public var met: Bool?
    public var terminationRight: Bool
    /// Which of the stored optional numbers are there (a bit each).
    private var present: UInt8 = 0

    public init(
        month: YearMonth, minutes: Double, elapsedMinutes: Double, downtimeMinutes: Double?, uptime: Double?,
        source: FigureSource, final: Bool, met: Bool?, budgetMinutes: Double?, credit: Double, claimBy: CalendarDay?,
        terminationRight: Bool, objective: Double?, version: CalendarDay, terminationAfter: Int? = nil,
        meanErrorRate: Double? = nil, periodSpan: Period? = nil, judgedIn: Period? = nil
    ) {
        self.month = month
        self.minutes = minutes
        self.elapsedMinutes = elapsedMinutes
        self.source = source
        self.final = final
        self.met = met
        self.credit = credit
        self.claimBy = claimBy
        self.terminationRight = terminationRight
        self.version = version
        self.periodSpan = periodSpan
        self.judgedIn = judgedIn
        self.downtimeMinutes = downtimeMinutes
        self.uptime = uptime
        self.budgetMinutes = budgetMinutes
        self.objective = objective
        self.terminationAfter = terminationAfter
        self.meanErrorRate = meanErrorRate
    }

    private static let hasDowntime: UInt8 = 1, hasUptime: UInt8 = 2, hasBudget: UInt8 = 4, hasObjective: UInt8 = 8,
        hasMeanErrorRate: UInt8 = 16, hasTerminationAfter: UInt8 = 32

    /// The optional number kept in `stored`, there when its bit is set.
    private subscript<T: Numeric>(bit: UInt8, stored: WritableKeyPath<MonthFigure, T>) -> T? {
        get { present & bit != 0 ? self[keyPath: stored] : nil }
        set {
            self[keyPath: stored] = newValue ?? 0
            present = newValue == nil ? present & ~bit : present | bit
        }
    }

    /// nil for a month without data.
    public var downtimeMinutes: Double? {
        get { self[Self.hasDowntime, \.storedDowntime] }
        set { self[Self.hasDowntime, \.storedDowntime] = newValue }
    }
    /// nil for a month without data.
    public var uptime: Double? {
        get { self[Self.hasUptime, \.storedUptime] }
        set { self[Self.hasUptime, \.storedUptime] = newValue }
    }
    /// True when measurements.csv gave the uptime.
    public var measured: Bool { source == .measurements }
    /// False for a month without data (docs/spec.md §3: published as such, never judged).
    public var hasData: Bool { source != .none }
    /// Downtime the objective allows in this month; nil without an objective.
    public var budgetMinutes: Double? {
        get { self[Self.hasBudget, \.storedBudget] }
        set { self[Self.hasBudget, \.storedBudget] = newValue }
    }
    /// docs/spec.md §4: the uptime objective that judged this month (its terms in force); nil without one.
    public var objective: Double? {
        get { self[Self.hasObjective, \.storedObjective] }
        set { self[Self.hasObjective, \.storedObjective] = newValue }
    }
    /// docs/spec.md §3: the `consecutive_misses` of the terms that judged this month (nil without a
    /// termination term): what a missed month's right is said to be.
    public var terminationAfter: Int? {
        get { self[Self.hasTerminationAfter, \.storedTerminationAfter] }
        set { self[Self.hasTerminationAfter, \.storedTerminationAfter] = newValue }
    }
    /// docs/spec.md §3 `method: error_rate`: the mean error rate of the month's intervals (ended by
    /// *now*), percent: 100 − uptime; nil for other months.
    public var meanErrorRate: Double? {
        get { self[Self.hasMeanErrorRate, \.storedMeanErrorRate] }
        set { self[Self.hasMeanErrorRate, \.storedMeanErrorRate] = newValue }
    }

    /// False for a month inside a longer period (see `judgedIn`).
    public var judged: Bool { judgedIn == nil }

    /// The period this figure is of: its month, or the quarter or year it judges.
    public var period: Period { periodSpan ?? Period(month: month) }

    public var budgetLeftMinutes: Double? {
        guard let budgetMinutes, let downtimeMinutes else { return nil }
        return budgetMinutes - downtimeMinutes
    }
}

/// One plan × service: the terms in force and the monthly history, oldest first.
public struct ServiceLevel: Sendable, Hashable {
    public var planID: String
    public var serviceID: String
    public var terms: ResolvedTerms
    /// Every month, oldest first: judged ones, and those inside a longer period as information.
    public var months: [MonthFigure]
    /// docs/spec.md §3 Periods: the judged quarters and years with the months judged on their own, in
    /// order; empty when every period is a month (then `periods` is `months`).
    public var judgedPeriods: [MonthFigure] = []
    /// Whether the version in force now covers the service (false for one a revision dropped:
    /// its history stays, its promise does not).
    public var coveredNow: Bool = true
    /// The last `FiguresPlan.barDays` days, oldest first (issue 16: the 90-day bars).
    public var days: [DayFigure] = []
    /// docs/spec.md §2 `parts`: a composite's parts, in the order listed (empty for a service measured
    /// on its own).
    public var parts: [String] = []
    /// docs/spec.md §2 `combine`: set for a composite.
    public var combine: CombineRule? = nil

    /// docs/spec.md §3: the per-month budget quoted on summaries uses the average month of 43,830 minutes.
    public var budgetMinutesPerMonth: Double? { terms.budgetMinutesPerMonth }

    /// The month of *now*, when it is not over yet.
    public var current: MonthFigure? { months.last.flatMap { $0.final ? nil : $0 } }

    /// The judged periods, oldest first: what history tables, feeds, claims and reports read.
    public var periods: [MonthFigure] { judgedPeriods.isEmpty ? months : judgedPeriods }

    /// Whether any period is longer than a month (sla.json then writes `periods`).
    public var hasLongPeriods: Bool { !judgedPeriods.isEmpty }

    /// The period of *now* (judged so far), when it is not over yet.
    public var currentPeriod: MonthFigure? { periods.last.flatMap { $0.final ? nil : $0 } }

    /// The first month with data, when some months have none (they come first).
    public var firstMonthWithData: MonthFigure? { months.first(where: \.hasData) }

    /// Final judged periods that missed the objective.
    public var missedMonths: [MonthFigure] { periods.filter { $0.final && $0.met == false } }
}

/// One version of a plan with every covered service's terms resolved (docs/spec.md §2 Versions): what
/// the plan page's change list, the version pages, sla.json's `versions` and the revision feed
/// items read.
public struct VersionTerms: Sendable, Hashable {
    public var effective: CalendarDay
    /// The revision that started it; nil for the front matter.
    public var revision: Revision?
    /// Covered services with their terms in this version, in order.
    public var services: [ServiceTerms]

    public struct ServiceTerms: Sendable, Hashable {
        public var serviceID: String
        public var terms: ResolvedTerms
    }

    /// Where the version stands at *now* (in the site zone): in force, superseded or upcoming.
    public enum Standing: String, Sendable {
        case current, superseded, upcoming

        /// Version `k` of a plan whose version `current` is in force now.
        public init(version k: Int, current: Int) {
            self = k == current ? .current : k < current ? .superseded : .upcoming
        }
    }
}

/// All numbers of a site at one reference time.
public struct SiteFigures: Sendable {
    /// This value's identity: new whenever the figures are made or any of them changes, so two
    /// values with the same `made` hold the same figures (an immutable class: nothing can change
    /// it). What is derived from the figures alone is kept under it (`IncidentCountedKey`).
    public final class Made: Sendable, Equatable {
        init() {}

        /// By identity: the same instance is the same computation, so the same figures; another
        /// is another computation (a key holding it then misses, never goes stale).
        public static func == (a: Made, b: Made) -> Bool { a === b }
    }

    public private(set) var made = Made()

    init(now: Instant, currentMonth: YearMonth, plans: [[ServiceLevel]], counting: [[[Int]]], statusSince: Instant) {
        self.now = now
        self.currentMonth = currentMonth
        self.plans = plans
        self.counting = counting
        self.statusSince = statusSince
    }

    public var now: Instant { didSet { made = Made() } }
    public var currentMonth: YearMonth { didSet { made = Made() } }
    /// Per plan (same order as `Site.plans`), per covered service (same order as the plan's map).
    public var plans: [[ServiceLevel]] { didSet { made = Made() } }
    /// Per plan × service (same shape as `plans`), indices into `Site.incidents` of the incidents
    /// that count against it: that affect the service in the plan and are open, upcoming, or
    /// were open in one of its months (an incident over before the plan's terms covered the
    /// service is not among them). Apart from the levels: the places shift when an incident is
    /// added before, while the figures stay.
    public var counting: [[[Int]]] { didSet { made = Made() } }
    /// docs/spec.md §2 `status_since` as applied: months that end at or before it have no data.
    public var statusSince: Instant { didSet { made = Made() } }
    /// Per plan, every version oldest first, upcoming ones included.
    public var versions: [[VersionTerms]] = [] { didSet { made = Made() } }
    /// Per plan, the index in `versions` of the version in force in the month of *now*.
    public var currentVersion: [Int] = [] { didSet { made = Made() } }
    /// Per plan × service (same shape as `plans`), what its figures were computed from: what an
    /// incident counted is read from it (`SLAArithmetic.incidentCounts(_:incident:)`), for the
    /// incident pages that ask, rather than kept for every incident of every level. Each behind
    /// one reference, so a page that reads one does not copy it.
    public var inputs: [[Shared<LevelInputs>]] = [] { didSet { made = Made() } }

    /// docs/spec.md §2 Versions: where version `k` of plan `p` stands in the month of *now*.
    public func standing(plan p: Int, version k: Int) -> VersionTerms.Standing {
        VersionTerms.Standing(version: k, current: currentVersion[p])
    }

    public func level(plan: String, service: String) -> ServiceLevel? {
        for levels in plans {
            if let level = levels.first(where: { $0.planID == plan && $0.serviceID == service }) { return level }
        }
        return nil
    }
}
