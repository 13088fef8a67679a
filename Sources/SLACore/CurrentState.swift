/// What is affected at *now* (docs/spec.md §4 `/status/` headline and `/status.json` `status`): the
/// worst impact open then, for the site and for each service.
public enum ServiceState: String, Sendable, Hashable, CaseIterable, Comparable {
    // Worst first.
    case majorOutage = "major_outage"
    case partialOutage = "partial_outage"
    case degraded
    case maintenance
    case operational

    /// docs/spec.md §4: `major` → major_outage, `partial` → partial_outage, `degraded` → degraded, a
    /// maintenance window in progress → maintenance.
    public init(_ impact: Impact) {
        switch impact {
        case .major: self = .majorOutage
        case .partial: self = .partialOutage
        case .degraded: self = .degraded
        case .maintenance: self = .maintenance
        }
    }

    /// Worse sorts first.
    public static func < (a: ServiceState, b: ServiceState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The current state of a site at *now*: one definition for the status page and `/status.json`.
public struct CurrentState: Sendable, Hashable {
    /// The worst state of any service.
    public var overall: ServiceState
    /// Per service (same order as `Site.services`).
    public var services: [ServiceState]
    /// Indices into `Site.incidents` of the incidents open at *now* (started, not ended;
    /// maintenance windows in progress included), in site order (by start, then id).
    public var open: [Int]

    /// docs/spec.md §4: a service's state is the worst impact among the incidents open at `now` that
    /// name it (whatever plans they count in, and whatever their weight), or for a composite
    /// also name one of its parts; none → operational.
    public init(site: Site, now: Instant) {
        var index: [String: Int] = [:]
        for (k, s) in site.services.enumerated() { index[s.id] = k }
        var states = [ServiceState](repeating: .operational, count: site.services.count)
        var open: [Int] = []
        for (k, incident) in site.incidents.enumerated() where incident.isOpen(at: now) {
            open.append(k)
            let state = ServiceState(incident.impact)
            for id in incident.services {
                if let s = index[id] { states[s] = min(states[s], state) }
            }
        }
        // docs/spec.md §3 Composite services: an incident that names a part affects the
        // composite through it, so a composite is as bad as its worst part (parts first; cycles
        // are errors, so the order exists).
        var done = [Bool](repeating: false, count: site.services.count)
        func resolve(_ k: Int) -> ServiceState {
            if done[k] { return states[k] }
            done[k] = true
            for part in site.services[k].parts {
                if let j = index[part] { states[k] = min(states[k], resolve(j)) }
            }
            return states[k]
        }
        for k in site.services.indices { _ = resolve(k) }
        services = states
        overall = states.min() ?? .operational
        self.open = open
    }
}
