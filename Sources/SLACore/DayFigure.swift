/// A day to report with its edges in the site zone (23, 24 or 25 hours: DST days differ).
public struct ReportedDay: Sendable, Hashable {
    public var day: CalendarDay
    public var start: Instant
    /// The next day's start.
    public var end: Instant

    public init(_ day: CalendarDay, in calendar: SiteCalendar) {
        self.day = day
        start = calendar.instant(LocalDateTime(year: day.year, month: day.month, day: day.day))
        let n = CivilDate.days(year: day.year, month: day.month, day: day.day) + 1
        let (y, m, d) = CivilDate.civil(fromDays: n)
        end = calendar.instant(LocalDateTime(year: y, month: m, day: d))
    }

    /// The `count` days that end with the day holding `now`, oldest first.
    public static func last(_ count: Int, until now: Instant, in calendar: SiteCalendar) -> [ReportedDay] {
        let today = calendar.localDateTime(of: now)
        let last = CivilDate.days(year: today.year, month: today.month, day: today.day)
        return (0..<count).map { k in
            let (y, m, d) = CivilDate.civil(fromDays: last - Int64(count - 1 - k))
            return ReportedDay(CalendarDay(year: y, month: m, day: d), in: calendar)
        }
    }
}

/// The downtime of one plan × service on one day (issue 16: the 90-day bars), from the same
/// weight function as its months.
///
/// Every level keeps 90 of them for the whole build, so they are stored in 24 bytes rather
/// than 48 (issue 23, peak memory): the day's length and its maintenance are whole seconds
/// (the site zone's day edges and the spans' ends are whole seconds), kept as such and read
/// back as the same minutes (`Double(seconds) / 60`, as they were computed); the downtime is a
/// plain number with a flag saying whether it is there (0 when not, as `MonthFigure` keeps its
/// optional numbers), so the synthesized equality and hash compare the values themselves.
public struct DayFigure: Sendable, Hashable {
    public var day: CalendarDay
    /// Where the month's figures come from (`none` also when the service is not covered).
    public var source: FigureSource
    private var hasDowntime: Bool
    private var seconds: Int32
    private var maintenanceSeconds: Int32
    private var downtime: Double

    public init(day: CalendarDay, minutes: Double, downtimeMinutes: Double?, maintenanceMinutes: Double, source: FigureSource) {
        self.day = day
        self.source = source
        hasDowntime = downtimeMinutes != nil
        seconds = Int32((minutes * 60).rounded())
        maintenanceSeconds = Int32((maintenanceMinutes * 60).rounded())
        downtime = downtimeMinutes ?? 0
    }

    /// Real minutes in the day in the site zone (1,380, 1,440 or 1,500).
    public var minutes: Double { Double(seconds) / 60 }

    /// nil when the day has no daily figure: the service is not covered then, its month has
    /// no data, or its month's uptime is measured (measurements.csv gives no days).
    public var downtimeMinutes: Double? {
        get { hasDowntime ? downtime : nil }
        set {
            hasDowntime = newValue != nil
            downtime = newValue ?? 0
        }
    }

    /// Minutes of the day during which an excluded maintenance window held w(t) at 0.
    public var maintenanceMinutes: Double {
        get { Double(maintenanceSeconds) / 60 }
        set { maintenanceSeconds = Int32((newValue * 60).rounded()) }
    }
}

/// What one incident counted against one plan × service in one month (issue 16, point 4).
public struct IncidentCount: Sendable, Hashable {
    /// The incident's position in the level's counting list (`SiteFigures.counting`).
    public var incident: Int
    /// Index into the level's months.
    public var month: Int
    /// Downtime minutes it set (the sum over a month's incidents is the month's downtime).
    public var minutes: Double
    /// Minutes it was open in the month (until *now*).
    public var openMinutes: Double
    /// Of those, minutes an excluded maintenance window held w(t) at 0.
    public var maintenanceMinutes: Double
    /// Of those, minutes another incident of a larger (or equal, earlier) weight set w(t).
    public var overlappedMinutes: Double
    /// The month takes its Downtime from request samples (docs/spec.md §3): incidents count nothing.
    public var measuredBySamples: Bool = false
    /// Of its open minutes, minutes a measurement set w'(t) above its weight: a counted bad
    /// interval (docs/spec.md §3 *Both sources*: such a minute counts once, as the bad interval's), or
    /// in a composite a part measured by samples or measurements.csv.
    public var measuredMinutes: Double = 0
}

/// When one of a level's counting incidents is open (its end capped at *now*).
public struct OpenWindow: Sendable, Hashable {
    public var start: Instant
    public var end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }
}

extension SLAArithmetic {
    /// The level's figure for each of `inputs.days`: the downtime of the day (in the site zone)
    /// read from the weight function of the terms in force in its month, as the month's is.
    public static func dayFigures(_ inputs: LevelInputs) -> [DayFigure] {
        inputs.days.map { d in
            let minutes = Double(d.start.seconds(to: d.end)) / 60
            guard let i = monthIndex(of: d.start, in: inputs.months) else {
                return DayFigure(day: d.day, minutes: minutes, downtimeMinutes: nil, maintenanceMinutes: 0, source: .none)
            }
            let m = inputs.months[i]
            if let statusSince = inputs.statusSince, m.end <= statusSince {
                return DayFigure(day: d.day, minutes: minutes, downtimeMinutes: nil, maintenanceMinutes: 0, source: .none)
            }
            if inputs.measured[m.month] != nil {
                return DayFigure(day: d.day, minutes: minutes, downtimeMinutes: nil, maintenanceMinutes: 0, source: .measurements)
            }
            let to = max(d.start, min(d.end, inputs.now))
            let k = inputs.termsOfMonth[i]
            let maintenance = seconds(in: inputs.attributed[k], from: d.start, to: to) { $0.maintenanceExcluded }
            // docs/spec.md §3 Downtime from samples: the day reads the computation its month reads.
            if inputs.readsSamples(k) {
                return DayFigure(
                    day: d.day, minutes: minutes, downtimeMinutes: inputs.samples?.downtimeMinutes(from: d.start, to: to) ?? 0,
                    maintenanceMinutes: Double(maintenance) / 60, source: .samples)
            }
            return DayFigure(
                day: d.day, minutes: minutes, downtimeMinutes: Downtime.minutes(in: inputs.spans[k], from: d.start, to: to),
                maintenanceMinutes: Double(maintenance) / 60, source: inputs.source(k))
        }
    }

    /// Per counting incident (or only the one at position `incident` of the counting list) and
    /// month it was open in (until *now*), what it counted: the minutes of the spans it sets
    /// (docs/spec.md §3, after overlaps, weights and maintenance), and the rest of its time split by why
    /// it counted nothing then. Months without incident figures (measured, or no data) count
    /// nothing. Sorted by incident, then month.
    public static func incidentCounts(_ inputs: LevelInputs, incident: Int? = nil) -> [IncidentCount] {
        incidentCounts(Shared(inputs), incident: incident)
    }

    /// `incidentCounts(_:incident:)` reading the level in place, field by field, through its box:
    /// handing the whole `LevelInputs` to a function copies it, retaining each of its lists,
    /// which was 7 % of a preview rebuild when every incident page asked (issue 23).
    public static func incidentCounts(_ box: Shared<LevelInputs>, incident: Int? = nil) -> [IncidentCount] {
        var out: [IncidentCount] = []
        let positions = incident.map { $0..<($0 + 1) } ?? box.value.windows.indices
        for c in positions where box.value.windows.indices.contains(c) {
            let w = box.value.windows[c]
            guard w.start < w.end else { continue }
            guard var i = monthIndex(of: w.start, in: box.value.months) ?? box.value.months.firstIndex(where: { $0.end > w.start }) else { continue }
            while i < box.value.months.count, box.value.months[i].start < w.end {
                let m = box.value.months[i]
                let from = max(m.start, w.start)
                let to = min(m.end, w.end, box.value.now)
                defer { i += 1 }
                guard from < to else { continue }
                let open = Double(from.seconds(to: to)) / 60
                let bySamples = LevelInputs.readsSamples(box.value.terms[box.value.termsOfMonth[i]], combine: box.value.combine)
                let judged = !(box.value.statusSince.map { m.end <= $0 } ?? false) && box.value.measured[m.month] == nil && !bySamples
                let spans = box.value.attributed[box.value.termsOfMonth[i]]
                var weighted = 0.0
                var own: Int64 = 0
                var maintenance: Int64 = 0
                var bad: Int64 = 0
                forEach(in: spans, from: from, to: to) { span, seconds in
                    if span.maintenanceExcluded {
                        maintenance += seconds
                    } else if span.measured {
                        bad += seconds
                    } else if span.cause == c {
                        own += seconds
                        weighted += Double(seconds) * span.weight
                    }
                }
                out.append(
                    IncidentCount(
                        incident: c, month: i, minutes: judged ? weighted / 60 : 0, openMinutes: open,
                        maintenanceMinutes: Double(maintenance) / 60,
                        overlappedMinutes: Double(from.seconds(to: to) - own - maintenance - bad) / 60, measuredBySamples: bySamples,
                        measuredMinutes: Double(bad) / 60))
            }
        }
        return out
    }

    /// The index of the month of `months` (sorted, disjoint) that holds `t`.
    static func monthIndex(of t: Instant, in months: [ReportedMonth]) -> Int? {
        var lo = 0
        var hi = months.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if months[mid].end <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo < months.count && months[lo].start <= t ? lo : nil
    }

    /// Calls `body` with each span of `spans` (sorted, disjoint) that overlaps `[from, to)` and
    /// the seconds of the overlap.
    static func forEach(in spans: [AttributedSpan], from: Instant, to: Instant, _ body: (AttributedSpan, Int64) -> Void) {
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end <= from { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < spans.count, spans[i].start < to {
            let s = max(spans[i].start, from)
            let e = min(spans[i].end, to)
            if s < e { body(spans[i], s.seconds(to: e)) }
            i += 1
        }
    }

    /// Seconds within `[from, to)` covered by the spans that satisfy `where`.
    static func seconds(in spans: [AttributedSpan], from: Instant, to: Instant, where keep: (AttributedSpan) -> Bool) -> Int64 {
        var total: Int64 = 0
        forEach(in: spans, from: from, to: to) { span, seconds in if keep(span) { total += seconds } }
        return total
    }
}

extension DayFigure {
    /// Day by day, the worst of several levels' figures for one service (the status page's
    /// bar): the most downtime any of them counted that day, and the most maintenance; nil
    /// where none has a figure. All lists cover the same days.
    public static func worst(of levels: [[DayFigure]]) -> [DayFigure] {
        guard var out = levels.first else { return [] }
        for days in levels.dropFirst() {
            for (i, d) in days.enumerated() where i < out.count {
                if let x = d.downtimeMinutes {
                    out[i].downtimeMinutes = max(out[i].downtimeMinutes ?? x, x)
                    if out[i].source != .incidents { out[i].source = d.source }
                } else if out[i].downtimeMinutes == nil && out[i].source == .none {
                    out[i].source = d.source
                }
                out[i].maintenanceMinutes = max(out[i].maintenanceMinutes, d.maintenanceMinutes)
            }
        }
        return out
    }
}
