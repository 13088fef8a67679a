/// A stretch `[start, end)` during which one incident sets w(t): the sweep's record of who
/// counted what (issue 16: what an incident counted).
public struct AttributedSpan: Sendable, Hashable {
    public var start: Instant
    public var end: Instant
    /// w(t) throughout; 0 where the incident that sets it weighs 0 or maintenance is excluded.
    public var weight: Double
    /// The position, in the swept sequence, of the incident that sets the weight: of the open
    /// incidents with the largest weight, the earliest-starting, then the first in the sequence.
    /// Where maintenance is excluded, the earliest-starting maintenance window open then.
    public var cause: Int
    /// True where a maintenance window excluded by the terms holds w(t) at 0.
    public var maintenanceExcluded: Bool
    /// True where a measurement rather than an incident sets the weight: a counted bad interval
    /// above every open incident's weight (docs/spec.md §3 *Both sources*), or in a composite a part
    /// measured by samples or measurements.csv; `cause` then names no incident.
    public var measured: Bool

    public init(start: Instant, end: Instant, weight: Double, cause: Int, maintenanceExcluded: Bool, measured: Bool = false) {
        self.start = start
        self.end = end
        self.weight = weight
        self.cause = cause
        self.maintenanceExcluded = maintenanceExcluded
        self.measured = measured
    }
}

extension Downtime {
    /// The weight function of docs/spec.md §3 with its cause: sorted, disjoint spans covering every
    /// instant at which one of `incidents` is open (until `now`), each naming the incident that
    /// sets w(t) there (see `AttributedSpan.cause` for the tie rule). `spans(of:…)` is these
    /// spans with weight, merged; the counted minutes of all causes sum to the downtime.
    /// O(k log k + k·c) for k incidents in c weight classes.
    public static func attributedSpans(
        of incidents: some Sequence<Incident>, weights: ImpactWeights, excludeMaintenance: Bool, now: Instant
    ) -> [AttributedSpan] {
        // Incidents open at once are grouped per class: a weight, and whether it is maintenance.
        var classWeights: [Double] = []
        var classMaintenance: [Bool] = []
        var known: [WeightKey: Int] = [:]
        var swept: [Swept] = []
        for (position, incident) in incidents.enumerated() {
            let end = min(incident.end ?? now, now)
            guard incident.start < end else { continue }
            let key = WeightKey(weight: incident.weight ?? weights[incident.impact], maintenance: incident.impact == .maintenance)
            let c: Int
            if let k = known[key] {
                c = k
            } else {
                c = classWeights.count
                known[key] = c
                classWeights.append(key.weight)
                classMaintenance.append(key.maintenance)
            }
            swept.append(Swept(position: position, start: incident.start.seconds, end: end.seconds, weightClass: c))
        }
        guard !swept.isEmpty else { return [] }
        // Rank: by start, then position (the tie rule); each class's open incidents are then
        // queued in rank order, so the earliest-starting open one is its queue's first open entry.
        swept.sort { ($0.start, $0.position) < ($1.start, $1.position) }
        var events: [(time: Int64, rank: Int, opens: Bool)] = []
        events.reserveCapacity(swept.count * 2)
        for (rank, s) in swept.enumerated() {
            events.append((s.start, rank, true))
            events.append((s.end, rank, false))
        }
        events.sort { ($0.time, $0.rank) < ($1.time, $1.rank) }
        var queues = [[Int]](repeating: [], count: classWeights.count)
        var heads = [Int](repeating: 0, count: classWeights.count)
        var openCount = [Int](repeating: 0, count: classWeights.count)
        var closed = [Bool](repeating: false, count: swept.count)
        var out: [AttributedSpan] = []
        /// The weight now, the rank of the incident that sets it, and whether maintenance is excluded.
        func top() -> (Double, Int, Bool)? {
            var best: (weight: Double, rank: Int)?
            var maintenance: Int?
            for c in openCount.indices where openCount[c] > 0 {
                while closed[queues[c][heads[c]]] { heads[c] += 1 }
                let first = queues[c][heads[c]]
                if excludeMaintenance && classMaintenance[c] {
                    maintenance = min(maintenance ?? first, first)
                } else if best == nil || classWeights[c] > best!.weight || (classWeights[c] == best!.weight && first < best!.rank) {
                    best = (classWeights[c], first)
                }
            }
            // docs/spec.md §3: w(t) = 0 throughout an excluded maintenance window, whatever else is open.
            if let maintenance { return (0, maintenance, true) }
            return best.map { ($0.weight, $0.rank, false) }
        }
        var i = 0
        var previous = events[0].time
        while i < events.count {
            let t = events[i].time
            if t > previous, let (w, rank, excluded) = top() {
                let cause = swept[rank].position
                if let last = out.last, last.end.seconds == previous, last.weight == w, last.cause == cause,
                    last.maintenanceExcluded == excluded
                {
                    out[out.count - 1].end = Instant(seconds: t)
                } else {
                    out.append(
                        AttributedSpan(
                            start: Instant(seconds: previous), end: Instant(seconds: t), weight: w, cause: cause,
                            maintenanceExcluded: excluded))
                }
            }
            while i < events.count, events[i].time == t {
                let e = events[i]
                let c = swept[e.rank].weightClass
                if e.opens {
                    queues[c].append(e.rank)
                    openCount[c] += 1
                } else {
                    closed[e.rank] = true
                    openCount[c] -= 1
                }
                i += 1
            }
            previous = t
        }
        return out
    }

    /// The weighted spans of `attributed` (weight > 0), adjacent equal weights merged: the
    /// weight function as `spans(of:…)` gives it.
    public static func weighted(_ attributed: [AttributedSpan]) -> [WeightedSpan] {
        var spans: [WeightedSpan] = []
        for a in attributed where a.weight > 0 {
            if let last = spans.last, last.end == a.start, last.weight == a.weight {
                spans[spans.count - 1].end = a.end
            } else {
                spans.append(WeightedSpan(start: a.start, end: a.end, weight: a.weight))
            }
        }
        return spans
    }

    /// docs/spec.md §3 *Both sources*: w'(t) = max(w(t), b(t)). The attributed weight function with the
    /// counted bad intervals `bad` (sorted, disjoint, weight 1) laid over it: where a bad
    /// interval weighs more than the incident that sets w(t) (or none is open), it sets w'(t)
    /// (`measured`); elsewhere the incident keeps it, so a minute that is both counts once.
    /// O(a + b).
    public static func overlay(_ attributed: [AttributedSpan], bad: [WeightedSpan]) -> [AttributedSpan] {
        guard !bad.isEmpty else { return attributed }
        var out: [AttributedSpan] = []
        out.reserveCapacity(attributed.count + bad.count)
        func add(_ span: AttributedSpan) {
            guard span.start < span.end else { return }
            if let last = out.last, last.end == span.start, last.weight == span.weight, last.cause == span.cause,
                last.maintenanceExcluded == span.maintenanceExcluded, last.measured == span.measured
            {
                out[out.count - 1].end = span.end
            } else {
                out.append(span)
            }
        }
        // Cut both lists at every edge of either: between edges each side is constant.
        var edges: [Instant] = []
        edges.reserveCapacity(2 * (attributed.count + bad.count))
        for a in attributed { edges += [a.start, a.end] }
        for b in bad { edges += [b.start, b.end] }
        edges.sort()
        var i = 0
        var j = 0
        var k = 0
        while k + 1 < edges.count {
            let from = edges[k]
            let to = edges[k + 1]
            k += 1
            guard from < to else { continue }
            while i < attributed.count && attributed[i].end <= from { i += 1 }
            while j < bad.count && bad[j].end <= from { j += 1 }
            let a = i < attributed.count && attributed[i].start <= from ? attributed[i] : nil
            let b = j < bad.count && bad[j].start <= from ? bad[j].weight : 0
            if let a, a.weight >= b {
                add(AttributedSpan(start: from, end: to, weight: a.weight, cause: a.cause, maintenanceExcluded: a.maintenanceExcluded))
            } else if b > 0 {
                add(AttributedSpan(start: from, end: to, weight: b, cause: -1, maintenanceExcluded: false, measured: true))
            } else if let a {
                add(AttributedSpan(start: from, end: to, weight: a.weight, cause: a.cause, maintenanceExcluded: a.maintenanceExcluded))
            }
        }
        return out
    }

    /// An incident in the sweep: its place in the input, its times and its weight class.
    private struct Swept {
        var position: Int
        var start: Int64
        var end: Int64
        var weightClass: Int
    }

    /// Incidents that weigh the same, apart by whether they are maintenance.
    private struct WeightKey: Hashable {
        var weight: Double
        var maintenance: Bool
    }
}
