import SiteContent

/// `import.statuspage.components` looked up by a component's id, then by its name.
struct ComponentLookup {
    var services: [String: String?] = [:]

    init(_ mappings: [ImportSettings.ComponentMapping]) {
        for m in mappings where services[m.component] == nil { services[m.component] = .some(m.service) }
    }

    /// nil: not mapped; `.some(nil)`: left out; `.some(id)`: counts against service `id`.
    func find(_ ref: StatuspageIncident.ComponentRef) -> String?? {
        if let id = ref.id, let s = services[id] { return s }
        if let name = ref.name, let s = services[name] { return s }
        return nil
    }
}
