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

/// The weight function w(t) of docs/spec.md §3, computed by a sweep over incident boundaries.
public enum Downtime {
    /// Disjoint, sorted spans of non-zero weight for incidents that already affect one plan × service.
    ///
    /// docs/spec.md §3: w(t) is the largest weight among incidents open at t (overlaps count once); an
    /// incident's weight is its own `weight`, else `weights[impact]`. With `excludeMaintenance`,
    /// w(t) = 0 throughout any maintenance window. Open incidents run until `now`, and nothing
    /// after `now` counts. O(k log k) for k incidents.
    public static func spans(
        of incidents: some Sequence<Incident>, weights: ImpactWeights, excludeMaintenance: Bool, now: Instant
    ) -> [WeightedSpan] {
        // One sweep: the attributed spans, with weight, merged.
        weighted(attributedSpans(of: incidents, weights: weights, excludeMaintenance: excludeMaintenance, now: now))
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
