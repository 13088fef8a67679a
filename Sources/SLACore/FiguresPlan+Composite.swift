extension FiguresPlan {
    /// docs/spec.md §3 *Composite services*: a composite level's inputs with its Downtime made from its
    /// parts' levels (already computed, over the same months) and from the incidents that name
    /// the composite itself (its `own` counting incidents, weighed by its own terms).
    ///
    /// The composite counts every incident its parts count (an incident that names a part
    /// counts toward the composite through the part), so its counting list is the union, and
    /// its weight function names each incident by its place in that list.
    static func combined(
        composite: LevelInputs, own: [Int], parts: [(inputs: LevelInputs, counting: [Int])], partIDs: [String],
        combine: CombineRule, site: Site
    ) -> (inputs: LevelInputs, counting: [Int]) {
        var union = Set(own)
        for part in parts { union.formUnion(part.counting) }
        let counting = union.sorted()
        let place = Dictionary(uniqueKeysWithValues: counting.enumerated().map { ($1, $0) })
        let ownPositions = own.map { place[$0]! }
        let partPositions = parts.map { $0.counting.map { place[$0]! } }
        // `worst` compares the parts' Downtime, each month figure by the part's own terms.
        let partFigures = combine == .worst ? parts.map { SLAArithmetic.monthFigures($0.inputs) } : []
        var inputs = composite
        inputs.combine = combine
        inputs.parts = partIDs
        // Per month, each source's spans (the composite's own incidents first, by its own terms
        // like a part measured by incidents; then the parts) and Downtime minutes.
        var spans: [[[AttributedSpan]]] = []
        var downtimes: [[Double?]] = []
        for (i, m) in inputs.months.enumerated() {
            if let statusSince = inputs.statusSince, m.end <= statusSince {
                spans.append([])
                downtimes.append([])
                continue
            }
            let own = CompositeDowntime.partSpans(inputs, month: i, positions: ownPositions)
            spans.append([own] + parts.indices.map { CompositeDowntime.partSpans(parts[$0].inputs, month: i, positions: partPositions[$0]) })
            downtimes.append(
                [own.reduce(0.0) { $0 + Double($1.start.seconds(to: $1.end)) * $1.weight } / 60]
                    + partFigures.map { $0[i].downtimeMinutes })
        }
        var attributed: [AttributedSpan] = []
        switch combine {
        case .any:
            for month in spans {
                attributed += CompositeDowntime.excludingMaintenance(CompositeDowntime.largest(month), own: month.first ?? [])
            }
        case .worst:
            // docs/spec.md §3: the judged period (a month, or every month of a quarter or year)
            // takes the function of the part with the most Downtime over it: over the same
            // minutes, the lowest uptime.
            var groups = inputs.periods.map(\.range)
            if groups.isEmpty { groups = inputs.months.indices.map { $0..<($0 + 1) } }
            for g in groups {
                let sums = (0...parts.count).map { k -> Double? in
                    let known = g.compactMap { k < downtimes[$0].count ? downtimes[$0][k] : nil }
                    return known.isEmpty ? nil : known.reduce(0, +)
                }
                guard let k = CompositeDowntime.worst(sums) else { continue }
                for i in g where k < spans[i].count {
                    attributed += CompositeDowntime.excludingMaintenance(spans[i][k], own: spans[i][0])
                }
            }
        }
        let weighted = Downtime.weighted(attributed)
        inputs.attributed = inputs.terms.map { _ in attributed }
        inputs.spans = inputs.terms.map { _ in weighted }
        inputs.samples = nil
        inputs.windows = counting.map { k in
            let incident = site.incidents[k]
            return OpenWindow(start: incident.start, end: max(incident.start, min(incident.end ?? inputs.now, inputs.now)))
        }
        return (inputs, counting)
    }
}
