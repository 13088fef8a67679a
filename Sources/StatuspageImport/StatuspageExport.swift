import Foundation
import SLACore
import SiteContent

/// An incident or scheduled maintenance as Statuspage's API v2 gives it: the documented
/// fields slasite uses, each read and checked where it is written.
public struct StatuspageIncident: Sendable, Hashable {
    public var id: String
    public var name: String
    public var status: String
    /// `none`, `minor`, `major`, `critical` or `maintenance`; nil when absent.
    public var impact: String?
    public var isMaintenance: Bool
    public var createdAt: Instant
    public var updatedAt: Instant?
    public var startedAt: Instant?
    public var resolvedAt: Instant?
    public var scheduledFor: Instant?
    public var scheduledUntil: Instant?
    public var shortlink: String?
    /// The postmortem as the Manage API gives it (`postmortem_body`), if any.
    public var postmortemBody: String?
    /// The incident's `components`.
    public var components: [ComponentRef]
    /// Oldest first (Statuspage lists them newest first).
    public var updates: [Update]
    /// Where the incident's object starts.
    public var place: Place

    public struct Place: Sendable, Hashable {
        public var file: String
        /// The JSON path, e.g. `$.incidents[2]`.
        public var path: String
        public var line: Int
        public var column: Int
    }

    /// A component named by an incident (`components[]`: `id`, `name`) or an update
    /// (`affected_components[]`: `code`, `name`, `new_status`).
    public struct ComponentRef: Sendable, Hashable {
        public var id: String?
        public var name: String?
        /// `new_status` of an affected component; nil for the incident's own list.
        public var newStatus: String?
        public var place: Place
    }

    public struct Update: Sendable, Hashable {
        public var id: String?
        public var status: String
        public var body: String
        /// `display_at`, else `created_at`: the time Statuspage shows.
        public var at: Instant
        public var affected: [ComponentRef]
    }

    public static let incidentStatuses = ["investigating", "identified", "monitoring", "resolved", "postmortem"]
    public static let maintenanceStatuses = ["scheduled", "in_progress", "verifying", "completed"]
    public static let impacts = ["none", "minor", "major", "critical", "maintenance"]
    public static let componentStatuses = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"]
}

/// Reads Statuspage API v2 JSON: `incidents.json`, `scheduled-maintenances.json` (or a
/// `summary.json` holding both lists), one incident object, or a list of incident objects.
public enum StatuspageExport {
    /// The incidents of one file, and every problem found in it.
    public static func read(_ bytes: [UInt8], file: String) -> (incidents: [StatuspageIncident], diagnostics: [Diagnostic]) {
        let root: JSONNode
        switch JSONDocument.parse(bytes) {
        case let .failure(e): return ([], [Diagnostic(.error, file, e.line, e.column, e.message)])
        case let .success(node): root = node
        }
        var r = Reader(file: file)
        var incidents: [StatuspageIncident] = []
        // The Manage API lists a page's incidents as a bare list.
        if case let .array(items) = root.value {
            for (k, item) in items.enumerated() {
                if let i = r.incident(item, path: "$[\(k)]", listedAsMaintenance: false) { incidents.append(i) }
            }
            return (incidents, r.diagnostics)
        }
        guard case .object = root.value else {
            r.error(root, "$", "expected Statuspage API v2 JSON: an object or a list of incidents, got \(root.described)")
            return ([], r.diagnostics)
        }
        let lists = [("incidents", false), ("scheduled_maintenances", true)].filter { root[$0.0] != nil }
        if lists.isEmpty {
            guard root["id"] != nil, root["name"] != nil else {
                r.error(
                    root, "$",
                    "expected Statuspage API v2 JSON: an object with \"incidents\" (incidents.json) or \"scheduled_maintenances\" (scheduled-maintenances.json), or one incident with \"id\" and \"name\""
                )
                return ([], r.diagnostics)
            }
            if let i = r.incident(root, path: "$", listedAsMaintenance: false) { incidents.append(i) }
            return (incidents, r.diagnostics)
        }
        for (key, maintenance) in lists {
            let list = root[key]!
            guard case let .array(items) = list.value else {
                r.error(list, "$.\(key)", "\(key) must be a list, got \(list.described)")
                continue
            }
            for (k, item) in items.enumerated() {
                if let i = r.incident(item, path: "$.\(key)[\(k)]", listedAsMaintenance: maintenance) { incidents.append(i) }
            }
        }
        return (incidents, r.diagnostics)
    }

    /// Reads values out of the JSON tree, reporting each problem at its JSON path and position.
    struct Reader {
        var file: String
        var diagnostics: [Diagnostic] = []
        let utc = SiteCalendar(timeZone: TimeZone(identifier: "UTC")!)

        mutating func error(_ node: JSONNode, _ path: String, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, file, node.line, node.column, "\(path): \(message)", hint: hint))
        }

        func place(_ node: JSONNode, _ path: String) -> StatuspageIncident.Place {
            StatuspageIncident.Place(file: file, path: path, line: node.line, column: node.column)
        }

        /// A text field; nil (reported when `required`) when absent, null or not text.
        mutating func string(_ object: JSONNode, _ key: String, _ path: String, required: Bool = false) -> String? {
            guard let v = object[key], !v.isNull else {
                if required { error(object, path, "the required field \"\(key)\" is missing") }
                return nil
            }
            guard case let .string(s) = v.value else {
                error(v, "\(path).\(key)", "\(key) must be text, got \(v.described)")
                return nil
            }
            return s
        }

        /// A time with an offset (Statuspage writes them so); a fraction of a second is dropped.
        mutating func time(_ object: JSONNode, _ key: String, _ path: String, required: Bool = false) -> Instant? {
            guard let text = string(object, key, path, required: required) else { return nil }
            guard let local = LocalDateTime(iso8601: text), !local.isDateOnly, local.utcOffset != nil else {
                error(
                    object[key]!, "\(path).\(key)",
                    "\(key) must be an ISO 8601 time with an offset like 2026-03-14T09:30:00.000Z, got \(object[key]!.described)")
                return nil
            }
            return utc.instant(local)
        }

        /// A text field that must be one of `allowed`.
        mutating func choice(_ object: JSONNode, _ key: String, _ path: String, _ allowed: [String], required: Bool = false) -> String? {
            guard let s = string(object, key, path, required: required) else { return nil }
            guard allowed.contains(s) else {
                error(
                    object[key]!, "\(path).\(key)",
                    "\(key) must be one of \(allowed.joined(separator: ", ")), got \(object[key]!.described)",
                    hint: Suggestion.hint(for: s, in: allowed))
                return nil
            }
            return s
        }

        /// The items of a list field (absent or null: none).
        mutating func list(_ object: JSONNode, _ key: String, _ path: String) -> [(JSONNode, String)] {
            guard let v = object[key], !v.isNull else { return [] }
            guard case let .array(items) = v.value else {
                error(v, "\(path).\(key)", "\(key) must be a list, got \(v.described)")
                return []
            }
            return items.enumerated().map { ($0.element, "\(path).\(key)[\($0.offset)]") }
        }

        mutating func incident(_ node: JSONNode, path: String, listedAsMaintenance: Bool) -> StatuspageIncident? {
            guard case .object = node.value else {
                error(node, path, "an incident must be an object, got \(node.described)")
                return nil
            }
            let before = diagnostics.count
            let id = string(node, "id", path, required: true)
            if let id, id.isEmpty { error(node["id"]!, "\(path).id", "id must not be empty") }
            let name = string(node, "name", path, required: true)
            let impact = choice(node, "impact", path, StatuspageIncident.impacts)
            let scheduledFor = time(node, "scheduled_for", path)
            let scheduledUntil = time(node, "scheduled_until", path)
            let rawStatus = string(node, "status", path, required: true)
            // docs/cli.md: a scheduled maintenance is one listed as such, or one that says so.
            let isMaintenance =
                listedAsMaintenance || scheduledFor != nil || impact == "maintenance"
                || rawStatus.map(StatuspageIncident.maintenanceStatuses.contains) == true
            let statuses = isMaintenance ? StatuspageIncident.maintenanceStatuses : StatuspageIncident.incidentStatuses
            let status = choice(node, "status", path, statuses, required: true)
            let createdAt = time(node, "created_at", path, required: true)
            let updatedAt = time(node, "updated_at", path)
            let startedAt = time(node, "started_at", path)
            let resolvedAt = time(node, "resolved_at", path)
            let shortlink = string(node, "shortlink", path)
            // The incident file would refuse it (its `imported.url`): say so at the export's place.
            if let shortlink, !SiteConfigDecoder.isWebURL(shortlink), let n = node["shortlink"] {
                error(n, "\(path).shortlink", "shortlink must be an absolute http or https URL, got \(n.described)")
            }
            let postmortem = string(node, "postmortem_body", path)
            var components: [StatuspageIncident.ComponentRef] = []
            for (c, cpath) in list(node, "components", path) {
                guard case .object = c.value else {
                    error(c, cpath, "a component must be an object, got \(c.described)")
                    continue
                }
                let cid = string(c, "id", cpath)
                let cname = string(c, "name", cpath)
                if cid == nil && cname == nil { error(c, cpath, "a component needs an \"id\" or a \"name\"") }
                components.append(.init(id: cid, name: cname, newStatus: nil, place: place(c, cpath)))
            }
            var updates: [StatuspageIncident.Update] = []
            for (u, upath) in list(node, "incident_updates", path) {
                guard case .object = u.value else {
                    error(u, upath, "an incident update must be an object, got \(u.described)")
                    continue
                }
                let ustatus = choice(u, "status", upath, statuses, required: true)
                let body = string(u, "body", upath) ?? ""
                let displayAt = time(u, "display_at", upath)
                let created = time(u, "created_at", upath, required: displayAt == nil)
                var affected: [StatuspageIncident.ComponentRef] = []
                for (a, apath) in list(u, "affected_components", upath) {
                    guard case .object = a.value else {
                        error(a, apath, "an affected component must be an object, got \(a.described)")
                        continue
                    }
                    let code = string(a, "code", apath)
                    let aname = string(a, "name", apath)
                    if code == nil && aname == nil { error(a, apath, "an affected component needs a \"code\" or a \"name\"") }
                    let newStatus = choice(a, "new_status", apath, StatuspageIncident.componentStatuses)
                    _ = choice(a, "old_status", apath, StatuspageIncident.componentStatuses)
                    affected.append(.init(id: code, name: aname, newStatus: newStatus, place: place(a, apath)))
                }
                if let ustatus, let at = displayAt ?? created {
                    updates.append(.init(id: string(u, "id", upath), status: ustatus, body: body, at: at, affected: affected))
                }
            }
            guard diagnostics.count == before, let id, let name, let status, let createdAt else { return nil }
            // Oldest first; one instant's updates keep Statuspage's order (newest first) reversed.
            let ordered = updates.enumerated().sorted { ($0.element.at, -$0.offset) < ($1.element.at, -$1.offset) }.map(\.element)
            return StatuspageIncident(
                id: id, name: name, status: status, impact: impact, isMaintenance: isMaintenance, createdAt: createdAt,
                updatedAt: updatedAt, startedAt: startedAt, resolvedAt: resolvedAt, scheduledFor: scheduledFor,
                scheduledUntil: scheduledUntil, shortlink: shortlink, postmortemBody: postmortem, components: components,
                updates: ordered, place: place(node, path))
        }
    }
}
