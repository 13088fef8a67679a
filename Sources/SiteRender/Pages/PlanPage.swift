import SLACore

/// `/plans/<plan>/`: a section per covered service with its bullets, effective date and revisions.
struct PlanPage {
    let builder: PageBuilder
    let plan: Plan
    let levels: [ServiceLevel]
    /// Every version of the plan's terms, and the one in force now.
    let versions: [VersionTerms]
    let current: Int

    func render() -> [UInt8] {
        let urls = builder.urls
        let s = builder.strings
        return builder.page(
            "plan", path: urls.plan(plan.id), title: plan.title,
            description: plan.summary.isEmpty ? s(.planDescription, ["plan": plan.title]) : plan.summary,
            section: .none, crumbs: [.init(label: s[.navOverview], path: urls.home)], view: view())
    }

    func view() -> PlanView {
        let urls = builder.urls
        let s = builder.strings
        let services = levels.filter(\.coveredNow).map { level -> ServiceItemView in
            var item = builder.serviceSummary(level)
            item.detailsLabel = s(.planDetailsLabel, ["service": builder.serviceTitle(level.serviceID), "plan": plan.title])
            return item
        }
        let revised = VersionChanges.revisions(plan, versions: versions, current: current, title: builder.serviceTitle, strings: s)
        let rows = zip(plan.revisions, revised).map { revision, revised in revisionRow(revision, revised) }
        var first: PlanView.VersionLink?
        if versions.count > 1 {
            let label = s.day(versions[0].effective)
            let href = urls.link(urls.version(plan: plan.id, effective: versions[0].effective))
            let link = "<a href=\"\(FastHTMLContentType.escape(href))\">"
                + PageFormat.html(s, .planFirstVersionLink, ["date": FastHTMLContentType.escape(label)]) + "</a>"
            first = .init(label: label, href: href, html: PageFormat.html(s, .planFirstVersion, ["link": link]))
        }
        let body = builder.planBodies[plan.id] ?? ""
        return PlanView(
            planTitle: plan.title, summary: plan.summary, price: plan.price ?? "", hasPrice: plan.price != nil,
            effective: plan.effective.map { s.date($0) } ?? "", effectiveMachine: plan.effective?.dateString ?? "",
            hasEffective: plan.effective != nil, services: services, hasServices: !services.isEmpty,
            revisions: rows, hasRevisions: !plan.revisions.isEmpty, firstVersion: first,
            body: body, hasBody: BodyHTML.hasText(body))
    }

    /// One revision as the plan page lists it: its note, and for a change of terms what changed
    /// (computed), when, and a link to the terms it started.
    func revisionRow(_ revision: Revision, _ revised: VersionChanges.Revised?) -> PlanView.RevisionRow {
        let urls = builder.urls
        let s = builder.strings
        let effective = revised.map { VersionChanges.effectiveText($0.effective, s) } ?? ""
        return PlanView.RevisionRow(
            date: s.date(revision.date), machine: revision.date.dateString, note: revision.note,
            changes: revised?.lines ?? [], hasChanges: revised.map { !$0.lines.isEmpty } ?? false,
            effective: effective,
            effectiveMachine: revised?.effective.description ?? "",
            upcoming: revised?.standing == .upcoming, changesTerms: revised != nil,
            versionHref: revised.map { urls.link(urls.version(plan: plan.id, effective: $0.effective)) } ?? "",
            versionLinkHtml: revised.map {
                PageFormat.html(
                    s, .planVersionLink,
                    ["date": "<time datetime=\"\($0.effective.description)\">" + FastHTMLContentType.escape(effective) + "</time>"])
            } ?? "")
    }
}
