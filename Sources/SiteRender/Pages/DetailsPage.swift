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
    /// A composite's parts that the plan publishes: their details pages are linked.
    var linkedParts: [String] = []

    func render() -> [UInt8] {
        let urls = builder.urls
        // docs/spec.md §3 Periods: worded for the period of the terms in force ("quarterly uptime").
        let s = builder.strings.forPeriod(level.terms.period)
        let serviceTitle = builder.service(level.serviceID)?.title ?? level.serviceID
        let summary = ServiceSummary(level: level, strings: s)
        // Made once: the description and the page's list both show them.
        let bullets = summary.bullets
        let title = s(.detailsTitle, ["service": serviceTitle, "plan": plan.title])
        return builder.page(
            "details", path: urls.details(plan: plan.id, service: level.serviceID), title: title,
            description: s(
                .detailsDescription, ["service": serviceTitle, "plan": plan.title, "bullets": bullets.joined(separator: s[.listSemicolon])]),
            section: .none,
            crumbs: [.init(label: s[.navOverview], path: urls.home), .init(label: plan.title, path: urls.plan(plan.id))],
            period: level.terms.period, view: view(serviceTitle: serviceTitle, summary: summary, bullets: bullets))
    }

    /// Everything the details template shows.
    func view(serviceTitle: String, summary: ServiceSummary, bullets: [String]) -> DetailsView {
        let urls = builder.urls
        let s = builder.strings.forPeriod(level.terms.period)
        let service = builder.service(level.serviceID)
        let terms = level.terms
        // Credit tiers in effect per range (docs/spec.md §3, from the credit rule).
        let tiers = summary.effectiveTiers
        let creditRows = tiers.enumerated().map { k, tier in
            DetailsView.CreditRow(
                range: k + 1 < tiers.count
                    ? s(.creditRange, ["below": s.percent(tier.below), "least": s.percent(tiers[k + 1].below)])
                    : s(.creditRangeLast, ["below": s.percent(tier.below)]),
                credit: s.percent(tier.credit))
        }
        let maxTier = terms.credits.map(\.credit).max() ?? 0
        let hours = terms.support.map { PageFormat.hours($0.hours, s).map(PageFormat.capitalized) ?? "—" } ?? ""
        let supportRows = (terms.support?.response ?? []).map {
            DetailsView.SupportRow(
                severity: PageFormat.capitalized($0.severity), response: PageFormat.capitalized($0.time.phrase(s.strings)), hours: hours)
        }
        // docs/spec.md §4 source, shown where a level's months are measured by samples.
        let hasSources = level.months.contains { $0.source == .samples || $0.source == .samplesAndIncidents || $0.source == .parts }
        // The judged periods (docs/spec.md §3 Periods): a quarterly service's quarters, not its months.
        let history = level.periods.map { m in
            let source = hasSources ? PageFormat.source(m, s) : nil
            let met: String
            let state: String
            guard let uptime = m.uptime, let downtime = m.downtimeMinutes else {
                // docs/spec.md §3: before status_since there is no data; the month is not judged.
                return DetailsView.HistoryRow(
                    month: PageFormat.period(m.period, s), machine: Self.machine(m.period), uptime: s[.historyNoData], downtime: "—",
                    objective: m.objective.map(s.percent) ?? s[.termNone], met: s[.historyNotJudged], state: "nodata",
                    credit: "—", claimBy: nil, claimByMachine: nil, final: s[.historyNoData], measured: false, source: source)
            }
            switch (m.met, m.final) {
            case (nil, _): (met, state) = (s[.resultNoObjective], "none")
            case (true?, true): (met, state) = (s[.resultMet], "met")
            case (false?, true): (met, state) = (s[m.terminationRight ? .resultMissedTermination : .resultMissed], "missed")
            case (true?, false): (met, state) = (s[.resultOnTrack], "current")
            case (false?, false): (met, state) = (s[.resultBelowSoFar], "current-missed")
            }
            return DetailsView.HistoryRow(
                month: PageFormat.period(m.period, s), machine: Self.machine(m.period), uptime: s.uptime(uptime),
                downtime: s.minutes(downtime), objective: m.objective.map(s.percent) ?? s[.termNone],
                met: met, state: state,
                credit: m.final ? (m.credit > 0 ? s.percent(m.credit) : s[.termNone]) : "—",
                claimBy: m.claimBy.map {
                    PageFormat.html(
                        s, .historyClaimBy,
                        ["date": "<time datetime=\"\($0.description)\">" + FastHTMLContentType.escape(s.day($0)) + "</time>"])
                }, claimByMachine: m.claimBy?.description,
                final: s[m.final ? .historyFinal : .historyInProgress], measured: m.measured, source: source)
        }
        let chart = UptimeChart(
            months: level.periods, objective: terms.uptime,
            title: s(.chartTitle, ["service": serviceTitle, "plan": plan.title]), idPrefix: "chart",
            strings: s)
        // The months inside the quarters or years, as information (no verdict, credit or deadline).
        let monthsInside = level.hasLongPeriods
            ? level.months.filter { !$0.judged }.map { m in
                DetailsView.MonthRow(
                    month: s.month(m.month), machine: m.month.description,
                    period: m.judgedIn.map { PageFormat.period($0, s) } ?? "",
                    uptime: m.uptime.map(s.uptime) ?? s[.historyNoData],
                    downtime: m.downtimeMinutes.map(s.minutes) ?? "—",
                    final: s[m.hasData ? (m.final ? .historyFinal : .historyInProgress) : .historyNoData])
            } : []
        // The most recent incidents, newest first; the rest are one click away on each month's
        // figures in sla.json and in the feeds, so pages stay small on long histories.
        let lines = incidents.map(builder.incidentLine)
        let claim = PageFormat.claimWindow(terms, s).map { s(.detailsClaim, ["window": $0]) } ?? s[.detailsClaimTerms]
        // docs/spec.md §3 Composite services: the rule is its parts'; each part's own rule is on its page.
        let rule = level.combine == nil ? PageFormat.downtimeRule(terms, s) : nil
        let partsHTML = partsText(serviceTitle: serviceTitle)
        let serviceBody = builder.serviceBodies[level.serviceID] ?? "", planBody = builder.planBodies[plan.id] ?? ""
        return DetailsView(
            serviceTitle: serviceTitle, planTitle: plan.title, planHref: urls.link(urls.plan(plan.id)),
            summary: service?.summary ?? "", measurement: service?.measurement ?? "",
            hasMeasurement: !(service?.measurement ?? "").isEmpty,
            downtimeRule: rule ?? "", hasDowntimeRule: rule != nil,
            hasMeasurementSection: !(service?.measurement ?? "").isEmpty || rule != nil || partsHTML != nil,
            partsHtml: partsHTML ?? "", hasParts: partsHTML != nil,
            bullets: bullets,
            serviceBody: serviceBody, planBody: planBody,
            hasServiceBody: BodyHTML.hasText(serviceBody), hasPlanBody: BodyHTML.hasText(planBody),
            creditRows: creditRows, hasCredits: !creditRows.isEmpty, hasCreditCap: maxTier > terms.creditCap,
            creditCap: maxTier > terms.creditCap
                ? s(.detailsCreditCap, ["cap": s.percent(terms.creditCap)]) : "",
            hasSupport: terms.support != nil, supportRows: supportRows, hasSupportRows: !supportRows.isEmpty,
            supportHours: terms.support == nil ? "" : s(.detailsSupportHours, ["hours": hours]),
            history: history, hasHistory: !history.isEmpty,
            monthsInside: monthsInside, hasMonthsInside: !monthsInside.isEmpty,
            monthsInsideNote: level.terms.period == .year ? s[.detailsMonthsNoteYear] : s[.detailsMonthsNoteQuarter],
            hasMeasured: level.periods.contains { $0.measured },
            hasSources: hasSources,
            chart: chart.isEmpty ? "" : chart.svg(), chartHasClipped: !chart.clipped.isEmpty,
            days: DayBars.html(level.days, label: s(.daysLevelLabel, ["service": serviceTitle, "plan": plan.title]), s),
            objectiveText: terms.uptime.map { s(.detailsObjective, ["objective": s.percent($0)]) } ?? s[.detailsNoObjective],
            exclusions: (service?.exclusions ?? []) + [s[terms.excludeMaintenance ? .detailsMaintenanceExcluded : .detailsMaintenanceCounted]],
            claim: claim, termsHref: urls.link(urls.terms),
            partOfHtml: PageFormat.html(
                s, .detailsPartOf,
                ["plan_link": "<a href=\"\(FastHTMLContentType.escape(urls.link(urls.plan(plan.id))))\">"
                    + PageFormat.html(s, .detailsPartOfLink, ["plan": FastHTMLContentType.escape(plan.title)]) + "</a>"]),
            claimTermsHtml: PageFormat.html(
                s, .detailsClaimSee,
                ["terms_link": "<a href=\"\(FastHTMLContentType.escape(urls.link(urls.terms)))\">"
                    + FastHTMLContentType.escape(s[.detailsClaimSeeLink]) + "</a>"]),
            aboutHeading: s(.detailsAbout, ["service": serviceTitle]),
            planTermsHeading: s(.detailsPlanTerms, ["plan": plan.title]),
            termination: terms.terminationConsecutiveMisses.map {
                s.plural($0, one: .detailsTerminationOne, other: .detailsTerminationOther)
            },
            incidents: lines, hasIncidents: !lines.isEmpty, hasMoreIncidents: incidentCount > Self.incidentLimit,
            moreIncidents: incidentCount > Self.incidentLimit
                ? s.plural(incidentCount - Self.incidentLimit, one: .detailsMoreIncidentsOne, other: .detailsMoreIncidentsOther)
                : "")
    }

    /// docs/spec.md §3 Composite services in words, with a link to each part the plan publishes: "GitHub
    /// is made of Git, API, …: a minute counts as Downtime when it does for any of them…"; nil
    /// for a service measured on its own.
    func partsText(serviceTitle: String) -> String? {
        guard let combine = level.combine, !level.parts.isEmpty else { return nil }
        let urls = builder.urls
        let s = builder.strings.forPeriod(level.terms.period)
        let parts = level.parts.map { id -> String in
            let title = FastHTMLContentType.escape(builder.service(id)?.title ?? id)
            guard linkedParts.contains(id) else { return title }
            return "<a href=\"\(FastHTMLContentType.escape(urls.link(urls.details(plan: plan.id, service: id))))\">\(title)</a>"
        }
        return PageFormat.html(
            s, combine == .any ? .detailsPartsAny : .detailsPartsWorst,
            ["name": FastHTMLContentType.escape(serviceTitle), "parts": parts.joined(separator: FastHTMLContentType.escape(s[.listComma]))])
    }

    /// A period for `<time datetime>`: a month as "2026-10", a calendar year as "2026", a
    /// quarter or fiscal year by its first month (HTML has no quarter).
    static func machine(_ p: Period) -> String {
        p.kind == .year && p.startMonth == 1 ? String(p.first.year) : p.first.description
    }
}
