import SLACore

/// `/`: a section per plan with summary bullets, the plans × services comparison, and contacts.
struct HomePage {
    let builder: PageBuilder
    /// Per plan and covered service: its terms (the overview shows no month figures).
    let levels: [[ServiceLevel]]
    /// Per plan, the effective day of its next version when one is published ahead.
    let upcoming: [CalendarDay?]

    func render() -> [UInt8] {
        let site = builder.site
        let urls = builder.urls
        let s = builder.strings
        let plans = site.plans.indices.map { p in
            let plan = site.plans[p]
            // The bullets are the terms in force now; a change published ahead is said beside them.
            let next = upcoming.indices.contains(p) ? upcoming[p] : nil
            return HomeView.PlanItem(
                id: plan.id, title: plan.title, summary: plan.summary, price: plan.price ?? "", hasPrice: plan.price != nil,
                bullets: bullets(levels[p]), detailsHref: urls.link(urls.plan(plan.id)),
                detailsLabel: s(.homeDetailsLabel, ["plan": plan.title]),
                upcoming: next.map {
                    .init(
                        label: s(.homeUpcomingLink, ["date": s.day($0)]),
                        href: urls.link(urls.version(plan: plan.id, effective: $0)))
                })
        }
        // Each plan's levels by service id (one lookup per table cell, not a search).
        let levelsByPlan: [[String: ServiceLevel]] = levels.map { levels in
            Dictionary(levels.map { ($0.serviceID, $0) }, uniquingKeysWith: { a, _ in a })
        }
        // Services covered by at least one plan, in site order.
        let covered = site.services.filter { service in levelsByPlan.contains { $0[service.id] != nil } }
        let rows = covered.map { service in
            HomeView.Row(
                title: service.title,
                cells: site.plans.enumerated().map { p, plan in
                    guard let level = levelsByPlan[p][service.id] else {
                        return HomeView.Cell(text: s[.homeNotIncluded], muted: true, linked: false)
                    }
                    // A quarterly or yearly objective says so (the caption says "monthly").
                    let objective = level.terms.uptime.map { uptime in
                        switch level.terms.period {
                        case .month: s.percent(uptime)
                        case .quarter: s(.homeCompareQuarterly, ["objective": s.percent(uptime)])
                        case .year: s(.homeCompareYearly, ["objective": s.percent(uptime)])
                        }
                    }
                    return HomeView.Cell(
                        text: objective ?? s[.noUptimeCommitment],
                        muted: level.terms.uptime == nil, linked: true,
                        href: urls.link(urls.details(plan: plan.id, service: service.id)))
                })
        }
        let contacts = site.config.contacts.map(Self.contact)
        let view = HomeView(
            ledeHtml: PageFormat.html(
                s, .homeLede,
                [
                    "provider": FastHTMLContentType.escape(site.config.provider),
                    "terms_link": "<a href=\"\(FastHTMLContentType.escape(urls.link(urls.terms)))\">"
                        + FastHTMLContentType.escape(s[.homeLedeTermsLink]) + "</a>",
                    "status_link": "<a href=\"\(FastHTMLContentType.escape(urls.link(urls.status)))\">"
                        + FastHTMLContentType.escape(s[.homeLedeStatusLink]) + "</a>",
                ]),
            plans: plans, comparePlans: site.plans.map { .init(title: $0.title, href: urls.link(urls.plan($0.id))) },
            compareRows: rows, hasCompare: !rows.isEmpty,
            contacts: contacts, hasContacts: !contacts.isEmpty)
        return builder.page(
            "home", path: urls.home, title: site.config.title,
            description: s(.homeDescription, ["provider": site.config.provider]),
            section: .overview, view: view)
    }

    /// A plan's bullets: objectives grouped by value, support hours, and the range of credits.
    func bullets(_ levels: [ServiceLevel]) -> [String] {
        let s = builder.strings
        // Grouped by objective and period ("99.9 % quarterly uptime: …" stands apart).
        var groups: [(key: Double?, period: PeriodKind, services: [String])] = []
        for level in levels {
            let title = builder.serviceTitle(level.serviceID)
            if let k = groups.firstIndex(where: { $0.key == level.terms.uptime && $0.period == level.terms.period }) {
                groups[k].services.append(title)
            } else {
                groups.append((level.terms.uptime, level.terms.period, [title]))
            }
        }
        var out = groups.map { group in
            let services = s.list(group.services)
            return group.key.map {
                s(StringID.homeBulletObjective.forPeriod(group.period), ["objective": s.percent($0), "services": services])
            } ?? s[.noUptimeCommitment] + s[.labelSeparator] + services
        }
        var hours: [SupportHours] = []
        for level in levels {
            if let h = level.terms.support?.hours, !hours.contains(h) { hours.append(h) }
        }
        if !hours.isEmpty {
            let words = hours.map { $0 == .business ? s[.homeBulletSupportBusiness] : PageFormat.hours($0, s) ?? "" }
            out.append(s(.homeBulletSupport, ["hours": words.joined(separator: s[.homeBulletSupportOr])]))
        }
        let credits = levels.flatMap { ServiceSummary(level: $0, strings: s).effectiveTiers.map(\.credit) }
        // "of the monthly fee" only when every service says so; one period for all says its fee.
        let periods = Set(levels.filter { !$0.terms.credits.isEmpty }.map(\.terms.period))
        let fee = periods.count == 1 ? periods.first! : .month
        if let low = credits.min(), let high = credits.max() {
            out.append(
                low == high
                    ? s(StringID.homeBulletCredits.forPeriod(fee), ["credit": s.percent(low)])
                    : s(StringID.homeBulletCreditsRange.forPeriod(fee), ["low": s.percent(low), "high": s.percent(high)]))
        } else {
            out.append(s[.homeBulletNoCredits])
        }
        return out
    }

    /// A contact with a link only for an email address or an http(s) URL.
    static func contact(_ c: Contact) -> HomeView.ContactItem {
        HomeView.ContactItem(
            role: c.role, name: c.name, email: c.email, mailto: c.email.map { "mailto:" + $0 },
            url: c.url.flatMap { SafeURL.isWeb($0) ? $0 : nil })
    }
}

/// Guards links built from content: only absolute http and https URLs pass.
enum SafeURL {
    static func isWeb(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://"))
            && !url.contains { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
    }
}
