extension SLAArithmetic {
    /// docs/spec.md §3 Periods: the judged periods from the months judged one by one. A quarter's or
    /// year's minutes, elapsed minutes and Downtime are the sums over its months with data (a
    /// measurements.csv row gives its month's Downtime; with `error_rate` the sum is the mean over
    /// all the period's intervals), judged once by the terms of its first day: met, budget,
    /// credit with tiers and cap, claim_by from the period's end. The months inside are kept as
    /// information (`judged` false: no verdict, credit or claim_by); termination runs count
    /// consecutive judged periods.
    static func periods(of raw: [MonthFigure], _ inputs: LevelInputs) -> (months: [MonthFigure], periods: [MonthFigure]) {
        var months = raw
        var periods: [MonthFigure] = []
        periods.reserveCapacity(inputs.periods.count)
        var missRun = 0
        for group in inputs.periods {
            let terms = inputs.terms(ofMonth: group.first)
            var figure: MonthFigure
            if group.period.kind == .month {
                figure = months[group.first]
            } else {
                figure = period(group, of: months[group.range], reported: inputs.months[group.range].last!, terms: terms)
                for i in group.range {
                    months[i].judgedIn = group.period
                    months[i].met = nil
                    months[i].credit = 0
                    months[i].claimBy = nil
                    months[i].terminationRight = false
                }
            }
            // A period without data breaks a run (as a month without data does).
            missRun = figure.hasData && figure.final && figure.met == false ? missRun + 1 : 0
            figure.terminationRight = figure.hasData && terminationRight(missRun: missRun, terms: terms)
            if group.period.kind == .month { months[group.first].terminationRight = figure.terminationRight }
            periods.append(figure)
        }
        return (months, periods)
    }

    /// One quarter's or year's figure from its months (each already measured by the period's terms).
    ///
    /// - Parameter last: the last month reported in it; while the period is in progress its
    ///   months to come count in its minutes (its budget is the whole period's, as a month's is).
    static func period(
        _ group: PeriodGroup, of months: ArraySlice<MonthFigure>, reported last: ReportedMonth, terms: ResolvedTerms
    ) -> MonthFigure {
        let p = group.period
        let withData = months.filter(\.hasData)
        let first = withData.first ?? months.first!
        let final = months.last!.final
        let counted = withData.isEmpty ? Array(months) : withData
        let toCome = final ? 0 : Double(last.end.seconds(to: group.end)) / 60
        let minutes = counted.reduce(0) { $0 + $1.minutes } + toCome
        let elapsed = counted.reduce(0) { $0 + $1.elapsedMinutes }
        var figure = MonthFigure(
            month: first.month, minutes: minutes, elapsedMinutes: elapsed, downtimeMinutes: nil, uptime: nil,
            source: .none, final: final, met: nil, budgetMinutes: terms.uptime.map { budget(objective: $0, minutes: minutes) },
            credit: 0, claimBy: nil, terminationRight: false, objective: terms.uptime, version: first.version,
            terminationAfter: terms.terminationConsecutiveMisses, periodSpan: p)
        // docs/spec.md §3: a period whose months all have no data is not judged.
        guard !withData.isEmpty else { return figure }
        let downtime = withData.reduce(0) { $0 + ($1.downtimeMinutes ?? 0) }
        let uptime = uptime(minutes: elapsed, downtime: downtime)
        let measured = withData.contains(where: \.measured)
        figure.downtimeMinutes = downtime
        figure.uptime = uptime
        // The months' own source (samples, both, a composite's parts, incidents) unless measured.
        figure.source = measured ? .measurements : withData[0].source
        figure.met = terms.uptime.map { met(uptime: uptime, objective: $0) }
        // docs/spec.md §3: tiers and cap once per period, nothing while it is not over.
        figure.credit = final ? credit(uptime: uptime, terms: terms) : 0
        figure.claimBy = figure.credit > 0 ? terms.claimBy(p) : nil
        if !measured && figure.source == .samples && terms.downtime.sampleRule?.method == .errorRate {
            figure.meanErrorRate = 100 - uptime
        }
        return figure
    }
}
