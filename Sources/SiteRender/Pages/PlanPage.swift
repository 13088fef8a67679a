import SLACore

/// `/plans/<plan>/`: a section per covered service with its bullets, effective date and revisions.
struct PlanPage {
    let builder: PageBuilder
    let plan: Plan
    let levels: [ServiceLevel]

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
            revisions: plan.revisions.map { .init(date: PageFormat.date($0.date), machine: $0.date.dateString, note: $0.note) },
            hasRevisions: !plan.revisions.isEmpty, body: builder.planBodies[plan.id] ?? "")
        return builder.page(
            "plan", path: urls.plan(plan.id), title: plan.title,
            description: plan.summary.isEmpty ? "Service levels of the \(plan.title) plan." : plan.summary,
            section: .none, crumbs: [.init(label: "Overview", path: urls.home)], view: view)
    }
}
