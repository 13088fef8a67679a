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
        let view = PlanView(
            planTitle: plan.title, summary: plan.summary, price: plan.price ?? "", hasPrice: plan.price != nil,
            effective: plan.effective.map(PageFormat.date) ?? "", effectiveMachine: plan.effective?.dateString ?? "",
            hasEffective: plan.effective != nil,
            services: levels.map { level in
                var item = builder.serviceSummary(level)
                item.detailsLabel = "View full details of \(builder.serviceTitle(level.serviceID)) in the \(plan.title) plan"
                return item
            },
            hasServices: !levels.isEmpty,
            revisions: zip(plan.revisions, VersionChanges.revisions(plan, versions: versions, current: current, title: builder.serviceTitle))
                .map { revision, revised in
                    PlanView.RevisionRow(
                        date: PageFormat.date(revision.date), machine: revision.date.dateString, note: revision.note,
                        changes: revised?.lines ?? [], hasChanges: revised.map { !$0.lines.isEmpty } ?? false,
                        effective: revised.map { VersionChanges.effectiveText($0.effective) } ?? "",
                        effectiveMachine: revised?.effective.description ?? "",
                        upcoming: revised?.standing == .upcoming, changesTerms: revised != nil)
                },
            hasRevisions: !plan.revisions.isEmpty, body: builder.planBodies[plan.id] ?? "")
        return builder.page(
            "plan", path: urls.plan(plan.id), title: plan.title,
            description: plan.summary.isEmpty ? "Service levels of the \(plan.title) plan." : plan.summary,
            section: .none, crumbs: [.init(label: "Overview", path: urls.home)], view: view)
    }
}
