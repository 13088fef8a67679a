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
        // `worst` compares the parts' month uptimes, each by its own terms.
        let partFigures = combine == .worst ? parts.map { SLAArithmetic.monthFigures($0.inputs) } : []
        var inputs = composite
        inputs.combine = combine
        inputs.parts = partIDs
        var attributed: [AttributedSpan] = []
        for (i, m) in inputs.months.enumerated() {
            if let statusSince = inputs.statusSince, m.end <= statusSince { continue }
            // The composite's own incidents, by its own terms (like a part measured by incidents).
            let ownSpans = CompositeDowntime.partSpans(inputs, month: i, positions: ownPositions)
            let elapsed = Double(m.start.seconds(to: max(m.start, min(m.end, inputs.now)))) / 60
            let ownDowntime = ownSpans.reduce(0.0) { $0 + Double($1.start.seconds(to: $1.end)) * $1.weight } / 60
            var sources = [CompositeDowntime.Source(spans: ownSpans, uptime: SLAArithmetic.uptime(minutes: elapsed, downtime: ownDowntime))]
            for (j, part) in parts.enumerated() {
                sources.append(
                    CompositeDowntime.Source(
                        spans: CompositeDowntime.partSpans(part.inputs, month: i, positions: partPositions[j]),
                        uptime: combine == .worst ? partFigures[j][i].uptime : nil))
            }
            attributed += CompositeDowntime.month(sources, combine: combine)
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
