import SLACore

/// The words of a 90-day strip's picture (`DayBars`), gathered day by day, oldest first: the
/// days without downtime are counted, each day with downtime or maintenance is named with its
/// minutes, and the days without a figure are named as runs ("27 August 2026 to 31 August 2026:
/// no data"). So the name carries every day the bars show, as the per-day words did before.
struct DaysSummary {
    private let s: PageText
    private var okDays = 0
    /// Named days and runs, in day order.
    private var parts: [String] = []
    /// The run of days without a figure still open: its first and last day, and whether its
    /// month is measured by month (measurements.csv) rather than without data.
    private var run: (first: CalendarDay, last: CalendarDay, measured: Bool)?

    init(_ s: PageText) { self.s = s }

    /// A day without downtime or maintenance.
    mutating func ok() {
        closeRun()
        okDays += 1
    }

    /// A day without a figure.
    mutating func noData(_ d: DayFigure) {
        let measured = d.source == .measurements
        if let open = run, open.measured == measured {
            run = (open.first, d.day, measured)
        } else {
            closeRun()
            run = (d.day, d.day, measured)
        }
    }

    /// A day named in words (`DayBars.text`).
    mutating func day(_ words: String) {
        closeRun()
        parts.append(words)
    }

    /// Everything said, the count of days without downtime first: "no downtime on 89 days;
    /// 10 November 2026: 15.0 min downtime".
    mutating func words() -> String {
        closeRun()
        var all: [String] = []
        if okDays > 0 { all.append(s.plural(okDays, one: .daysNoDowntimeOne, other: .daysNoDowntimeOther)) }
        all += parts
        return all.joined(separator: s[.listSemicolon])
    }

    private mutating func closeRun() {
        guard let open = run else { return }
        run = nil
        let first = s.day(open.first)
        if open.first == open.last {
            parts.append(s(open.measured ? .dayMeasuredByMonth : .dayNoData, ["date": first]))
        } else {
            let values: KeyValuePairs<String, String> = ["first": first, "last": s.day(open.last)]
            parts.append(s(open.measured ? .daysMeasuredByMonthRun : .daysNoDataRun, values))
        }
    }
}
