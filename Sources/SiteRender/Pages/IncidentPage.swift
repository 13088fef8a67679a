import SLACore

/// `/incidents/<slug>/`: one incident report with its times in the site zone.
struct IncidentPage {
    /// Above this many plans, an incident that counts in every plan says so instead of listing them.
    static let planLinkLimit = 8

    let builder: PageBuilder
    let incident: Incident
    /// The report rendered from its Markdown body.
    let html: String
    /// Each update's note rendered, as posted by *now* (oldest first).
    let notes: [String]
    /// Per affected service, the plans whose figures count it and at what weight.
    let counted: [[PageInput.CountedIn]]

    /// Where an incident stands at *now*.
    enum State {
        case scheduled, ongoing, resolved

        init(_ incident: Incident, now: Instant) {
            if incident.start > now {
                self = .scheduled
            } else if incident.isOpen(at: now) {
                self = .ongoing
            } else {
                self = .resolved
            }
        }

        var label: String {
            switch self {
            case .scheduled: "Scheduled"
            case .ongoing: "Ongoing"
            case .resolved: "Resolved"
            }
        }
    }

    func render() -> [UInt8] {
        let urls = builder.urls
        let calendar = builder.calendar
        let now = builder.now
        let state = State(incident, now: now)
        let durationText: String
        switch (state, incident.end) {
        case (.ongoing, _): durationText = PageFormat.duration(seconds: incident.start.seconds(to: now)) + " so far"
        case (_, let end?): durationText = PageFormat.duration(seconds: incident.start.seconds(to: end))
        case (_, nil): durationText = "open-ended"
        }
        // Plans whose figures this incident counts against, per affected service.
        let plans = builder.site.plans
        let affected: [[String: Any]] = zip(incident.services, counted).map { serviceID, countedIn in
            let counting = countedIn.map(\.plan)
            // Long plan lists collapse to a sentence; the plan pages link every details page.
            let collapse = counting.count > Self.planLinkLimit && incident.plans == nil
            let serviceTitle = builder.serviceTitle(serviceID)
            return [
                "title": serviceTitle,
                "plans": collapse
                    ? []
                    : counting.map { p -> [String: Any] in
                        [
                            "title": plans[p].title,
                            "href": urls.link(urls.details(plan: plans[p].id, service: serviceID)),
                            "label": "\(serviceTitle) in the \(plans[p].title) plan",
                        ]
                    },
                "has_plans": !counting.isEmpty,
                "collapse_plans": collapse,
                "all_plans": "counted in every plan that covers it (\(counting.count) plans)",
            ]
        }
        // The weight it counts at: its own, or each counting plan's terms (SPEC §3).
        let weights = Set(counted.joined().map(\.weight))
        let weight = incident.weight ?? weights.first ?? builder.site.config.impactWeights[incident.impact]
        let weightText: String
        if incident.impact == .maintenance {
            weightText = "Not counted as downtime where a plan excludes scheduled maintenance (the default)."
        } else if incident.weight == nil && weights.count > 1 {
            weightText = "Counted as downtime at a weight each plan's terms set: "
                + weights.sorted(by: >).map { PageFormat.percent($0 * 100) }.joined(separator: ", ") + "."
        } else if weight == 0 {
            weightText = "Not counted as downtime."
        } else if weight >= 1 {
            weightText = "Counted in full as downtime."
        } else {
            weightText = "Counted as downtime at \(PageFormat.percent(weight * 100)) weight."
        }
        // SPEC §2 *status* at now; the timeline newest first.
        let status = incident.status(at: now)
        let timeline: [[String: Any]] = zip(incident.updates, notes).reversed().map { update, note in
            [
                "status": Self.statusLabel(update.status),
                "status_class": update.status.rawValue,
                "at": PageFormat.dateTime(update.at, calendar),
                "at_machine": update.at.rfc3339,
                "note": note,
            ]
        }
        let countTables = zip(incident.services, counted).compactMap { serviceID, countedIn in
            countTable(serviceID: serviceID, countedIn: countedIn)
        }
        let values: [String: Any] = [
            "state": Self.statusLabel(status),
            "state_class": state == .ongoing ? "ongoing" : status.rawValue,
            "timeline": timeline,
            "has_timeline": !timeline.isEmpty,
            "count_tables": countTables,
            "has_count_tables": !countTables.isEmpty,
            "impact": PageFormat.impact(incident.impact),
            "impact_class": incident.impact.rawValue,
            "weight": weightText,
            "start": PageFormat.dateTime(incident.start, calendar),
            "start_machine": incident.start.rfc3339,
            "end": incident.end.map { PageFormat.dateTime($0, calendar) } ?? "ongoing",
            "end_machine": incident.end?.rfc3339 ?? "",
            "has_end": incident.end != nil,
            "duration": durationText,
            "timezone": calendar.name,
            "affected": affected,
            "body": BodyHTML.prepare(html, top: 3),
        ]
        return builder.page(
            "incident", path: urls.incident(incident.id), title: incident.title,
            description: "\(PageFormat.impact(incident.impact)) from \(PageFormat.dateTime(incident.start, calendar)): \(incident.title)",
            section: .status,
            crumbs: [.init(label: "Overview", path: urls.home), .init(label: "Status", path: urls.status)],
            values: values)
    }

    /// SPEC §2 *status* in words.
    static func statusLabel(_ status: IncidentStatus) -> String {
        switch status {
        case .investigating: "Investigating"
        case .identified: "Identified"
        case .monitoring: "Monitoring"
        case .resolved: "Resolved"
        case .scheduled: "Scheduled"
        case .inProgress: "In progress"
        case .completed: "Completed"
        }
    }

    /// Issue 16, point 4: what the incident counted against one service, a row per plan ×
    /// month (or, past `planLinkLimit` plans, per month across them), read off the figures.
    func countTable(serviceID: String, countedIn: [PageInput.CountedIn]) -> [String: Any]? {
        let plans = builder.site.plans
        let rows: [[String: Any]]
        if countedIn.count > Self.planLinkLimit && incident.plans == nil {
            // Month by month across the plans.
            var byMonth: [YearMonth: [(PageInput.CountedIn, PageInput.CountedMonth)]] = [:]
            for c in countedIn { for m in c.months { byMonth[m.figure.month, default: []].append((c, m)) } }
            rows = byMonth.keys.sorted().map { month in
                let entries = byMonth[month]!
                let minutes = entries.map { Published.minutes($0.1.count.minutes) }
                let lo = minutes.min()!, hi = minutes.max()!
                let missed = entries.filter { $0.1.figure.met == false }.count
                let owed = entries.filter { $0.1.figure.final && $0.1.figure.credit > 0 }
                let reasons = entries.map { reason($0.1) }
                var seen: Set<String> = []
                let why = reasons.filter { seen.insert($0).inserted }.joined(separator: "; ")
                let final = entries.allSatisfy { $0.1.figure.final }
                return [
                    "plan": "All \(entries.count) plans", "plan_href": "", "has_plan_href": false,
                    "month": PageFormat.month(month), "month_machine": month.description,
                    "counted": lo == hi ? PageFormat.minutes(lo) : Published.minutesText(lo) + "–" + PageFormat.minutes(hi),
                    "why": why,
                    "result": missed == 0
                        ? (final ? "Met in every plan" : "On track so far in every plan")
                        : (final ? "Missed in \(missed) of \(entries.count) plans" : "Below objective so far in \(missed) of \(entries.count) plans"),
                    "result_class": missed == 0 ? "met" : "missed",
                    "credit": !final ? "— (month in progress)"
                        : owed.isEmpty ? "None"
                        : "In \(owed.count) plans, up to \(PageFormat.percent(owed.map(\.1.figure.credit).max()!))",
                ]
            }
        } else {
            rows = countedIn.flatMap { c in
                c.months.map { m -> [String: Any] in
                    let f = m.figure
                    return [
                        "plan": plans[c.plan].title, "has_plan_href": true,
                        "plan_href": builder.urls.link(builder.urls.details(plan: plans[c.plan].id, service: serviceID)),
                        "month": PageFormat.month(f.month), "month_machine": f.month.description,
                        "counted": PageFormat.minutes(m.count.minutes),
                        "why": reason(m),
                        "result": Self.result(f), "result_class": f.met == false ? "missed" : f.met == true ? "met" : "none",
                        "credit": !f.final ? "— (month in progress)" : f.credit > 0 ? PageFormat.percent(f.credit) + " of the monthly fee" : "None",
                    ]
                }
            }
        }
        guard !rows.isEmpty else { return nil }
        return ["service": builder.serviceTitle(serviceID), "rows": rows]
    }

    /// A month's verdict in words, from its figures.
    static func result(_ f: MonthFigure) -> String {
        switch (f.met, f.final) {
        case (nil, _): f.hasData ? "No objective" : "Not judged (no data)"
        case (true?, true): "Met"
        case (false?, true): f.terminationRight ? "Missed (termination right)" : "Missed"
        case (true?, false): "On track so far"
        case (false?, false): "Below objective so far"
        }
    }

    /// Why an incident counted what it did in one month (issue 16, point 4), from that month's
    /// count alone: the weight it counted at is its minutes over the time it set w(t).
    func reason(_ m: PageInput.CountedMonth) -> String {
        let c = m.count
        switch m.figure.source {
        case .measurements: return "Not counted: measured uptime replaces incidents this month"
        case .none: return "Not counted: no data for this month"
        case .incidents: break
        }
        let open = Published.minutes(c.openMinutes)
        let inside = Published.minutes(c.overlappedMinutes)
        let maintenance = Published.minutes(c.maintenanceMinutes)
        // The minutes during which this incident set w(t).
        let own = c.openMinutes - c.overlappedMinutes - c.maintenanceMinutes
        if Published.minutes(c.minutes) <= 0 {
            if incident.impact == .maintenance && maintenance >= open { return "Maintenance excluded" }
            if own > 0 { return "Weight 0: not counted as downtime" }
            if maintenance >= open { return "During excluded maintenance" }
            if inside >= open { return "Inside a larger incident" }
            return "Inside a larger incident and excluded maintenance"
        }
        let weight = c.minutes / own
        var parts = [weight >= 1 - 1e-9 ? "Counted in full" : "Counted at \(PageFormat.percent(weight * 100)) weight"]
        if inside > 0 { parts.append(PageFormat.minutes(c.overlappedMinutes) + " inside a larger incident") }
        if maintenance > 0 { parts.append(PageFormat.minutes(c.maintenanceMinutes) + " during excluded maintenance") }
        return parts.joined(separator: "; ")
    }

    /// An incident as a line in a list (status and details pages).
    static func listItem(_ builder: PageBuilder, _ incident: Incident) -> [String: Any] {
        let state = State(incident, now: builder.now)
        return [
            "title": incident.title,
            "href": builder.urls.link(builder.urls.incident(incident.id)),
            "start": PageFormat.dateTime(incident.start, builder.calendar),
            "start_machine": incident.start.rfc3339,
            "impact": PageFormat.impact(incident.impact),
            "impact_class": incident.impact.rawValue,
            "state": state.label,
            "services": HomePage.list(incident.services.map(builder.serviceTitle)),
        ]
    }
}
