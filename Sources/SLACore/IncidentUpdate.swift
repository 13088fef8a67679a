/// Where an incident stands (docs/spec.md §2 incident *status*): the statuses of an incident's updates.
public enum IncidentStatus: String, Sendable, CaseIterable, Hashable {
    case investigating, identified, monitoring, resolved
    /// A maintenance window's statuses.
    case scheduled
    case inProgress = "in_progress"
    case completed

    /// The statuses an update of an incident of `impact` may have (docs/spec.md §2 `updates`).
    public static func allowed(for impact: Impact) -> [IncidentStatus] {
        impact == .maintenance ? [.scheduled, .inProgress, .completed] : [.investigating, .identified, .monitoring, .resolved]
    }

    /// Whether nothing may follow it: `resolved`, or a maintenance window's `completed`.
    public var isFinal: Bool { self == .resolved || self == .completed }
}

/// One entry of an incident's timeline (docs/spec.md §2 `updates`: `{at, status, note}`).
public struct IncidentUpdate: Sendable, Hashable {
    public var at: Instant
    public var status: IncidentStatus
    /// Markdown.
    public var note: String

    public init(at: Instant, status: IncidentStatus, note: String = "") {
        self.at = at
        self.status = status
        self.note = note
    }
}

extension Incident {
    /// docs/spec.md §2 *status* at `now`: `resolved` (maintenance: `completed`) once `end` is at or
    /// before `now`; else the latest update's status at or before `now`; else `investigating`
    /// (maintenance: `scheduled` before its start, `in_progress` from it).
    public func status(at now: Instant) -> IncidentStatus {
        let maintenance = impact == .maintenance
        if let end, end <= now { return maintenance ? .completed : .resolved }
        // Updates are in time order (checked where they are read); the last of equal times wins.
        if let latest = latestUpdate(at: now) { return latest.status }
        if maintenance { return now < start ? .scheduled : .inProgress }
        return .investigating
    }

    /// The last update at or before `now`, if any.
    public func latestUpdate(at now: Instant) -> IncidentUpdate? {
        updates.last { $0.at <= now }
    }

    /// Whether it is open at `now`: started, and not ended (docs/spec.md §3: an open incident runs until *now*).
    public func isOpen(at now: Instant) -> Bool {
        start <= now && (end.map { now < $0 } ?? true)
    }
}
