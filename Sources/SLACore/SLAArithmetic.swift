/// docs/spec.md §3, the one definition of every number.
public enum SLAArithmetic {
    /// docs/spec.md §3: the average month, 365.25 days / 12.
    public static let averageMonthMinutes = 43_830.0

    /// Downtime an objective allows over `minutes`.
    public static func budget(objective: Double, minutes: Double) -> Double {
        (1 - objective / 100) * minutes
    }

    /// Uptime percentage over `minutes` with `downtime` minutes down (100 when no time has passed).
    public static func uptime(minutes: Double, downtime: Double) -> Double {
        minutes > 0 ? 100 * (minutes - downtime) / minutes : 100
    }

    /// docs/spec.md §3: met ⇔ uptime ≥ objective, with the tolerance.
    public static func met(uptime: Double, objective: Double) -> Bool {
        uptime >= objective - Published.tolerance
    }

    /// docs/spec.md §3: the largest credit among tiers with uptime < below, capped; 0 when none applies.
    public static func credit(uptime: Double, tiers: [CreditTier], cap: Double) -> Double {
        var best = 0.0
        for tier in tiers where uptime < tier.below - Published.tolerance { best = max(best, tier.credit) }
        return min(best, cap)
    }

    /// docs/spec.md §3: the credit `terms` give for `uptime` over a judged period: the one place
    /// the terms' credit rules are applied (a term that changes the credit changes it here).
    public static func credit(uptime: Double, terms: ResolvedTerms) -> Double {
        credit(uptime: uptime, tiers: terms.credits, cap: terms.creditCap)
    }

    /// The credit owed just below each tier's threshold, highest threshold first: the schedule
    /// summaries print, read off `credit(uptime:tiers:cap:)` itself so the rule exists once.
    public static func creditSchedule(_ terms: ResolvedTerms) -> [CreditTier] {
        terms.tiersByThreshold.map { tier in
            // Just below the threshold (beyond the tolerance): every tier at or above it applies.
            let uptime = tier.below - 2 * Published.tolerance
            return CreditTier(below: tier.below, credit: credit(uptime: uptime, terms: terms))
        }
    }

    /// docs/spec.md §3 month by month: uptime, downtime, met, budget, credit and termination of one
    /// plan × service.
    ///
    /// - Parameters:
    ///   - spans: the weight function as sorted, disjoint spans (see `Downtime.spans`).
    ///   - months: the months to report with their edges in the site zone, oldest first.
    ///   - measured: uptime per month from measurements.csv, which replaces the incident figure.
    ///   - statusSince: a month that ends at or before it has no data: no uptime, downtime or
    ///     verdict, no credit, and it ends a run of misses (docs/spec.md §3).
    public static func monthFigures(
        spans: [WeightedSpan], months: [ReportedMonth], now: Instant, terms: ResolvedTerms,
        measured: [YearMonth: Double] = [:], statusSince: Instant? = nil
    ) -> [MonthFigure] {
        let version = months.first.map { CalendarDay(year: $0.month.year, month: $0.month.month, day: 1) }
        return monthFigures(
            LevelInputs(
                terms: [terms], months: months, termsOfMonth: months.map { _ in 0 },
                versionOfMonth: months.map { _ in version! }, now: now, spans: [spans], measured: measured,
                statusSince: statusSince))
    }

    /// The month figures of one plan × service from its inputs: each month judged by the terms
    /// in force in it (docs/spec.md §3 Terms in force), or published as information inside the quarter
    /// or year that judges it (docs/spec.md §3 Periods).
    public static func monthFigures(_ inputs: LevelInputs) -> [MonthFigure] {
        judgedFigures(inputs).months
    }

    /// The judged periods of one plan × service, oldest first (its months when every period is a month).
    public static func periodFigures(_ inputs: LevelInputs) -> [MonthFigure] {
        let judged = judgedFigures(inputs)
        return judged.periods.isEmpty ? judged.months : judged.periods
    }

    /// The months, and the judged periods when any is longer than a month (else none).
    static func judgedFigures(_ inputs: LevelInputs) -> (months: [MonthFigure], periods: [MonthFigure]) {
        let months = eachMonth(inputs)
        guard !inputs.periods.isEmpty else { return (months, []) }
        return periods(of: months, inputs)
    }

    /// Every month judged on its own by the terms in force in it.
    static func eachMonth(_ inputs: LevelInputs) -> [MonthFigure] {
        let now = inputs.now
        var figures: [MonthFigure] = []
        figures.reserveCapacity(inputs.months.count)
        var missRun = 0
        for (i, m) in inputs.months.enumerated() {
            let terms = inputs.terms(ofMonth: i)
            let spans = inputs.spans[inputs.termsOfMonth[i]]
            let final = m.end <= now
            var windowEnd = final ? m.end : max(m.start, min(m.end, now))
            if !final, inputs.readsSamples(inputs.termsOfMonth[i]), let rule = terms.downtime.sampleRule {
                // docs/spec.md §3: samples count in the current month's intervals ended by now (with
                // both sources the month runs to now, as its incidents do).
                let n = rule.intervalSeconds
                windowEnd = m.start.adding(seconds: m.start.seconds(to: windowEnd) / n * n)
            }
            let minutes = Double(m.start.seconds(to: m.end)) / 60
            let elapsed = Double(m.start.seconds(to: windowEnd)) / 60
            let allowed = terms.uptime.map { Self.budget(objective: $0, minutes: minutes) }
            if let statusSince = inputs.statusSince, m.end <= statusSince {
                missRun = 0
                figures.append(
                    MonthFigure(
                        month: m.month, minutes: minutes, elapsedMinutes: elapsed, downtimeMinutes: nil, uptime: nil,
                        source: .none, final: final, met: nil, budgetMinutes: allowed, credit: 0, claimBy: nil,
                        terminationRight: false, objective: terms.uptime, version: inputs.versionOfMonth[i],
                        terminationAfter: terms.terminationConsecutiveMisses))
                continue
            }
            let uptime: Double
            let downtime: Double
            if let u = inputs.measured[m.month] {
                // docs/spec.md §3: a measured uptime gives the downtime.
                uptime = u
                downtime = (100 - u) / 100 * elapsed
            } else {
                if inputs.readsSamples(inputs.termsOfMonth[i]) {
                    downtime = inputs.samples?.downtimeMinutes(from: m.start, to: windowEnd) ?? 0
                } else {
                    downtime = Downtime.minutes(in: spans, from: m.start, to: windowEnd)
                }
                uptime = Self.uptime(minutes: elapsed, downtime: downtime)
            }
            let met = terms.uptime.map { Self.met(uptime: uptime, objective: $0) }
            // docs/spec.md §3: no credit while the month is not over.
            let credit = final ? Self.credit(uptime: uptime, terms: terms) : 0
            // Each month's miss is judged by its own terms; the right by the terms of the month
            // that completes the run.
            missRun = final && met == false ? missRun + 1 : 0
            figures.append(
                MonthFigure(
                    month: m.month, minutes: minutes, elapsedMinutes: elapsed, downtimeMinutes: downtime, uptime: uptime,
                    source: inputs.measured[m.month] != nil ? .measurements : inputs.source(inputs.termsOfMonth[i]),
                    final: final, met: met,
                    budgetMinutes: allowed, credit: credit, claimBy: credit > 0 ? terms.claimBy(m.month) : nil,
                    terminationRight: terminationRight(missRun: missRun, terms: terms), objective: terms.uptime,
                    version: inputs.versionOfMonth[i], terminationAfter: terms.terminationConsecutiveMisses,
                    meanErrorRate: inputs.measured[m.month] == nil && inputs.readsSamples(inputs.termsOfMonth[i])
                        && terms.downtime.sampleRule?.method == .errorRate
                        ? 100 - uptime : nil))
        }
        return figures
    }

    /// Everything kept of one plan × service: its months and its days.
    public static func levelFigures(_ inputs: LevelInputs) -> LevelFigures {
        let judged = judgedFigures(inputs)
        return LevelFigures(months: judged.months, days: dayFigures(inputs), periods: judged.periods)
    }

    /// docs/spec.md §3: the right arises in each month that completes N final misses in a row.
    public static func terminationRight(missRun: Int, terms: ResolvedTerms) -> Bool {
        terms.terminationConsecutiveMisses.map { missRun >= $0 && missRun > 0 } ?? false
    }


    /// Every number of the site at reference time `now`, computed in order on one thread.
    public static func figures(for site: Site, now: Instant) -> SiteFigures {
        let plan = FiguresPlan(site: site, now: now)
        return plan.figures(plan.allInputs.map { levelFigures($0.inputs) })
    }

    /// The earliest month, up to *now*, in which an incident starts, a measurement is given or
    /// a sample starts.
    public static func firstMonthWithData(site: Site, now: Instant) -> YearMonth? {
        let calendar = site.config.calendar
        let currentMonth = calendar.month(containing: now)
        var first: YearMonth?
        if let earliest = site.incidents.lazy.map(\.start).filter({ $0 <= now }).min() {
            first = calendar.month(containing: earliest)
        }
        for m in site.measurements where m.month <= currentMonth {
            if first == nil || m.month < first! { first = m.month }
        }
        // docs/spec.md §2 status_since: samples are status data too.
        for series in site.samples.values where series.count > 0 && series.first <= now {
            let m = calendar.month(containing: series.first)
            if first == nil || m < first! { first = m }
        }
        return first
    }
}

extension FigureSource {
    /// The source of a month's figures measured by `source` (docs/spec.md §4 `source`).
    public init(_ source: DowntimeSource) {
        switch source {
        case .incidents: self = .incidents
        case .samples: self = .samples
        case .samplesAndIncidents: self = .samplesAndIncidents
        }
    }
}
