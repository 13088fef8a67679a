import SLACore

/// `/status/`: the current month per plan × service, then open, scheduled and recent incidents.
struct StatusPage {
    let builder: PageBuilder
    let input: PageInput.StatusInput

    /// docs/spec.md §4 "recent": resolved incidents that ended within this many days before *now*.
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
        let item = { (incident: Incident) in builder.incidentLine(incident) }
        let state = input.state
        // docs/spec.md §4: the worst state first, naming what it affects; the others after it.
        var groups: [(ServiceState, [String])] = []
        for s in ServiceState.allCases where s != .operational {
            let names = zip(site.services, state.services).filter { $0.1 == s }.map(\.0.title)
            if !names.isEmpty { groups.append((s, names)) }
        }
        let s = builder.strings
        let phrase = { (g: (ServiceState, [String])) in
            s(.statusHeadlineGroup, ["state": Self.label(g.0, s), "services": s.list(g.1)])
        }
        let view = StatusView(
            headline: groups.first.map(phrase) ?? s[.statusAllOperational],
            headlineState: Self.cssClass(state.overall),
            headlineMore: groups.dropFirst().map(phrase).joined(separator: s[.statusHeadlineSeparator]), hasHeadlineMore: groups.count > 1,
            services: zip(site.services, zip(state.services, input.serviceDays)).map { service, pair in
                .init(
                    title: service.title, stateLabel: Self.label(pair.0, s), state: Self.cssClass(pair.0),
                    days: DayBars.html(pair.1, label: service.title, builder.strings))
            },
            month: builder.strings.month(month),
            plans: zip(site.plans, input.levels).map { plan, levels in
                .init(title: plan.title, href: urls.link(urls.plan(plan.id)), rows: levels.map(row))
            },
            open: input.open.reversed().map { builder.incidentLine($0, latestUpdate: true) }, hasOpen: !input.open.isEmpty,
            scheduled: input.scheduled.map(item), hasScheduled: !input.scheduled.isEmpty,
            recent: input.recent.map(item), hasRecent: !input.recent.isEmpty, recentDays: String(Self.recentDays),
            ledeHtml: PageFormat.html(
                s, .statusLede,
                [
                    "month": FastHTMLContentType.escape(s.month(month)),
                    "time": "<time datetime=\"\(builder.now.rfc3339)\">"
                        + FastHTMLContentType.escape(PageFormat.dateTime(builder.now, s)) + "</time>",
                ]),
            monthHeading: s(.statusMonthHeading, ["month": s.month(month)]),
            noRecent: s(.statusNoRecent, ["days": String(Self.recentDays)]))
        return builder.page(
            "status", path: urls.status, title: s[.statusTitle],
            description: s(.statusDescription, ["month": s.month(month)]),
            section: .status, view: view)
    }

    /// A state in words ("Major outage", "Maintenance in progress").
    static func label(_ state: ServiceState, _ s: PageText) -> String {
        switch state {
        case .majorOutage: s[.stateMajorOutage]
        case .partialOutage: s[.statePartialOutage]
        case .degraded: s[.stateDegraded]
        case .maintenance: s[.stateMaintenance]
        case .operational: s[.stateOperational]
        }
    }

    /// The class suffix of a state (`state-major_outage` …).
    static func cssClass(_ state: ServiceState) -> String { state.rawValue }

    /// One plan × service in the current month.
    private func row(_ level: ServiceLevel) -> StatusView.Row {
        let title = builder.serviceTitle(level.serviceID)
        let href = builder.urls.link(builder.urls.details(plan: level.planID, service: level.serviceID))
        let s = builder.strings
        let objective = level.terms.uptime.map(s.percent) ?? s[.noUptimeCommitment]
        guard let m = level.current, let uptime = m.uptime, let downtime = m.downtimeMinutes else {
            return .init(
                title: title, href: href, objective: objective, uptime: "—", downtime: "—", budgetLeft: "—",
                status: s[.statusNoFigures], state: "none")
        }
        var budgetLeft = "—"
        if let left = m.budgetLeftMinutes, let budget = m.budgetMinutes {
            // Round the signed figure (as sla.json does), then show the overrun's size.
            let published = Published.minutes(left)
            // Against the month's full allowance (issue 26, point 2), while the uptime is so far.
            budgetLeft = published >= 0
                ? s(.statusBudgetOf, ["left": s.minutes(left), "budget": s.minutes(budget)])
                : s(.statusExceededBy, ["minutes": s.minutes(-published)])
        }
        let (status, state): (String, String)
        switch m.met {
        case true?: (status, state) = (s[.statusOnTrack], "met")
        case false?: (status, state) = (s[.statusBelow], "missed")
        case nil: (status, state) = (s[.statusNoCommitment], "none")
        }
        return .init(
            title: title, href: href, objective: objective, uptime: s.uptime(uptime),
            downtime: s.minutes(downtime), budgetLeft: budgetLeft, status: status, state: state)
    }
}
