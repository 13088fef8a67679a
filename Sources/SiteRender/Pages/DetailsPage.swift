import SLACore

/// `/plans/<plan>/<service>/`: the full terms of one plan × service and its monthly history.
struct DetailsPage {
    /// At most this many incidents are listed on a details page, newest first.
    static let incidentLimit = 20

    let builder: PageBuilder
    let plan: Plan
    let level: ServiceLevel
    /// The incidents listed, newest first, and how many count against this level in all.
    let incidents: [Incident]
    let incidentCount: Int

    func render() -> [UInt8] {
        let urls = builder.urls
        let service = builder.service(level.serviceID)
        let serviceTitle = service?.title ?? level.serviceID
        let terms = level.terms
        let summary = ServiceSummary(level: level)

        var values: [String: Any] = [
            "service_title": serviceTitle,
            "plan_title": plan.title,
            "plan_href": urls.link(urls.plan(plan.id)),
            "summary": service?.summary ?? "",
            "measurement": service?.measurement ?? "",
            "has_measurement": !(service?.measurement ?? "").isEmpty,
            "bullets": summary.bullets,
            "service_body": builder.serviceBodies[level.serviceID] ?? "",
            "plan_body": builder.planBodies[plan.id] ?? "",
        ]
        values.merge(creditValues(summary)) { a, _ in a }
        values.merge(supportValues(terms.support)) { a, _ in a }
        values.merge(historyValues(serviceTitle: serviceTitle)) { a, _ in a }

        values["exclusions"] = (service?.exclusions ?? []) + [
            terms.excludeMaintenance
                ? "Scheduled maintenance is not counted as downtime."
                : "Scheduled maintenance counts as downtime for this service in this plan."
        ]
        if let days = terms.claimWindowDays {
            values["claim"] =
                "Submit a claim within \(days) day\(days == 1 ? "" : "s") after the end of the month in which the objective was missed."
        } else {
            values["claim"] = "Submit a claim as set out in the general terms."
        }
        values["terms_href"] = urls.link(urls.terms)
        if let n = terms.terminationConsecutiveMisses {
            values["termination"] =
                "If the objective is missed in \(n) consecutive month\(n == 1 ? "" : "s"), you may terminate the service without penalty."
        }
        // The most recent incidents, newest first; the rest are one click away on each month's
        // figures in sla.json and in the feeds, so pages stay small on long histories.
        let lines = incidents.map(builder.incidentLine)
        values["incidents"] = lines
        values["has_incidents"] = !lines.isEmpty
        values["has_more_incidents"] = incidentCount > Self.incidentLimit
        values["more_incidents"] = incidentCount > Self.incidentLimit ? "\(incidentCount - Self.incidentLimit) earlier incidents are not listed here; every incident has its own page and is in the feeds." : ""

        let title = "\(serviceTitle) — \(plan.title)"
        return builder.page(
            "details", path: urls.details(plan: plan.id, service: level.serviceID), title: title,
            description: "Service level of \(serviceTitle) in the \(plan.title) plan: " + summary.bullets.joined(separator: "; ") + ".",
            section: .none,
            crumbs: [.init(label: "Overview", path: urls.home), .init(label: plan.title, path: urls.plan(plan.id))],
            values: values)
    }

    private func creditValues(_ summary: ServiceSummary) -> [String: Any] {
        let tiers = summary.effectiveTiers
        var rows: [[String: Any]] = []
        for (k, tier) in tiers.enumerated() {
            let range =
                k + 1 < tiers.count
                ? "Below \(PageFormat.percent(tier.below)), at least \(PageFormat.percent(tiers[k + 1].below))"
                : "Below \(PageFormat.percent(tier.below))"
            rows.append(["range": range, "credit": PageFormat.percent(tier.credit)])
        }
        let maxTier = level.terms.credits.map(\.credit).max() ?? 0
        return [
            "credit_rows": rows,
            "has_credits": !rows.isEmpty,
            "has_credit_cap": maxTier > level.terms.creditCap,
            "credit_cap": maxTier > level.terms.creditCap
                ? "Credits are capped at \(PageFormat.percent(level.terms.creditCap)) of the monthly fee in any month." : "",
        ]
    }

    private func supportValues(_ support: SupportTerms?) -> [String: Any] {
        guard let support else { return ["has_support": false] }
        let hours = PageFormat.hours(support.hours).map(PageFormat.capitalized) ?? "—"
        let rows: [[String: Any]] = support.response.map {
            ["severity": PageFormat.capitalized($0.severity), "response": PageFormat.capitalized($0.time.phrase), "hours": hours]
        }
        return [
            "has_support": true, "support_rows": rows, "has_support_rows": !rows.isEmpty,
            "support_hours": "Support hours: " + hours + ".",
        ]
    }

    private func historyValues(serviceTitle: String) -> [String: Any] {
        let rows: [[String: Any]] = level.months.map { m in
            let met: String
            let state: String
            switch (m.met, m.final) {
            case (nil, _): (met, state) = ("No objective", "none")
            case (true?, true): (met, state) = ("Met", "met")
            case (false?, true): (met, state) = (m.terminationRight ? "Missed (termination right)" : "Missed", "missed")
            case (true?, false): (met, state) = ("On track so far", "current")
            case (false?, false): (met, state) = ("Below objective so far", "current-missed")
            }
            return [
                "month": PageFormat.month(m.month),
                "machine": m.month.description,
                "uptime": PageFormat.uptime(m.uptime),
                "downtime": PageFormat.minutes(m.downtimeMinutes),
                "met": met,
                "state": state,
                "credit": m.final ? (m.credit > 0 ? PageFormat.percent(m.credit) : "None") : "—",
                "final": m.final ? "Final" : "In progress",
                "measured": m.measured,
            ]
        }
        let chart = UptimeChart(
            months: level.months, objective: level.terms.uptime,
            title: "Monthly uptime of \(serviceTitle), \(plan.title) plan", idPrefix: "chart")
        return [
            "history": rows,
            "has_history": !rows.isEmpty,
            "has_measured": level.months.contains { $0.measured },
            "chart": rows.isEmpty ? "" : chart.svg(),
            "objective_text": level.terms.uptime.map { "Objective: \(PageFormat.percent($0)) monthly uptime." }
                ?? "This plan makes no uptime commitment for this service; figures are for information only.",
        ]
    }
}
