import SLACore

/// `/incidents/<slug>/`: one incident report with its times in the site zone.
struct IncidentPage {
    /// Above this many plans, an incident that counts in every plan says so instead of listing them.
    static let planLinkLimit = 8

    let builder: PageBuilder
    let incident: Incident
    /// The report rendered from its Markdown body.
    let html: String
    /// Per affected service, the plans whose figures count it and at what weight.
    let counted: [[PageInput.CountedIn]]

    /// Where an incident stands at *now*.
    enum State {
        case scheduled, ongoing, resolved

        init(_ incident: Incident, now: Instant) {
            if incident.start > now {
                self = .scheduled
            } else if let end = incident.end, end <= now {
                self = .resolved
            } else {
                self = .ongoing
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
        case (.ongoing, _): durationText = PageFormat.duration(seconds: incident.start.seconds(to: now), builder.strings) + " so far"
        case (_, let end?): durationText = PageFormat.duration(seconds: incident.start.seconds(to: end), builder.strings)
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
        let values: [String: Any] = [
            "state": state.label,
            "state_class": "\(state)",
            "impact": PageFormat.impact(incident.impact, builder.strings),
            "impact_class": incident.impact.rawValue,
            "weight": weightText,
            "start": PageFormat.dateTime(incident.start, calendar, builder.strings),
            "start_machine": incident.start.rfc3339,
            "end": incident.end.map { PageFormat.dateTime($0, calendar, builder.strings) } ?? "ongoing",
            "end_machine": incident.end?.rfc3339 ?? "",
            "has_end": incident.end != nil,
            "duration": durationText,
            "timezone": calendar.name,
            "affected": affected,
            "body": BodyHTML.prepare(html, top: 3),
        ]
        return builder.page(
            "incident", path: urls.incident(incident.id), title: incident.title,
            description: "\(PageFormat.impact(incident.impact, builder.strings)) from \(PageFormat.dateTime(incident.start, calendar, builder.strings)): \(incident.title)",
            section: .status,
            crumbs: [.init(label: "Overview", path: urls.home), .init(label: "Status", path: urls.status)],
            values: values)
    }

    /// An incident as a line in a list (status and details pages).
    static func listItem(_ builder: PageBuilder, _ incident: Incident) -> [String: Any] {
        let state = State(incident, now: builder.now)
        return [
            "title": incident.title,
            "href": builder.urls.link(builder.urls.incident(incident.id)),
            "start": PageFormat.dateTime(incident.start, builder.calendar, builder.strings),
            "start_machine": incident.start.rfc3339,
            "impact": PageFormat.impact(incident.impact, builder.strings),
            "impact_class": incident.impact.rawValue,
            "state": state.label,
            "services": PageFormat.list(incident.services.map(builder.serviceTitle), builder.strings),
        ]
    }
}
