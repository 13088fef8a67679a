import SLACore

/// How Statuspage's words become slasite's (docs/cli.md, "slasite import statuspage").
public enum StatuspageRules {
    /// The docs/spec.md §2 status of an update, or nil for `postmortem` (which becomes the incident's
    /// report, the body, since it follows the resolution).
    public static func updateStatus(_ status: String, maintenance: Bool) -> String? {
        switch status {
        case "investigating", "identified", "monitoring", "resolved": status
        case "postmortem": nil
        case "scheduled", "in_progress", "completed": status
        // Statuspage's "verifying" is still inside the window: the work is done, not yet confirmed.
        case "verifying": "in_progress"
        default: nil
        }
    }

    /// The impact a component status stands for; nil for `operational` and `under_maintenance`.
    public static func impact(componentStatus: String) -> Impact? {
        switch componentStatus {
        case "major_outage": .major
        case "partial_outage": .partial
        case "degraded_performance": .degraded
        default: nil
        }
    }

    /// The impact an incident's own `impact` stands for: `critical` → major, `major` → partial,
    /// `minor` and `none` → degraded (which counts 0 by default, as `none` counts on Statuspage).
    public static func impact(incidentImpact: String?) -> Impact {
        switch incidentImpact {
        case "critical": .major
        case "major": .partial
        case "maintenance": .maintenance
        default: .degraded
        }
    }

    /// The impact of an incident: maintenance for a scheduled maintenance; else the worst
    /// `new_status` among the updates' affected components that count (`counts` says which),
    /// else the incident's `impact`.
    public static func impact(of incident: StatuspageIncident, counts: (StatuspageIncident.ComponentRef) -> Bool) -> Impact {
        if incident.isMaintenance { return .maintenance }
        let fromComponents = incident.updates.flatMap(\.affected).filter(counts)
            .compactMap { $0.newStatus.flatMap(impact(componentStatus:)) }
        // `Impact` orders major < partial < degraded: the minimum is the worst.
        return fromComponents.min() ?? impact(incidentImpact: incident.impact)
    }

    /// docs/spec.md §2 `start`: `started_at`, else `created_at`; a maintenance: `scheduled_for`.
    public static func start(of incident: StatuspageIncident) -> Instant {
        if incident.isMaintenance { return incident.scheduledFor ?? incident.startedAt ?? incident.createdAt }
        return incident.startedAt ?? incident.createdAt
    }

    /// docs/spec.md §2 `end`: `resolved_at`, else the first resolving update's time; nil while open.
    /// A maintenance that is completed ends at `resolved_at`, else its first `completed`
    /// update, else `scheduled_until`; one not completed yet ends at `scheduled_until`.
    public static func end(of incident: StatuspageIncident) -> Instant? {
        if incident.isMaintenance {
            if incident.status == "completed" || incident.updates.contains(where: { $0.status == "completed" }) {
                return incident.resolvedAt ?? incident.updates.first { $0.status == "completed" }?.at ?? incident.scheduledUntil
            }
            return incident.scheduledUntil
        }
        if let resolved = incident.resolvedAt { return resolved }
        if let update = incident.updates.first(where: { $0.status == "resolved" || $0.status == "postmortem" }) { return update.at }
        if incident.status == "resolved" || incident.status == "postmortem" { return incident.updatedAt ?? incident.updates.last?.at }
        return nil
    }
}
