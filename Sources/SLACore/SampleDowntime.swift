/// Everything one plan × service's Downtime from samples is computed from, as one value (the key
/// of a kept result): the service's samples, the months with the rule in force in each, the
/// maintenance windows that count against it, and *now*.
public struct SampleDowntimeInput: Sendable, Hashable {
    /// The service id (it names the kept result).
    public var service: String
    public var series: SampleSeries
    /// The months with data, oldest first.
    public var months: [ReportedMonth]
    /// Per month, its samples rule; nil where the terms in force measure by incidents (such a
    /// month, like a gap between months, ends a run).
    public var rules: [SampleRule?]
    /// Per month, whether the terms in force exclude maintenance.
    public var excludeMaintenance: [Bool]
    /// The maintenance windows for this plan × service, `[start, end)`, sorted and disjoint
    /// (an open one runs until *now*).
    public var maintenance: [WeightedSpan]
    public var now: Instant

    public init(
        service: String, series: SampleSeries, months: [ReportedMonth], rules: [SampleRule?], excludeMaintenance: [Bool],
        maintenance: [WeightedSpan], now: Instant
    ) {
        self.service = service
        self.series = series
        self.months = months
        self.rules = rules
        self.excludeMaintenance = excludeMaintenance
        self.maintenance = maintenance
        self.now = now
    }
}

/// docs/spec.md §3 *Downtime from samples* for one plan × service: the level's Downtime over the
/// intervals of its samples months, made once and read by every figure.
///
/// `bad_intervals` months give `spans`: each a run of counted bad intervals at weight 1.
/// `error_rate` months give `rates`: per month, each ended interval's error rate as a fraction
/// (errors / total; 8 bytes an interval), so that the Downtime of any whole intervals is the
/// sum of rate × length and the month's uptime is 100 − the mean rate. Either way the Downtime
/// of any range of whole intervals — a month, or one day in the site zone for a per-day bar —
/// is `downtimeMinutes(from:to:)`: the same computation as the monthly figures.
public struct SampleDowntime: Sendable, Hashable {
    /// Counted bad intervals as disjoint, sorted runs at weight 1.
    public var spans: [WeightedSpan]
    /// The `error_rate` months, oldest first.
    public var rates: [RateGrid]

    /// The error rates of one month's intervals, from its first instant.
    public struct RateGrid: Sendable, Hashable {
        public var start: Instant
        /// The month's end (the last interval ends there at the latest).
        public var end: Instant
        /// Seconds per interval.
        public var interval: Int64
        /// Per ended interval, errors / total (0 when it has no rate).
        public var rates: [Double]
    }

    public init(spans: [WeightedSpan], rates: [RateGrid] = []) {
        self.spans = spans
        self.rates = rates
    }

    /// Downtime in minutes within `[from, to)` (bounds on interval edges give whole intervals;
    /// an interval cut by a bound counts in proportion).
    public func downtimeMinutes(from: Instant, to: Instant) -> Double {
        var minutes = Downtime.minutes(in: spans, from: from, to: to)
        for grid in rates where grid.start < to && from < grid.end {
            let n = grid.interval
            let first = max(0, grid.start.seconds(to: from) / n)
            var weighted = 0.0
            var k = Int(first)
            while k < grid.rates.count {
                let a = grid.start.seconds + Int64(k) * n
                guard a < to.seconds else { break }
                let b = min(a + n, grid.end.seconds)
                let overlap = min(b, to.seconds) - max(a, from.seconds)
                if overlap > 0 { weighted += grid.rates[k] * Double(overlap) }
                k += 1
            }
            minutes += weighted / 60
        }
        return minutes
    }

    /// docs/spec.md §3: cuts each month into intervals of `interval` minutes from its first instant (only
    /// those ended by *now*), sums each interval's samples by their start, and gives each its
    /// error rate: 100 × errors / total, or 0 when total < `min_requests` or when it overlaps a
    /// maintenance window and the month's terms exclude maintenance.
    ///
    /// A run of bad intervals continues across a month edge when both months measure by
    /// `bad_intervals` (each interval judged bad by its own month's rule); an interval of month
    /// M counts when the whole run lasts at least M's `min_consecutive` × M's `interval`
    /// minutes. A month measured otherwise, a gap between months, and *now* end a run.
    /// One pass over the samples and the intervals: O(rows + intervals).
    public init(_ input: SampleDowntimeInput) {
        var out = SpanWriter()
        var grids: [RateGrid] = []
        var run = RunBuilder()
        var rows = RowCursor(input.series)
        var maintenance = MaintenanceCursor(input.maintenance)
        let now = input.now.seconds
        for (i, m) in input.months.enumerated() {
            let adjacent = i > 0 && input.months[i - 1].end == m.start && input.rules[i - 1]?.method == .badIntervals
            guard let rule = input.rules[i] else {
                run.close(into: &out)
                continue
            }
            if !adjacent || rule.method != .badIntervals { run.close(into: &out) }
            let n = rule.intervalSeconds
            let start = m.start.seconds
            // docs/spec.md §3: the current month counts the intervals ended by *now*.
            let last = m.end.seconds <= now ? m.end.seconds : start + max(0, (now - start) / n) * n
            rows.skip(before: start)
            let threshold = rule.threshold
            let excluded = input.excludeMaintenance[i]
            var grid: [Double] = []
            if rule.method == .errorRate { grid.reserveCapacity(Int((last - start + n - 1) / n)) }
            var a = start
            while a < last {
                let b = min(a + n, m.end.seconds)
                let (total, errors) = rows.sum(before: b)
                var rated = total >= UInt64(max(0, rule.minRequests)) && total > 0
                if rated && excluded && maintenance.overlaps(a, b) { rated = false }
                switch rule.method {
                case .badIntervals:
                    if rated && threshold.isExceeded(errors: errors, total: total) {
                        run.extend(a, b, minimum: Int64(rule.minConsecutive) * n)
                    } else {
                        run.close(into: &out)
                    }
                case .errorRate:
                    grid.append(rated && errors > 0 ? Double(errors) / Double(total) : 0)
                }
                a = b
            }
            if rule.method == .errorRate { grids.append(RateGrid(start: m.start, end: m.end, interval: n, rates: grid)) }
            // An interval not ended by now ends the run there.
            if last < m.end.seconds { run.close(into: &out) }
        }
        run.close(into: &out)
        spans = out.spans
        rates = grids
    }

    /// Appends spans, merging one that continues the last at the same weight.
    struct SpanWriter {
        var spans: [WeightedSpan] = []

        mutating func add(_ a: Int64, _ b: Int64, weight: Double) {
            if let lastSpan = spans.last, lastSpan.end.seconds == a, lastSpan.weight == weight {
                spans[spans.count - 1].end = Instant(seconds: b)
            } else {
                spans.append(WeightedSpan(start: Instant(seconds: a), end: Instant(seconds: b), weight: weight))
            }
        }
    }

    /// A run of bad intervals being built: its pieces per month (each with the length its month's
    /// rule requires of the whole run) and its length so far.
    struct RunBuilder {
        var pieces: [(start: Int64, end: Int64, minimum: Int64)] = []
        var length: Int64 = 0

        mutating func extend(_ a: Int64, _ b: Int64, minimum: Int64) {
            if let lastPiece = pieces.last, lastPiece.end == a, lastPiece.minimum == minimum {
                pieces[pieces.count - 1].end = b
            } else {
                pieces.append((a, b, minimum))
            }
            length += b - a
        }

        /// Ends the run: each piece counts when the whole run is as long as its month requires.
        mutating func close(into out: inout SpanWriter) {
            for piece in pieces where length >= piece.minimum { out.add(piece.start, piece.end, weight: 1) }
            pieces.removeAll(keepingCapacity: true)
            length = 0
        }
    }

    /// Reads the packed samples front to back, summing those in each interval.
    struct RowCursor {
        private var reader: SampleSeries.Reader
        private var peeked: (start: Int64, total: UInt64, errors: UInt64)?

        init(_ series: SampleSeries) {
            reader = series.makeReader()
            peeked = reader.next()
        }

        mutating func skip(before t: Int64) {
            while let row = peeked, row.start < t { peeked = reader.next() }
        }

        /// The sums of the rows from the cursor up to (not including) start `t`.
        mutating func sum(before t: Int64) -> (total: UInt64, errors: UInt64) {
            var total: UInt64 = 0
            var errors: UInt64 = 0
            while let row = peeked, row.start < t {
                total += row.total
                errors += row.errors
                peeked = reader.next()
            }
            return (total, errors)
        }
    }

    /// Answers, for intervals in increasing order, whether one overlaps a maintenance window.
    struct MaintenanceCursor {
        let windows: [WeightedSpan]
        var k = 0

        init(_ windows: [WeightedSpan]) { self.windows = windows }

        /// Whether `[a, b)` overlaps a window (by a positive length).
        mutating func overlaps(_ a: Int64, _ b: Int64) -> Bool {
            while k < windows.count && windows[k].end.seconds <= a { k += 1 }
            return k < windows.count && windows[k].start.seconds < b
        }
    }
}
