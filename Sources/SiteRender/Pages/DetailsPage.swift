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
        let serviceTitle = builder.service(level.serviceID)?.title ?? level.serviceID
        let summary = ServiceSummary(level: level)
        let title = "\(serviceTitle) — \(plan.title)"
        return builder.page(
            "details", path: urls.details(plan: plan.id, service: level.serviceID), title: title,
            description: "Service level of \(serviceTitle) in the \(plan.title) plan: " + summary.bullets.joined(separator: "; ") + ".",
            section: .none,
            crumbs: [.init(label: "Overview", path: urls.home), .init(label: plan.title, path: urls.plan(plan.id))],
            view: view(serviceTitle: serviceTitle, summary: summary))
    }

    /// Everything the details template shows.
    func view(serviceTitle: String, summary: ServiceSummary) -> DetailsView {
        let urls = builder.urls
        let service = builder.service(level.serviceID)
        let terms = level.terms
        // Credit tiers in effect per range (SPEC §3, from the credit rule).
        let tiers = summary.effectiveTiers
        let creditRows = tiers.enumerated().map { k, tier in
            DetailsView.CreditRow(
                range: k + 1 < tiers.count
                    ? "Below \(PageFormat.percent(tier.below)), at least \(PageFormat.percent(tiers[k + 1].below))"
                    : "Below \(PageFormat.percent(tier.below))",
                credit: PageFormat.percent(tier.credit))
        }
        let maxTier = terms.credits.map(\.credit).max() ?? 0
        let hours = terms.support.map { PageFormat.hours($0.hours).map(PageFormat.capitalized) ?? "—" } ?? ""
        let supportRows = (terms.support?.response ?? []).map {
            DetailsView.SupportRow(
                severity: PageFormat.capitalized($0.severity), response: PageFormat.capitalized($0.time.phrase), hours: hours)
        }
        let history = level.months.map { m in
            let met: String
            let state: String
            guard let uptime = m.uptime, let downtime = m.downtimeMinutes else {
                // SPEC §3: before status_since there is no data; the month is not judged.
                return DetailsView.HistoryRow(
                    month: PageFormat.month(m.month), machine: m.month.description, uptime: "No data", downtime: "—",
                    objective: m.objective.map(PageFormat.percent) ?? "None", met: "Not judged", state: "nodata", credit: "—", claimBy: nil, claimByMachine: nil,
                    final: "No data", measured: false)
            }
            switch (m.met, m.final) {
            case (nil, _): (met, state) = ("No objective", "none")
            case (true?, true): (met, state) = ("Met", "met")
            case (false?, true): (met, state) = (m.terminationRight ? "Missed (termination right)" : "Missed", "missed")
            case (true?, false): (met, state) = ("On track so far", "current")
            case (false?, false): (met, state) = ("Below objective so far", "current-missed")
            }
            return DetailsView.HistoryRow(
                month: PageFormat.month(m.month), machine: m.month.description, uptime: PageFormat.uptime(uptime),
                downtime: PageFormat.minutes(downtime), objective: m.objective.map(PageFormat.percent) ?? "None",
                met: met, state: state,
                credit: m.final ? (m.credit > 0 ? PageFormat.percent(m.credit) : "None") : "—",
                claimBy: m.claimBy.map(PageFormat.day), claimByMachine: m.claimBy?.description,
                final: m.final ? "Final" : "In progress", measured: m.measured)
        }
        let chart = UptimeChart(
            months: level.months, objective: terms.uptime,
            title: "Monthly uptime of \(serviceTitle), \(plan.title) plan", idPrefix: "chart")
        // The most recent incidents, newest first; the rest are one click away on each month's
        // figures in sla.json and in the feeds, so pages stay small on long histories.
        let lines = incidents.map(builder.incidentLine)
        let claim =
            PageFormat.claimWindow(terms).map { window in
                "Credits are given on claim: submit a claim \(window) in which the objective was missed."
            } ?? "Credits are given on claim: submit a claim as set out in the general terms."
        return DetailsView(
            serviceTitle: serviceTitle, planTitle: plan.title, planHref: urls.link(urls.plan(plan.id)),
            summary: service?.summary ?? "", measurement: service?.measurement ?? "",
            hasMeasurement: !(service?.measurement ?? "").isEmpty, bullets: summary.bullets,
            serviceBody: builder.serviceBodies[level.serviceID] ?? "", planBody: builder.planBodies[plan.id] ?? "",
            creditRows: creditRows, hasCredits: !creditRows.isEmpty, hasCreditCap: maxTier > terms.creditCap,
            creditCap: maxTier > terms.creditCap
                ? "Credits are capped at \(PageFormat.percent(terms.creditCap)) of the monthly fee in any month." : "",
            hasSupport: terms.support != nil, supportRows: supportRows, hasSupportRows: !supportRows.isEmpty,
            supportHours: terms.support == nil ? "" : "Support hours: " + hours + ".",
            history: history, hasHistory: !history.isEmpty, hasMeasured: level.months.contains { $0.measured },
            chart: chart.isEmpty ? "" : chart.svg(),
            days: DayBars.html(level.days, label: "\(serviceTitle), \(plan.title) plan"),
            objectiveText: terms.uptime.map { "Objective: \(PageFormat.percent($0)) monthly uptime." }
                ?? "This plan makes no uptime commitment for this service; figures are for information only.",
            exclusions: (service?.exclusions ?? []) + [
                terms.excludeMaintenance
                    ? "Scheduled maintenance is not counted as downtime."
                    : "Scheduled maintenance counts as downtime for this service in this plan."
            ],
            claim: claim, termsHref: urls.link(urls.terms),
            termination: terms.terminationConsecutiveMisses.map { n in
                "If the objective is missed in \(n) consecutive month\(n == 1 ? "" : "s"), you may terminate the service without penalty."
            },
            incidents: lines, hasIncidents: !lines.isEmpty, hasMoreIncidents: incidentCount > Self.incidentLimit,
            moreIncidents: incidentCount > Self.incidentLimit
                ? "\(incidentCount - Self.incidentLimit) earlier incidents are not listed here; every incident has its own page and is in the feeds."
                : "")
    }
}
