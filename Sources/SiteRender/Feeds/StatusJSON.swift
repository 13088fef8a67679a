import SLACore

/// `/status.json` (docs/spec.md §4): the current state, machine-readable, for widgets and other tools;
/// read from `CurrentState`, the status page's one definition.
enum StatusJSON {
    static let path = "status.json"
    static let schemaPath = "status.schema.json"

    static func document(_ context: RenderContext) -> JSONValue {
        let site = context.site
        let now = context.figures.now
        let state = CurrentState(site: site, now: now)
        let urls = context.urls
        return .object([
            ("generated_at", .string(now.rfc3339)),
            ("status", .string(state.overall.rawValue)),
            ("services", .array(zip(site.services, state.services).map { service, s in
                .object([("id", .string(service.id)), ("title", .string(service.title)), ("status", .string(s.rawValue))])
            })),
            ("open_incidents", .array(state.open.map { k in
                let incident = site.incidents[k]
                return .object([
                    ("id", .string(incident.id)),
                    ("title", .string(incident.title)),
                    ("url", .string(urls.absolute(urls.incident(incident.id)))),
                    ("impact", .string(incident.impact.rawValue)),
                    ("status", .string(incident.status(at: now).rawValue)),
                    ("start", .string(incident.start.rfc3339)),
                ])
            })),
        ])
    }

    /// JSON Schema 2020-12 of `/status.json`: every key listed and required, no others.
    static func schema(urls: SiteURLs) -> JSONValue {
        let states = JSONValue.array(ServiceState.allCases.map { .string($0.rawValue) })
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(urls.absolute(schemaPath))),
            ("title", .string("Current status")),
            ("description", .string("What is affected at generated_at (/status.json).")),
            ("type", .string("object")),
            ("properties", .object([
                ("generated_at", SLASchema.dateTime("The build's reference time (now), RFC 3339 in UTC.")),
                ("status", .object([
                    ("description", .string("The worst impact open at generated_at: major_outage, then partial_outage, degraded, maintenance (a window in progress); operational when none.")),
                    ("enum", states),
                ])),
                ("services", SLASchema.array(SLASchema.object("A service and its current state.", [
                    ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9-]+$"))])),
                    ("title", SLASchema.string("Service title.")),
                    ("status", .object([("description", .string("The worst impact open for this service.")), ("enum", states)])),
                ]), "Every service, in display order.")),
                ("open_incidents", SLASchema.array(SLASchema.object("An incident or maintenance window open at generated_at.", [
                    ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9-]+$"))])),
                    ("title", SLASchema.string("Incident title.")),
                    ("url", SLASchema.string("Absolute URL of the incident report.", format: "uri")),
                    ("impact", .object([("enum", .array(Impact.allCases.map { .string($0.rawValue) }))])),
                    ("status", .object([
                        ("description", .string("Where it stands: its latest update's status, else investigating (maintenance: in_progress).")),
                        ("enum", .array(IncidentStatus.allCases.map { .string($0.rawValue) })),
                    ])),
                    ("start", SLASchema.dateTime("Start, RFC 3339 in UTC.")),
                ]), "Incidents open at generated_at (started, not ended), by start then id.")),
            ])),
            ("required", SLASchema.required(["generated_at", "status", "services", "open_incidents"])),
            ("additionalProperties", .bool(false)),
        ])
    }
}
