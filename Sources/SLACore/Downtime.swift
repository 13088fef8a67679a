/// A stretch of time `[start, end)` during which the downtime weight is constant and non-zero.
public struct WeightedSpan: Sendable, Hashable {
    public var start: Instant
    public var end: Instant
    public var weight: Double

    public init(start: Instant, end: Instant, weight: Double) {
        self.start = start
        self.end = end
        self.weight = weight
    }
}

/// The weight function w(t) of SPEC §3, computed by a sweep over incident boundaries.
public enum Downtime {
    /// Disjoint, sorted spans of non-zero weight for incidents that already affect one plan × service.
    ///
    /// SPEC §3: w(t) is the largest weight among incidents open at t (overlaps count once); an
    /// incident's weight is its own `weight`, else `weights[impact]`. With `excludeMaintenance`,
    /// w(t) = 0 throughout any maintenance window. Open incidents run until `now`, and nothing
    /// after `now` counts. O(k log k) for k incidents.
    public static func spans(
        of incidents: some Sequence<Incident>, weights: ImpactWeights, excludeMaintenance: Bool, now: Instant
    ) -> [WeightedSpan] {
        // Incidents open at once are counted per class: a weight, and whether it is maintenance.
        var classes: [WeightClass] = []
        var known: [WeightClass: Int] = [:]
        func index(of incident: Incident) -> Int {
            let c = WeightClass(weight: incident.weight ?? weights[incident.impact], maintenance: incident.impact == .maintenance)
            if let k = known[c] { return k }
            classes.append(c)
            known[c] = classes.count - 1
            return classes.count - 1
        }
        var events: [(time: Int64, kind: Int, delta: Int)] = []
        for incident in incidents {
            let end = min(incident.end ?? now, now)
            guard incident.start < end else { continue }
            let k = index(of: incident)
            events.append((incident.start.seconds, k, 1))
            events.append((end.seconds, k, -1))
        }
        guard !events.isEmpty else { return [] }
        events.sort { $0.time < $1.time }
        let classWeights = classes.map(\.weight)
        let classMaintenance = classes.map(\.maintenance)
        var open = [Int](repeating: 0, count: classes.count)
        var spans: [WeightedSpan] = []
        var i = 0
        var previous = events[0].time
        while i < events.count {
            let t = events[i].time
            let w = weight(open: open, classes: classWeights, maintenance: classMaintenance, exclude: excludeMaintenance)
            if t > previous, w > 0 {
                if let last = spans.last, last.end.seconds == previous, last.weight == w {
                    spans[spans.count - 1].end = Instant(seconds: t)
                } else {
                    spans.append(WeightedSpan(start: Instant(seconds: previous), end: Instant(seconds: t), weight: w))
                }
            }
            while i < events.count, events[i].time == t {
                open[events[i].kind] += events[i].delta
                i += 1
            }
            previous = t
        }
        return spans
    }

    /// Incidents that weigh the same, apart by whether they are maintenance.
    private struct WeightClass: Hashable {
        var weight: Double
        var maintenance: Bool
    }

    private static func weight(open: [Int], classes weights: [Double], maintenance: [Bool], exclude: Bool) -> Double {
        var w = 0.0
        for k in open.indices where open[k] > 0 {
            if exclude && maintenance[k] { return 0 }
            w = max(w, weights[k])
        }
        return w
    }

    /// Weighted downtime in minutes within `[from, to)`; `spans` must be sorted and disjoint.
    public static func minutes(in spans: [WeightedSpan], from: Instant, to: Instant) -> Double {
        // Binary search for the first span ending after `from`.
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end <= from { lo = mid + 1 } else { hi = mid }
        }
        var weightedSeconds = 0.0
        var i = lo
        while i < spans.count, spans[i].start < to {
            let s = max(spans[i].start, from)
            let e = min(spans[i].end, to)
            if s < e { weightedSeconds += Double(s.seconds(to: e)) * spans[i].weight }
            i += 1
        }
        return weightedSeconds / 60
    }
}
