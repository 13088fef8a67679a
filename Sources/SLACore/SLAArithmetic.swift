/// SPEC §3, the one definition of every number.
public enum SLAArithmetic {
    /// SPEC §3: the average month, 365.25 days / 12.
    public static let averageMonthMinutes = 43_830.0

    /// Downtime an objective allows over `minutes`.
    public static func budget(objective: Double, minutes: Double) -> Double {
        (1 - objective / 100) * minutes
    }

    /// Uptime percentage over `minutes` with `downtime` minutes down (100 when no time has passed).
    public static func uptime(minutes: Double, downtime: Double) -> Double {
        minutes > 0 ? 100 * (minutes - downtime) / minutes : 100
    }

    /// SPEC §3: met ⇔ uptime ≥ objective, with the tolerance.
    public static func met(uptime: Double, objective: Double) -> Bool {
        uptime >= objective - Published.tolerance
    }

    /// SPEC §3: the largest credit among tiers with uptime < below, capped; 0 when none applies.
    public static func credit(uptime: Double, tiers: [CreditTier], cap: Double) -> Double {
        var best = 0.0
        for tier in tiers where uptime < tier.below - Published.tolerance { best = max(best, tier.credit) }
        return min(best, cap)
    }

    /// The monthly history of one plan × service.
    ///
    /// - Parameters:
    ///   - spans: the weight function as sorted, disjoint spans (see `Downtime.spans`).
    ///   - months: the months to report, oldest first.
    ///   - measured: uptime per month from measurements.csv, which replaces the incident figure.
    ///   - edges: each month's start and end in the site zone, when already known.
    public static func monthFigures(
        spans: [WeightedSpan], months: [YearMonth], calendar: SiteCalendar, now: Instant,
        terms: ResolvedTerms, measured: [YearMonth: Double] = [:], edges: [YearMonth: (Instant, Instant)] = [:]
    ) -> [MonthFigure] {
        var figures: [MonthFigure] = []
        figures.reserveCapacity(months.count)
        var missRun = 0
        for m in months {
            let (start, end) = edges[m] ?? (calendar.start(of: m), calendar.end(of: m))
            let final = end <= now
            let windowEnd = final ? end : max(start, min(end, now))
            let minutes = Double(start.seconds(to: end)) / 60
            let elapsed = Double(start.seconds(to: windowEnd)) / 60
            let uptime: Double
            let downtime: Double
            if let u = measured[m] {
                uptime = u
                downtime = (100 - u) / 100 * elapsed
            } else {
                downtime = Downtime.minutes(in: spans, from: start, to: windowEnd)
                uptime = Self.uptime(minutes: elapsed, downtime: downtime)
            }
            let met = terms.uptime.map { Self.met(uptime: uptime, objective: $0) }
            let credit = final ? Self.credit(uptime: uptime, tiers: terms.credits, cap: terms.creditCap) : 0
            // SPEC §3: the right arises in each month that completes N final misses in a row.
            if final && met == false { missRun += 1 } else { missRun = 0 }
            let termination = terms.terminationConsecutiveMisses.map { final && met == false && missRun >= $0 } ?? false
            figures.append(
                MonthFigure(
                    month: m, minutes: minutes, elapsedMinutes: elapsed, downtimeMinutes: downtime, uptime: uptime,
                    measured: measured[m] != nil, final: final, met: met,
                    budgetMinutes: terms.uptime.map { budget(objective: $0, minutes: minutes) }, credit: credit,
                    terminationRight: termination))
        }
        return figures
    }

    /// Every number of the site at reference time `now`.
    ///
    /// - Parameter cache: keeps each plan × service's figures between runs (preview): a level
    ///   whose inputs did not change is not computed again.
    public static func figures(for site: Site, now: Instant, cache: FiguresCache? = nil) -> SiteFigures {
        let calendar = SiteCalendar(timeZone: site.config.timeZone)
        let currentMonth = calendar.month(containing: now)
        let firstData = firstMonthWithData(site: site, calendar: calendar, now: now)
        var byService: [String: [Int]] = [:]
        for (k, incident) in site.incidents.enumerated() {
            // Each service once (a list of a few names: no set needed).
            for (j, s) in incident.services.enumerated() where !incident.services[..<j].contains(s) {
                byService[s, default: []].append(k)
            }
        }
        var measuredByService: [String: [YearMonth: Double]] = [:]
        for m in site.measurements { measuredByService[m.service, default: [:]][m.month] = m.uptime }
        var monthCache: [YearMonth: [YearMonth]] = [:]
        // Month edges come from the time zone database once per build, not once per plan × service.
        var edges: [YearMonth: (Instant, Instant)] = [:]
        func months(from first: YearMonth) -> [YearMonth] {
            if let cached = monthCache[first] { return cached }
            let list = first.through(currentMonth)
            for m in list where edges[m] == nil { edges[m] = (calendar.start(of: m), calendar.end(of: m)) }
            monthCache[first] = list
            return list
        }
        struct SpanKey: Hashable {
            var indices: [Int]
            var exclude: Bool
        }
        // Each distinct set of incidents gets a number; plans usually share them.
        var keyIDs: [SpanKey: Int] = [:]
        var keys: [SpanKey] = []
        // `Site.terms(plan:service:)` with its lookups done once: service defaults by id.
        var serviceDefaults: [String: SLATerms] = [:]
        for service in site.services where serviceDefaults[service.id] == nil { serviceDefaults[service.id] = service.defaults }
        let incidents = site.incidents

        // What each plan × service needs, worked out in one pass: its months, terms and incidents.
        struct Job: Sendable {
            var plan: Int
            var serviceID: String
            var months: [YearMonth]
            var terms: ResolvedTerms
            var key: Int
        }
        var jobs: [[Job]] = []
        // Services none of whose incidents names plans: every plan counts all of them, so the
        // set (and its number) is the same for every plan and is found without hashing it again.
        var restricted: Set<String> = []
        for incident in incidents where incident.plans != nil { restricted.formUnion(incident.services) }
        var unrestrictedIDs: [String: [Bool: Int]] = [:]
        for (p, plan) in site.plans.enumerated() {
            // SPEC §3: months run from `effective`, else the first month with status data, else now.
            let first = plan.effective.map { YearMonth(year: $0.year, month: $0.month) } ?? firstData ?? currentMonth
            let months = months(from: first)
            var own: [String: SLATerms] = [:]
            for entry in plan.services where own[entry.id] == nil { own[entry.id] = entry.terms }
            jobs.append(
                plan.services.map { entry in
                    let terms = SLATerms.resolve([
                        site.config.defaults, serviceDefaults[entry.id] ?? SLATerms(), plan.terms, own[entry.id] ?? SLATerms(),
                    ])
                    let exclude = terms.excludeMaintenance
                    if !restricted.contains(entry.id), let id = unrestrictedIDs[entry.id]?[exclude] {
                        return Job(plan: p, serviceID: entry.id, months: months, terms: terms, key: id)
                    }
                    // byService lists the incidents naming this service; only a plan list can leave one out.
                    let all = byService[entry.id] ?? []
                    let indices = restricted.contains(entry.id) ? all.filter { incidents[$0].plans?.contains(plan.id) ?? true } : all
                    let key = SpanKey(indices: indices, exclude: exclude)
                    let id: Int
                    if let known = keyIDs[key] {
                        id = known
                    } else {
                        id = keys.count
                        keyIDs[key] = id
                        keys.append(key)
                    }
                    if !restricted.contains(entry.id) { unrestrictedIDs[entry.id, default: [:]][exclude] = id }
                    return Job(plan: p, serviceID: entry.id, months: months, terms: terms, key: id)
                })
        }
        let weights = site.config.impactWeights
        let edgesByMonth = edges
        let measured = measuredByService

        // With a cache: each level's inputs as one digest; levels found need no spans or figures.
        var inputKeys: [[Int]]?
        var kept: [[ServiceLevel?]]?
        var needed = Array(repeating: true, count: keys.count)
        if let cache {
            // An incident counts by its start, end and impact (which levels it counts against is
            // each level's list of incidents), so an edit to its text keeps every figure.
            let digests = incidents.map { incident -> Int in
                var h = Hasher()
                h.combine(incident.start)
                h.combine(incident.end)
                h.combine(incident.impact)
                return h.finalize()
            }
            var shared = Hasher()
            shared.combine(now)
            shared.combine(calendar.timeZone.identifier)
            shared.combine(weights.major)
            shared.combine(weights.partial)
            shared.combine(weights.degraded)
            shared.combine(weights.maintenance)
            let sharedKey = shared.finalize()
            var measuredKeys: [String: Int] = [:]
            for (service, rows) in measuredByService {
                var h = Hasher()
                for m in rows.keys.sorted() {
                    h.combine(m)
                    h.combine(rows[m])
                }
                measuredKeys[service] = h.finalize()
            }
            let spanKeys = keys.map { key -> Int in
                var h = Hasher()
                h.combine(sharedKey)
                h.combine(key.exclude)
                h.combine(key.indices.count)
                for k in key.indices {
                    h.combine(k)
                    h.combine(digests[k])
                }
                return h.finalize()
            }
            let keyRows = jobs.map { row in
                row.map { job -> Int in
                    var h = Hasher()
                    h.combine(spanKeys[job.key])
                    h.combine(site.plans[job.plan].id)
                    h.combine(job.serviceID)
                    h.combine(job.terms)
                    h.combine(job.months.first)
                    h.combine(job.months.count)
                    h.combine(measuredKeys[job.serviceID])
                    return h.finalize()
                }
            }
            let found = cache.levels(keyRows)
            inputKeys = keyRows
            kept = found
            // Spans only for the sets of incidents some missing level needs.
            needed = Array(repeating: false, count: keys.count)
            for (row, levels) in zip(jobs, found) {
                for (job, level) in zip(row, levels) where level == nil { needed[job.key] = true }
            }
        }

        // Downtime spans once per distinct set of incidents, then the month figures of every
        // plan × service, both on all cores.
        let keyList = keys
        let neededList = needed
        let spans = ParallelWork.map(Array(keyList.indices)) { id -> [WeightedSpan] in
            guard neededList[id] else { return [] }
            let key = keyList[id]
            return Downtime.spans(
                of: key.indices.lazy.map { incidents[$0] }, weights: weights, excludeMaintenance: key.exclude, now: now)
        }
        let keptLevels = kept
        let jobList = jobs
        let plans = ParallelWork.map(Array(jobList.indices)) { p in
            jobList[p].indices.map { s -> ServiceLevel in
                if let level = keptLevels?[p][s] { return level }
                let job = jobList[p][s]
                let figures = monthFigures(
                    spans: spans[job.key], months: job.months, calendar: calendar, now: now, terms: job.terms,
                    measured: measured[job.serviceID] ?? [:], edges: edgesByMonth)
                return ServiceLevel(
                    planID: site.plans[job.plan].id, serviceID: job.serviceID, terms: job.terms, months: figures,
                    incidentIndices: keyList[job.key].indices)
            }
        }
        if let cache, let inputKeys { cache.store(inputKeys, plans) }
        return SiteFigures(now: now, currentMonth: currentMonth, plans: plans, inputKeys: inputKeys)
    }

    /// The earliest month, up to *now*, in which an incident starts or a measurement is given.
    public static func firstMonthWithData(site: Site, calendar: SiteCalendar, now: Instant) -> YearMonth? {
        let currentMonth = calendar.month(containing: now)
        var first: YearMonth?
        if let earliest = site.incidents.lazy.map(\.start).filter({ $0 <= now }).min() {
            first = calendar.month(containing: earliest)
        }
        for m in site.measurements where m.month <= currentMonth {
            if first == nil || m.month < first! { first = m.month }
        }
        return first
    }
}
