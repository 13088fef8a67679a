extension FiguresPlan {
    /// docs/spec.md §3 Periods: the judged periods of a level's months (consecutive, oldest first), and
    /// the terms that judge each month: a quarter or year is judged by the terms in force on its
    /// first day, so its months take those terms and that version. Empty (and nothing changed)
    /// when no terms measure by quarters or years: every month is then judged on its own.
    ///
    /// - A period starts at its first month, or at the level's first month (or the first after a
    ///   gap, where a revision dropped the service): then it holds only the months reported.
    /// - A period in progress runs to its end under the terms of its first day, whatever a
    ///   revision changes meanwhile (its `period` included).
    /// - Between a revision that changes `period` and the first whole period of the new kind on
    ///   or after its effective day, months are judged as months by the old terms.
    static func periodGroups(
        _ reported: [ReportedMonth], terms: [ResolvedTerms], termsOfMonth: inout [Int], versionOfMonth: inout [CalendarDay],
        calendar: SiteCalendar
    ) -> [PeriodGroup] {
        guard terms.contains(where: { $0.period != .month }) else { return [] }
        let months = reported.map(\.month)
        var groups: [PeriodGroup] = []
        var i = 0
        while i < months.count {
            let m = months[i]
            let t = terms[termsOfMonth[i]]
            let starts = i == 0 || months[i - 1].next != m
            if t.period == .month {
                groups.append(PeriodGroup(period: Period(month: m), first: i, count: 1, end: reported[i].end))
                i += 1
                continue
            }
            let p = t.period(containing: m)
            guard p.first == m || starts else {
                // Judged as a month by the terms (and version) of the month before.
                termsOfMonth[i] = termsOfMonth[i - 1]
                versionOfMonth[i] = versionOfMonth[i - 1]
                groups.append(PeriodGroup(period: Period(month: m), first: i, count: 1, end: reported[i].end))
                i += 1
                continue
            }
            var j = i + 1
            while j < months.count && months[j] == months[j - 1].next && p.contains(months[j]) {
                termsOfMonth[j] = termsOfMonth[i]
                versionOfMonth[j] = versionOfMonth[i]
                j += 1
            }
            groups.append(PeriodGroup(period: p, first: i, count: j - i, end: calendar.end(of: p.last)))
            i = j
        }
        return groups
    }
}
