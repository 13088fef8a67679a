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
        return builder.page(
            "plan", path: urls.plan(plan.id), title: plan.title,
            description: plan.summary.isEmpty ? "Service levels of the \(plan.title) plan." : plan.summary,
            section: .none, crumbs: [.init(label: "Overview", path: urls.home)], view: view())
    }

    func view() -> PlanView {
        let urls = builder.urls
        let services = levels.filter(\.coveredNow).map { level -> ServiceItemView in
            var item = builder.serviceSummary(level)
            item.detailsLabel = "View full details of \(builder.serviceTitle(level.serviceID)) in the \(plan.title) plan"
            return item
        }
        let revised = VersionChanges.revisions(plan, versions: versions, current: current, title: builder.serviceTitle)
        let rows = zip(plan.revisions, revised).map { revision, revised in revisionRow(revision, revised) }
        var first: PlanView.VersionLink?
        if versions.count > 1 {
            first = .init(
                label: PageFormat.day(versions[0].effective), href: urls.link(urls.version(plan: plan.id, effective: versions[0].effective)))
        }
        return PlanView(
            planTitle: plan.title, summary: plan.summary, price: plan.price ?? "", hasPrice: plan.price != nil,
            effective: plan.effective.map(PageFormat.date) ?? "", effectiveMachine: plan.effective?.dateString ?? "",
            hasEffective: plan.effective != nil, services: services, hasServices: !services.isEmpty,
            revisions: rows, hasRevisions: !plan.revisions.isEmpty, firstVersion: first,
            body: builder.planBodies[plan.id] ?? "")
    }

    /// One revision as the plan page lists it: its note, and for a change of terms what changed
    /// (computed), when, and a link to the terms it started.
    func revisionRow(_ revision: Revision, _ revised: VersionChanges.Revised?) -> PlanView.RevisionRow {
        let urls = builder.urls
        return PlanView.RevisionRow(
            date: PageFormat.date(revision.date), machine: revision.date.dateString, note: revision.note,
            changes: revised?.lines ?? [], hasChanges: revised.map { !$0.lines.isEmpty } ?? false,
            effective: revised.map { VersionChanges.effectiveText($0.effective) } ?? "",
            effectiveMachine: revised?.effective.description ?? "",
            upcoming: revised?.standing == .upcoming, changesTerms: revised != nil,
            versionHref: revised.map { urls.link(urls.version(plan: plan.id, effective: $0.effective)) } ?? "")
    }
}
