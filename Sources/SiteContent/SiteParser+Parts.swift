import SLACore

extension SiteParser {
    /// docs/spec.md §2 `parts`: a composite cannot list itself, and parts cannot form a cycle (a → b → a):
    /// its Downtime would depend on itself. Each is reported at the part as written (unknown
    /// parts are reported with the other references).
    static func checkParts(_ services: [Service], references: [Reference], sink: DiagnosticSink) {
        let byID = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        /// Where `service`'s file lists `part`.
        func reference(_ service: String, _ part: String) -> Reference? {
            references.first { $0.context == "parts" && $0.id == part && $0.file == "content/services/\(service).md" }
        }
        let ids = byID.keys.sorted()
        for id in ids where byID[id]!.parts.contains(id) {
            let ref = reference(id, id)
            sink.error(
                ref?.file ?? "content/services/\(id).md", ref?.line ?? 1, ref?.column ?? 1,
                "service \(id) lists itself among its parts: a composite is made of other services",
                hint: Suggestion.hint(for: id, in: ids.filter { $0 != id }))
        }
        // Depth first from each service in id order; an edge back to a service on the path
        // closes a cycle, reported once (from its smallest id) at the edge that leaves it.
        var state: [String: Bool] = [:]  // false: on the path; true: done
        var path: [String] = []
        var reported: Set<[String]> = []
        func visit(_ id: String) {
            state[id] = false
            path.append(id)
            for part in byID[id]?.parts ?? [] where part != id && byID[part] != nil {
                switch state[part] {
                case nil: visit(part)
                case false?:
                    var cycle = Array(path[path.lastIndex(of: part)!...])
                    let k = cycle.indices.min { cycle[$0] < cycle[$1] }!
                    cycle = Array(cycle[k...] + cycle[..<k])
                    guard reported.insert(cycle).inserted else { continue }
                    let next = cycle.count > 1 ? cycle[1] : cycle[0]
                    let ref = reference(cycle[0], next)
                    sink.error(
                        ref?.file ?? "content/services/\(cycle[0]).md", ref?.line ?? 1, ref?.column ?? 1,
                        "parts form a cycle: \((cycle + [cycle[0]]).joined(separator: " → ")): a composite's Downtime cannot depend on itself")
                case true?: break
                }
            }
            path.removeLast()
            state[id] = true
        }
        for id in ids where state[id] == nil { visit(id) }
    }
}
