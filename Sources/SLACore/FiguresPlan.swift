/// A month to report with its edges in the site zone (docs/spec.md §3: months count real minutes).
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
    /// The terms in force in any of the months (docs/spec.md §3 Terms in force), each once.
    public var terms: [ResolvedTerms]
    /// The months reported, oldest first.
    public var months: [ReportedMonth]
    /// Per month, the index into `terms` of the terms in force in it.
    public var termsOfMonth: [Int]
    /// Per month, the version in force (its `effective` day, docs/spec.md §2 Versions).
    public var versionOfMonth: [CalendarDay]
    public var now: Instant
    /// The weight function w(t) of docs/spec.md §3 for this plan × service under each of `terms` (its
    /// weights and maintenance rule): every incident that counts, with its weight applied.
    public var spans: [[WeightedSpan]]
    /// Uptime per month from measurements.csv for this service.
    public var measured: [YearMonth: Double]
    /// docs/spec.md §3 `status_since`: a month that ends at or before it has no data.
    public var statusSince: Instant?
    /// docs/spec.md §3 Downtime from samples, when the terms of any month measure by samples: what the
    /// months under such terms read their Downtime from (their `spans` are empty).
    public var samples: SampleDowntime? = nil
    /// The weight function of each of `terms` with the incident that sets it (see
    /// `Downtime.attributedSpans`); `spans` is these, weighted and merged.
    public var attributed: [[AttributedSpan]] = [[]]
    /// When each counting incident is open (its end capped at *now*), in the counting order
    /// the spans' causes refer to.
    public var windows: [OpenWindow] = []
    /// The days reported (the last `FiguresPlan.barDays` up to *now*), oldest first.
    public var days: [ReportedDay] = []
    /// docs/spec.md §3 Periods: the judged periods in order, each a run of `months`; empty when every
    /// month is judged on its own (no terms measure by quarters or years).
    public var periods: [PeriodGroup] = []
    /// The index into `terms` of the version in force in the month of *now*, when a longer period
    /// judges that month by the terms of the period's first day (`termsOfMonth` then says those).
    public var termsNow: Int? = nil
    /// docs/spec.md §3 *Composite services*: set for a composite, whose `spans` and `attributed` (the
    /// same for all its terms) are its parts' combined; nil for a service measured on its own.
    public var combine: CombineRule? = nil
    /// A composite's parts, in the order listed (empty otherwise).
    public var parts: [String] = []

    /// Whether the months under `terms[k]` read their Downtime from `samples` alone.
    public func readsSamples(_ k: Int) -> Bool { Self.readsSamples(terms[k], combine: combine) }

    /// `readsSamples` on the fields it reads, for a reader that holds the level in place
    /// (`SLAArithmetic.incidentCounts` through its box) and must not copy it whole.
    static func readsSamples(_ terms: ResolvedTerms, combine: CombineRule?) -> Bool {
        combine == nil && terms.downtime.samplesOnly
    }

    /// docs/spec.md §4 `source` of a month under `terms[k]` without a measurements.csv row.
    public func source(_ k: Int) -> FigureSource { combine != nil ? .parts : FigureSource(terms[k].downtime.source) }

    /// The terms in force in month `i` of `months`.
    public func terms(ofMonth i: Int) -> ResolvedTerms { terms[termsOfMonth[i]] }

    /// The terms in force now: the last reported month's version.
    public var currentTerms: ResolvedTerms { (termsNow ?? termsOfMonth.last).map { terms[$0] } ?? terms[0] }
}

/// One judged period of a level: `count` consecutive entries of `LevelInputs.months` from `first`.
public struct PeriodGroup: Sendable, Hashable {
    public var period: Period
    public var first: Int
    public var count: Int
    /// The period's end in the site zone (the period in progress counts its months to come).
    public var end: Instant

    public init(period: Period, first: Int, count: Int, end: Instant) {
        self.period = period
        self.first = first
        self.count = count
        self.end = end
    }

    public var range: Range<Int> { first..<(first + count) }
}

/// docs/spec.md §3 step by step, before any month is computed: which incidents count against each
/// plan × service, the terms in force month by month, the months reported, and so each level's
/// inputs.
public struct FiguresPlan: Sendable {
    /// Issue 16: the daily bars cover the last 90 days up to *now*, in the site zone.
    public static let barDays = 90

    public let now: Instant
    public let currentMonth: YearMonth
    /// Per plan (`Site.plans` order), per service the plan covers in any reported month (in the
    /// order the versions in force first list them).
    public let inputs: [[LevelInputs]]
    /// Indices into `Site.incidents` of the incidents counting against each plan × service.
    public let counting: [[[Int]]]
    /// docs/spec.md §2 `status_since` as applied (written, or the default).
    public let statusSince: Instant
    /// The plan and service id of each level.
    public let levels: [[(plan: String, service: String)]]
    /// Per plan, every version with its services' terms resolved, and the one in force now.
    public let versions: [[VersionTerms]]
    public let currentVersion: [Int]

    /// - Parameter sampleDowntime: computes each distinct Downtime from samples, in order (the
    ///   build runs them on all cores and keeps them for the preview).
    /// - Parameter resolveTerms: resolves one version's terms for one service (`TermLayers.resolved`;
    ///   the preview keeps them, so unchanged terms keep their storage and compare in constant
    ///   time wherever a key holds them). The string is where they belong, for the store's slot.
    public init(
        site: Site, now: Instant,
        sampleDowntime: ([SampleDowntimeInput]) -> [SampleDowntime] = { $0.map(SampleDowntime.init) },
        resolveTerms: (TermLayers, String) -> ResolvedTerms = { layers, _ in layers.resolved }
    ) {
        // Each version × service once per build (the months loop and `versions` both ask).
        var resolvedTerms: [String: ResolvedTerms] = [:]
        func resolved(_ plan: Plan, _ version: PlanVersion, _ serviceID: String) -> ResolvedTerms {
            let slot = TermLayers.slot(plan: plan, version: version, service: serviceID)
            if let known = resolvedTerms[slot] { return known }
            let made = resolveTerms(site.termLayers(version: version, service: serviceID), slot)
            resolvedTerms[slot] = made
            return made
        }
        let calendar = site.config.calendar
        self.now = now
        currentMonth = calendar.month(containing: now)
        let first = SLAArithmetic.firstMonthWithData(site: site, now: now)
        let statusSince = Self.statusSince(site, firstData: first, currentMonth: currentMonth)
        self.statusSince = statusSince
        var monthLists: [YearMonth: [ReportedMonth]] = [:]
        var measured: [String: [YearMonth: Double]] = [:]
        for m in site.measurements { measured[m.service, default: [:]][m.month] = m.uptime }
        // Which services each plan reports, and the version in force month by month.
        var levelServices: [[String]] = []
        var planMonths: [(months: [ReportedMonth], versions: [PlanVersion], versionOfMonth: [Int])] = []
        for plan in site.plans {
            let from = Self.firstMonth(of: plan, firstData: first, currentMonth: currentMonth)
            let months: [ReportedMonth]
            if let known = monthLists[from] {
                months = known
            } else {
                months = from.through(currentMonth).map { ReportedMonth($0, in: calendar) }
                monthLists[from] = months
            }
            let versions = plan.versions(
                first: plan.effective.map(CalendarDay.init) ?? CalendarDay(year: from.year, month: from.month, day: 1))
            let versionOfMonth = months.map { Self.versionIndex(in: $0.month, of: versions) }
            var services: [String] = []
            for v in Set(versionOfMonth).sorted() {
                for entry in versions[v].services where !services.contains(entry.id) { services.append(entry.id) }
            }
            levelServices.append(services)
            planMonths.append((months, versions, versionOfMonth))
        }
        // docs/spec.md §3 Composite services: each composite level gets a level per part, measured over
        // the composite's months by the part's terms in this plan; they are computed like any
        // level, combined into the composite's, and not published (a part the plan lists is
        // published as its own level too).
        let compositeIDs = Set(site.services.filter(\.isComposite).map(\.id))
        var partLevels: [[Int: [Int]]] = []
        var parentLevel: [[Int?]] = []
        var publishedCount: [Int] = []
        for p in levelServices.indices {
            publishedCount.append(levelServices[p].count)
            var parents = [Int?](repeating: nil, count: levelServices[p].count)
            var parts: [Int: [Int]] = [:]
            var l = 0
            while l < levelServices[p].count {
                if compositeIDs.contains(levelServices[p][l]), let service = site.service(levelServices[p][l]) {
                    for part in service.parts {
                        parts[l, default: []].append(levelServices[p].count)
                        levelServices[p].append(part)
                        parents.append(l)
                    }
                }
                l += 1
            }
            partLevels.append(parts)
            parentLevel.append(parents)
        }
        var counting = Self.countingIncidents(site, levels: levelServices)
        // The sweep once per distinct set of incidents, weights and maintenance rule (plans share them).
        struct SweepInput: Hashable {
            var incidents: [Int]
            var weights: ImpactWeights
            var excludeMaintenance: Bool
        }
        var spans: [SweepInput: (attributed: [AttributedSpan], weighted: [WeightedSpan])] = [:]
        var windowLists: [[Int]: [OpenWindow]] = [:]
        let days = ReportedDay.last(Self.barDays, until: now, in: calendar)
        var inputs: [[LevelInputs]] = []
        var ids: [[(plan: String, service: String)]] = []
        // Each incident's start, and its end where it is over by now (read once, not per level).
        let starts = site.incidents.map(\.start)
        let over = site.incidents.map { incident in incident.end.flatMap { $0 <= now ? $0 : nil } }
        for (p, plan) in site.plans.enumerated() {
            let (months, versions, versionOfMonth) = planMonths[p]
            var planInputs: [LevelInputs] = []
            var coveredOf: [[Int]] = []
            for (s, serviceID) in levelServices[p].enumerated() {
                // The months in which the version in force covers the service (a part level:
                // its composite's months).
                let covered = parentLevel[p][s].map { coveredOf[$0] }
                    ?? months.indices.filter { versions[versionOfMonth[$0]].covers(serviceID) }
                coveredOf.append(covered)
                // An incident that is over and was open in none of these months (it ended before
                // the plan's terms covered the service) counts against no month of the level:
                // it is not the level's, so no page lists it there (docs/outputs.md).
                let reported = Self.runs(of: covered, in: months)
                counting[p][s].removeAll { k in
                    guard let end = over[k] else { return false }
                    return !reported.contains { starts[k] < $0.end && end > $0.start }
                }
                var terms: [ResolvedTerms] = []
                var termsOfMonth: [Int] = []
                var termsOfVersion: [Int: Int] = [:]
                for i in covered {
                    let v = versionOfMonth[i]
                    if let k = termsOfVersion[v] {
                        termsOfMonth.append(k)
                        continue
                    }
                    let t = resolved(plan, versions[v], serviceID)
                    let k = terms.firstIndex(of: t) ?? terms.count
                    if k == terms.count { terms.append(t) }
                    termsOfVersion[v] = k
                    termsOfMonth.append(k)
                }
                let levelSpans = terms.map { t -> (attributed: [AttributedSpan], weighted: [WeightedSpan]) in
                    let sweep = SweepInput(
                        incidents: counting[p][s], weights: t.impactWeights, excludeMaintenance: t.excludeMaintenance)
                    if let known = spans[sweep] { return known }
                    // One sweep gives both: who set w(t), and w(t) itself.
                    let attributed = Downtime.attributedSpans(
                        of: sweep.incidents.lazy.map { site.incidents[$0] }, weights: sweep.weights,
                        excludeMaintenance: sweep.excludeMaintenance, now: now)
                    let made = (attributed, Downtime.weighted(attributed))
                    spans[sweep] = made
                    return made
                }
                // Levels with the same counting incidents share one list of their windows.
                let windows: [OpenWindow]
                if let known = windowLists[counting[p][s]] {
                    windows = known
                } else {
                    windows = counting[p][s].map { k in
                        let incident = site.incidents[k]
                        return OpenWindow(start: incident.start, end: max(incident.start, min(incident.end ?? now, now)))
                    }
                    windowLists[counting[p][s]] = windows
                }
                let levelMonths = covered.map { months[$0] }
                var versionDays = covered.map { versions[versionOfMonth[$0]].effective }
                let termsNow = termsOfMonth.last
                // docs/spec.md §3 Periods: which months each judged period holds, and the terms that judge them.
                let periods = Self.periodGroups(
                    levelMonths, terms: terms, termsOfMonth: &termsOfMonth, versionOfMonth: &versionDays, calendar: calendar)
                var level = LevelInputs(
                    terms: terms, months: levelMonths, termsOfMonth: termsOfMonth,
                    versionOfMonth: versionDays, now: now,
                    spans: levelSpans.map(\.weighted), measured: measured[serviceID] ?? [:], statusSince: statusSince,
                    attributed: levelSpans.map(\.attributed), windows: windows, days: days)
                if !periods.isEmpty {
                    level.periods = periods
                    if termsNow != termsOfMonth.last { level.termsNow = termsNow }
                }
                planInputs.append(level)
            }
            inputs.append(planInputs)
            ids.append(levelServices[p].map { (plan.id, $0) })
        }
        // docs/spec.md §3 Downtime from samples, once per distinct input (plans share them).
        var sampleInputs: [SampleDowntimeInput] = []
        var sampleIndex: [SampleDowntimeInput: Int] = [:]
        var sampleLevels: [(p: Int, s: Int, k: Int)] = []
        for p in inputs.indices {
            for s in inputs[p].indices where partLevels[p][s] == nil {
                guard
                    let input = Self.sampleInput(
                        inputs[p][s], site: site, serviceID: ids[p][s].service, counting: counting[p][s])
                else { continue }
                let k = sampleIndex[input] ?? sampleInputs.count
                if k == sampleInputs.count {
                    sampleInputs.append(input)
                    sampleIndex[input] = k
                }
                sampleLevels.append((p, s, k))
            }
        }
        if !sampleInputs.isEmpty {
            let computed = sampleDowntime(sampleInputs)
            for (p, s, k) in sampleLevels {
                inputs[p][s].samples = computed[k]
                for (t, terms) in inputs[p][s].terms.enumerated() {
                    switch terms.downtime {
                    case .incidents: break
                    case .samples:
                        // Months under samples terms read `samples`, not the incidents' spans.
                        inputs[p][s].spans[t] = []
                    case .samplesAndIncidents:
                        // docs/spec.md §3 Both sources: w'(t) = max(w(t), b(t)), one weight function
                        // (the months of these terms hold only bad intervals of their own rule).
                        let both = Downtime.overlay(inputs[p][s].attributed[t], bad: computed[k].spans)
                        inputs[p][s].attributed[t] = both
                        inputs[p][s].spans[t] = Downtime.weighted(both)
                    }
                }
            }
        }
        // Composites from the last level back: a part level always comes after its composite.
        for p in inputs.indices {
            for s in inputs[p].indices.reversed() {
                guard let parts = partLevels[p][s], let service = site.service(ids[p][s].service) else { continue }
                let combined = Self.combined(
                    composite: inputs[p][s], own: counting[p][s], parts: parts.map { (inputs[p][$0], counting[p][$0]) },
                    partIDs: service.parts, combine: service.combine, site: site)
                inputs[p][s] = combined.inputs
                counting[p][s] = combined.counting
            }
            // Part levels are not published.
            inputs[p].removeLast(inputs[p].count - publishedCount[p])
            counting[p].removeLast(counting[p].count - publishedCount[p])
            ids[p].removeLast(ids[p].count - publishedCount[p])
        }
        self.inputs = inputs
        self.counting = counting
        self.levels = ids
        versions = zip(site.plans, planMonths).map { plan, planned in
            planned.versions.map { v in
                VersionTerms(
                    effective: v.effective, revision: v.revision,
                    services: v.services.map { .init(serviceID: $0.id, terms: resolved(plan, v, $0.id)) })
            }
        }
        let month = currentMonth  // not `self` in the closure: init is not over
        currentVersion = planMonths.map { Self.versionIndex(in: month, of: $0.versions) }
    }

    /// The input of a level's Downtime from samples, or nil when no month's terms measure by
    /// samples: its months with data, each with its rule and maintenance exclusion, the
    /// service's samples and the maintenance windows counting against the level.
    static func sampleInput(_ level: LevelInputs, site: Site, serviceID: String, counting: [Int]) -> SampleDowntimeInput? {
        guard level.terms.contains(where: { $0.downtime.sampleRule != nil }) else { return nil }
        var months: [ReportedMonth] = []
        var rules: [SampleRule?] = []
        var exclude: [Bool] = []
        for (i, m) in level.months.enumerated() {
            if let statusSince = level.statusSince, m.end <= statusSince { continue }
            let terms = level.terms(ofMonth: i)
            months.append(m)
            rules.append(terms.downtime.sampleRule)
            exclude.append(terms.excludeMaintenance)
        }
        // The maintenance windows for S in P, merged (an open one runs until now).
        var windows: [WeightedSpan] = []
        var maintenance: [(start: Instant, end: Instant)] = []
        for k in counting where site.incidents[k].impact == .maintenance {
            let incident = site.incidents[k]
            let end = min(incident.end ?? level.now, level.now)
            if incident.start < end { maintenance.append((incident.start, end)) }
        }
        maintenance.sort { $0.start < $1.start }
        for (start, end) in maintenance {
            if let last = windows.last, start <= last.end {
                windows[windows.count - 1].end = max(last.end, end)
            } else {
                windows.append(WeightedSpan(start: start, end: end, weight: 1))
            }
        }
        return SampleDowntimeInput(
            service: serviceID, series: site.samples[serviceID] ?? SampleSeries(), months: months, rules: rules,
            excludeMaintenance: exclude, maintenance: windows, now: level.now)
    }

    /// docs/spec.md §3 Terms in force: the index of the version in force in month `m`, the last whose
    /// effective day is on or before `m`'s first day.
    public static func versionIndex(in m: YearMonth, of versions: [PlanVersion]) -> Int {
        let first = CalendarDay(year: m.year, month: m.month, day: 1)
        return versions.lastIndex { $0.effective <= first } ?? 0
    }

    /// The months at `indices` (ascending) of `months` as runs of consecutive months: their
    /// first start and last end.
    static func runs(of indices: [Int], in months: [ReportedMonth]) -> [(start: Instant, end: Instant)] {
        var out: [(start: Instant, end: Instant)] = []
        var previous = -2
        for i in indices {
            if i == previous + 1 { out[out.count - 1].end = months[i].end } else { out.append((months[i].start, months[i].end)) }
            previous = i
        }
        return out
    }

    /// docs/spec.md §3: the incidents that affect S in P (each listed once per plan × service), for the
    /// services each plan reports. `init` then leaves out of each level's list those over before
    /// or between its months.
    public static func countingIncidents(_ site: Site, levels: [[String]]) -> [[[Int]]] {
        var byService: [String: [Int]] = [:]
        for (k, incident) in site.incidents.enumerated() {
            for (j, s) in incident.services.enumerated() where !incident.services[..<j].contains(s) {
                byService[s, default: []].append(k)
            }
        }
        // Only incidents that name plans can leave a plan out: other services' lists are whole.
        var restricted: Set<String> = []
        for incident in site.incidents where incident.plans != nil { restricted.formUnion(incident.services) }
        return zip(site.plans, levels).map { plan, services in
            services.map { serviceID in
                let all = byService[serviceID] ?? []
                guard restricted.contains(serviceID) else { return all }
                return all.filter { site.incidents[$0].affects(service: serviceID, plan: plan.id) }
            }
        }
    }

    /// docs/spec.md §2 `status_since`: as written (its first instant in the site zone), else the first
    /// day of the first month with status data. A site with no status data at all has none
    /// before the month of *now*: its earlier months would otherwise read as perfect.
    public static func statusSince(_ site: Site, firstData: YearMonth?, currentMonth: YearMonth) -> Instant {
        let calendar = site.config.calendar
        if let day = site.config.statusSince { return calendar.instant(LocalDateTime(year: day.year, month: day.month, day: day.day)) }
        return calendar.start(of: firstData ?? currentMonth)
    }

    /// docs/spec.md §3: a plan's months run from its `effective` month, else the first month with
    /// status data, else the month of *now*.
    public static func firstMonth(of plan: Plan, firstData: YearMonth?, currentMonth: YearMonth) -> YearMonth {
        plan.effective.map { YearMonth(year: $0.year, month: $0.month) } ?? firstData ?? currentMonth
    }

    /// Every level's inputs, plan by plan, in one list (the order `figures(_:)` takes them back).
    public var allInputs: [(inputs: LevelInputs, slot: String)] {
        inputs.indices.flatMap { p in inputs[p].indices.map { s in (inputs[p][s], levels[p][s].plan + "/" + levels[p][s].service) } }
    }

    /// The site's figures from each level's month figures, in the order of `allInputs`.
    public func figures(_ months: [[MonthFigure]]) -> SiteFigures {
        figures(months.map { LevelFigures(months: $0, days: []) })
    }

    /// The site's figures from each level's figures, in the order of `allInputs`.
    /// - Parameter boxes: each level's inputs behind one reference, in the same order (the
    ///   preview's are the last build's where equal, so keys that hold them compare by identity);
    ///   nil: new ones.
    public func figures(_ results: [LevelFigures], boxes: [Shared<LevelInputs>]? = nil) -> SiteFigures {
        var next = results.makeIterator()
        let plans = inputs.indices.map { p in
            inputs[p].indices.map { s in
                let result = next.next() ?? LevelFigures(months: [], days: [])
                return ServiceLevel(
                    planID: levels[p][s].plan, serviceID: levels[p][s].service, terms: inputs[p][s].currentTerms,
                    months: result.months, judgedPeriods: result.periods,
                    coveredNow: versions[p][currentVersion[p]].services.contains { $0.serviceID == levels[p][s].service },
                    days: result.days, parts: inputs[p][s].parts, combine: inputs[p][s].combine)
            }
        }
        var figures = SiteFigures(now: now, currentMonth: currentMonth, plans: plans, counting: counting, statusSince: statusSince)
        figures.versions = versions
        figures.currentVersion = currentVersion
        if let boxes {
            var next = boxes.makeIterator()
            figures.inputs = inputs.map { $0.map { next.next() ?? Shared($0) } }
        } else {
            figures.inputs = inputs.map { $0.map(Shared.init) }
        }
        return figures
    }
}

/// Everything computed for one plan × service from its `LevelInputs`: what the build keeps per level.
public struct LevelFigures: Sendable, Hashable {
    public var months: [MonthFigure]
    /// The last `FiguresPlan.barDays` days, oldest first.
    public var days: [DayFigure]
    /// docs/spec.md §3 Periods: the judged periods when any is longer than a month; else empty.
    public var periods: [MonthFigure]

    public init(months: [MonthFigure], days: [DayFigure], periods: [MonthFigure] = []) {
        self.months = months
        self.days = days
        self.periods = periods
    }
}
