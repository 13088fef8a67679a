/// docs/spec.md §2 `combine`: how a composite's parts make its Downtime.
public enum CombineRule: String, Sendable, Hashable, CaseIterable {
    /// An instant is Downtime when it is for any part: the largest Downtime any part has there.
    case any
    /// A judged period (a month, quarter or year) takes the lowest part's uptime (and that
    /// part's Downtime).
    case worst
}

/// docs/spec.md §3 *Composite services*: a composite's Downtime as one attributed weight function, made
/// month by month from its parts' (each measured by its own terms in the same plan) and from
/// the incidents that name the composite itself (measured by its own terms, like a part).
///
/// The result is a weight function like any level's (`LevelInputs.attributed`), so the month
/// figures, the day bars and what each incident counted all read the one function; a sum over
/// any span of months or days is a sum of its pieces.
public enum CompositeDowntime {
    /// `worst`: of several sources' Downtime minutes over one judged period (nil: no figure),
    /// the index of the largest: over the same minutes, the lowest uptime. The first wins a tie
    /// (the composite's own incidents, then the parts in the order listed).
    public static func worst(_ downtimes: [Double?]) -> Int? {
        var pick: Int?
        for (k, d) in downtimes.enumerated() {
            guard let d else { continue }
            if pick == nil || d > downtimes[pick!]! + 1e-9 { pick = k }
        }
        return pick
    }

    /// The pointwise largest of several attributed weight functions (each sorted, disjoint). At
    /// each instant the largest weight sets it; on a tie an incident beats a measurement, then
    /// the earlier source wins. Where all weigh 0 and one holds an excluded maintenance window,
    /// that window's span is kept (weight 0), so the bars still show maintenance.
    /// O(E × n) for E edges over n sources.
    public static func largest(_ sources: [[AttributedSpan]]) -> [AttributedSpan] {
        let nonEmpty = sources.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 { return nonEmpty.first ?? [] }
        var edges: [Instant] = []
        for list in nonEmpty { for a in list { edges += [a.start, a.end] } }
        edges.sort()
        var at = [Int](repeating: 0, count: nonEmpty.count)
        var out: [AttributedSpan] = []
        for k in 0..<(edges.count - 1) {
            let from = edges[k]
            let to = edges[k + 1]
            guard from < to else { continue }
            var best: AttributedSpan?
            for (n, list) in nonEmpty.enumerated() {
                while at[n] < list.count && list[at[n]].end <= from { at[n] += 1 }
                guard at[n] < list.count, list[at[n]].start <= from else { continue }
                let span = list[at[n]]
                guard let b = best else {
                    best = span
                    continue
                }
                if span.weight > b.weight || (span.weight == b.weight && !span.measured && b.measured)
                    || (span.weight == 0 && b.weight == 0 && span.maintenanceExcluded && !b.maintenanceExcluded)
                {
                    best = span
                }
            }
            guard var span = best else { continue }
            span.start = from
            span.end = to
            if let last = out.last, last.end == from, last.weight == span.weight, last.cause == span.cause,
                last.maintenanceExcluded == span.maintenanceExcluded, last.measured == span.measured
            {
                out[out.count - 1].end = to
            } else {
                out.append(span)
            }
        }
        return out
    }

    /// docs/spec.md §3: w(t) = 0 throughout a maintenance window for the composite itself where
    /// its terms exclude maintenance, whatever its parts say then: `combined` with the excluded
    /// maintenance spans of `own` (the composite's own incidents' function) laid over it.
    public static func excludingMaintenance(_ combined: [AttributedSpan], own: [AttributedSpan]) -> [AttributedSpan] {
        let windows = own.filter(\.maintenanceExcluded)
        guard !windows.isEmpty else { return combined }
        var edges: [Instant] = []
        for a in combined { edges += [a.start, a.end] }
        for w in windows { edges += [w.start, w.end] }
        edges.sort()
        var i = 0
        var j = 0
        var out: [AttributedSpan] = []
        for k in 0..<(edges.count - 1) {
            let from = edges[k]
            let to = edges[k + 1]
            guard from < to else { continue }
            while i < combined.count && combined[i].end <= from { i += 1 }
            while j < windows.count && windows[j].end <= from { j += 1 }
            let window = j < windows.count && windows[j].start <= from ? windows[j] : nil
            let span = i < combined.count && combined[i].start <= from ? combined[i] : nil
            guard var piece = window ?? span else { continue }
            piece.start = from
            piece.end = to
            if let last = out.last, last.end == from, last.weight == piece.weight, last.cause == piece.cause,
                last.maintenanceExcluded == piece.maintenanceExcluded, last.measured == piece.measured
            {
                out[out.count - 1].end = to
            } else {
                out.append(piece)
            }
        }
        return out
    }

    /// One part's (or the composite's own incidents') function in month `i` of its inputs, its
    /// causes moved to the composite's counting positions by `positions` (a part's position →
    /// the composite's): by the part's own terms in force that month (docs/spec.md §3: incidents,
    /// samples, both, or its measurements.csv row spread evenly over the month's minutes, the
    /// one per-instant reading a monthly figure has).
    public static func partSpans(_ part: LevelInputs, month i: Int, positions: [Int]) -> [AttributedSpan] {
        let m = part.months[i]
        if let statusSince = part.statusSince, m.end <= statusSince { return [] }
        let end = max(m.start, min(m.end, part.now))
        if let u = part.measured[m.month] {
            let weight = (100 - u) / 100
            guard weight > 0, m.start < end else { return [] }
            return [AttributedSpan(start: m.start, end: end, weight: weight, cause: -1, maintenanceExcluded: false, measured: true)]
        }
        let k = part.termsOfMonth[i]
        if part.readsSamples(k) {
            guard let samples = part.samples else { return [] }
            var out: [AttributedSpan] = []
            for span in samples.spans where span.end > m.start && span.start < end {
                out.append(
                    AttributedSpan(
                        start: max(span.start, m.start), end: min(span.end, end), weight: span.weight, cause: -1,
                        maintenanceExcluded: false, measured: true))
            }
            // `error_rate` months: each ended interval at its error rate.
            for grid in samples.rates where grid.start == m.start {
                for (j, rate) in grid.rates.enumerated() where rate > 0 {
                    let a = grid.start.adding(seconds: Int64(j) * grid.interval)
                    let b = min(a.adding(seconds: grid.interval), grid.end)
                    out.append(AttributedSpan(start: a, end: b, weight: rate, cause: -1, maintenanceExcluded: false, measured: true))
                }
            }
            return out
        }
        var out: [AttributedSpan] = []
        SLAArithmetic.forEach(in: part.attributed[k], from: m.start, to: end) { span, _ in
            var piece = span
            piece.start = max(span.start, m.start)
            piece.end = min(span.end, end)
            if !piece.measured && piece.cause >= 0 { piece.cause = positions[piece.cause] }
            out.append(piece)
        }
        return out
    }
}
