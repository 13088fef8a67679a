/// A month to report with its edges in the site zone (SPEC §3: months count real minutes).
public struct ReportedMonth: Sendable, Hashable {
    public var month: YearMonth
    public var start: Instant
    /// The next month's start.
    public var end: Instant

    public init(_ month: YearMonth, in calendar: SiteCalendar) {
        self.month = month
        start = calendar.start(of: month)
        end = calendar.end(of: month)
    }
}

/// Everything one plan × service's month figures are computed from, as one value: what
/// `SLAArithmetic.monthFigures(_:)` reads and nothing else (so it can key a kept result).
public struct LevelInputs: Sendable, Hashable {
    /// The terms in force (SPEC §2 levels).
    public var terms: ResolvedTerms
    /// The months reported, oldest first.
    public var months: [ReportedMonth]
    public var now: Instant
    public var weights: ImpactWeights
    /// The incidents that count against this plan × service, as the sweep reads them.
    public var incidents: [CountedIncident]
    /// Uptime per month from measurements.csv for this service.
    public var measured: [YearMonth: Double]
}

/// SPEC §3 step by step, before any month is computed: which incidents count against each
/// plan × service, the terms in force, the months reported, and so each level's inputs.
public struct FiguresPlan: Sendable {
    public let now: Instant
    public let currentMonth: YearMonth
    /// Per plan (`Site.plans` order), per covered service (the plan's order).
    public let inputs: [[LevelInputs]]
    /// Indices into `Site.incidents` of the incidents counting against each plan × service.
    public let counting: [[[Int]]]
    /// The plan and service id of each level.
    public let levels: [[(plan: String, service: String)]]

    public init(site: Site, now: Instant) {
        let calendar = site.config.calendar
        self.now = now
        currentMonth = calendar.month(containing: now)
        let first = SLAArithmetic.firstMonthWithData(site: site, now: now)
        let counting = Self.countingIncidents(site)
        var monthLists: [YearMonth: [ReportedMonth]] = [:]
        var measured: [String: [YearMonth: Double]] = [:]
        for m in site.measurements { measured[m.service, default: [:]][m.month] = m.uptime }
        var inputs: [[LevelInputs]] = []
        var ids: [[(plan: String, service: String)]] = []
        for (p, plan) in site.plans.enumerated() {
            let from = Self.firstMonth(of: plan, firstData: first, currentMonth: currentMonth)
            let months: [ReportedMonth]
            if let known = monthLists[from] {
                months = known
            } else {
                months = from.through(currentMonth).map { ReportedMonth($0, in: calendar) }
                monthLists[from] = months
            }
            inputs.append(
                plan.services.enumerated().map { s, entry in
                    LevelInputs(
                        terms: site.terms(plan: plan, service: entry.id), months: months, now: now,
                        weights: site.config.impactWeights,
                        incidents: counting[p][s].map { CountedIncident(site.incidents[$0]) },
                        measured: measured[entry.id] ?? [:])
                })
            ids.append(plan.services.map { (plan.id, $0.id) })
        }
        self.inputs = inputs
        self.counting = counting
        self.levels = ids
    }

    /// SPEC §3: the incidents that affect S in P (each listed once per plan × service).
    public static func countingIncidents(_ site: Site) -> [[[Int]]] {
        var byService: [String: [Int]] = [:]
        for (k, incident) in site.incidents.enumerated() {
            for (j, s) in incident.services.enumerated() where !incident.services[..<j].contains(s) {
                byService[s, default: []].append(k)
            }
        }
        return site.plans.map { plan in
            plan.services.map { entry in
                (byService[entry.id] ?? []).filter { site.incidents[$0].affects(service: entry.id, plan: plan.id) }
            }
        }
    }

    /// SPEC §3: a plan's months run from its `effective` month, else the first month with
    /// status data, else the month of *now*.
    public static func firstMonth(of plan: Plan, firstData: YearMonth?, currentMonth: YearMonth) -> YearMonth {
        plan.effective.map { YearMonth(year: $0.year, month: $0.month) } ?? firstData ?? currentMonth
    }

    /// The site's figures from each level's month figures (same shape as `inputs`).
    public func figures(_ months: [[[MonthFigure]]]) -> SiteFigures {
        let plans = inputs.indices.map { p in
            inputs[p].indices.map { s in
                ServiceLevel(
                    planID: levels[p][s].plan, serviceID: levels[p][s].service, terms: inputs[p][s].terms,
                    months: months[p][s], incidentIndices: counting[p][s])
            }
        }
        return SiteFigures(now: now, currentMonth: currentMonth, plans: plans)
    }
}
