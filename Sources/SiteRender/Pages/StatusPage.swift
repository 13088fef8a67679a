import SLACore

/// `/status/`: the current month per plan × service, then open, scheduled and recent incidents.
struct StatusPage {
    let builder: PageBuilder
    let input: PageInput.StatusInput

    /// SPEC §4 "recent": resolved incidents that ended within this many days before *now*.
    static let recentDays: Int64 = 90
    /// Shown even when older, so the list is never empty on a quiet site.
    static let minimumRecent = 5

    /// The incidents the page lists (indices into `site.incidents`): open, scheduled, and
    /// recently resolved newest first.
    static func listed(_ site: Site, now: Instant) -> (open: [Int], scheduled: [Int], recent: [Int]) {
        var open: [Int] = []
        var scheduled: [Int] = []
        var resolved: [Int] = []
        for (k, incident) in site.incidents.enumerated() {
            switch IncidentPage.State(incident, now: now) {
            case .ongoing: open.append(k)
            case .scheduled: scheduled.append(k)
            case .resolved: resolved.append(k)
            }
        }
        // Newest first, by end time then start.
        resolved.sort { a, b in
            let ia = site.incidents[a], ib = site.incidents[b]
            let ea = ia.end ?? ia.start, eb = ib.end ?? ib.start
            return ea != eb ? ea > eb : (ia.start != ib.start ? ia.start > ib.start : ia.id < ib.id)
        }
        let cutoff = now.adding(seconds: -Self.recentDays * 86_400)
        var recent = resolved.prefix { (site.incidents[$0].end ?? site.incidents[$0].start) >= cutoff }.map { $0 }
        if recent.count < Self.minimumRecent { recent = Array(resolved.prefix(Self.minimumRecent)) }
        return (open, scheduled, recent)
    }

    func render() -> [UInt8] {
        let site = builder.site
        let urls = builder.urls
        let month = builder.currentMonth
        let plans: [[String: Any]] = zip(site.plans, input.levels).map { plan, levels in
            [
                "title": plan.title,
                "href": urls.link(urls.plan(plan.id)),
                "rows": levels.map(row),
            ]
        }
        let (open, scheduled, recent) = (input.open, input.scheduled, input.recent)
        let item = { (incident: Incident) in builder.incidentLine(incident) }
        let values: [String: Any] = [
            "month": PageFormat.month(month),
            "plans": plans,
            "open": open.reversed().map(item),
            "has_open": !open.isEmpty,
            "scheduled": scheduled.map(item),
            "has_scheduled": !scheduled.isEmpty,
            "recent": recent.map(item),
            "has_recent": !recent.isEmpty,
            "recent_days": String(Self.recentDays),
        ]
        return builder.page(
            "status", path: urls.status, title: "Service status",
            description: "Uptime so far in \(PageFormat.month(month)) against each objective, and open and recent incidents.",
            section: .status, values: values)
    }

    /// One plan × service in the current month.
    private func row(_ level: ServiceLevel) -> [String: Any] {
        var dict: [String: Any] = [
            "title": builder.serviceTitle(level.serviceID),
            "href": builder.urls.link(builder.urls.details(plan: level.planID, service: level.serviceID)),
            "objective": level.terms.uptime.map(PageFormat.percent) ?? "No uptime commitment",
        ]
        guard let m = level.current else {
            dict["uptime"] = "—"
            dict["downtime"] = "—"
            dict["budget_left"] = "—"
            dict["status"] = "No figures yet"
            dict["state"] = "none"
            return dict
        }
        dict["uptime"] = PageFormat.uptime(m.uptime)
        dict["downtime"] = PageFormat.minutes(m.downtimeMinutes)
        if let left = m.budgetLeftMinutes {
            // Round the signed figure (as sla.json does), then show the overrun's size.
            let published = Published.minutes(left)
            dict["budget_left"] =
                published >= 0
                ? PageFormat.minutes(left) : "Exceeded by " + Published.text(-published) + PageFormat.nbsp + "min"
        } else {
            dict["budget_left"] = "—"
        }
        switch m.met {
        case true?:
            dict["status"] = "On track"
            dict["state"] = "met"
        case false?:
            dict["status"] = "Below objective"
            dict["state"] = "missed"
        case nil:
            dict["status"] = "No commitment"
            dict["state"] = "none"
        }
        return dict
    }
}
