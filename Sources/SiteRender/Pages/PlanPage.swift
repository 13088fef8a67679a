import SLACore

/// `/plans/<plan>/`: a section per covered service with its bullets, effective date and revisions.
struct PlanPage {
    let builder: PageBuilder
    let plan: Plan
    let levels: [ServiceLevel]

    func render() -> [UInt8] {
        let urls = builder.urls
        let revisions: [[String: Any]] = plan.revisions.map {
            ["date": PageFormat.date($0.date), "machine": $0.date.dateString, "note": $0.note]
        }
        let values: [String: Any] = [
            "plan_title": plan.title,
            "summary": plan.summary,
            "price": plan.price ?? "",
            "has_price": plan.price != nil,
            "effective": plan.effective.map(PageFormat.date) ?? "",
            "effective_machine": plan.effective?.dateString ?? "",
            "has_effective": plan.effective != nil,
            "services": levels.map { level -> [String: Any] in
                var dict = builder.serviceSummary(level)
                dict["details_label"] = "View full details of \(builder.serviceTitle(level.serviceID)) in the \(plan.title) plan"
                return dict
            },
            "has_services": !levels.isEmpty,
            "revisions": revisions,
            "has_revisions": !revisions.isEmpty,
            "body": builder.planBodies[plan.id] ?? "",
        ]
        return builder.page(
            "plan", path: urls.plan(plan.id), title: plan.title,
            description: plan.summary.isEmpty ? "Service levels of the \(plan.title) plan." : plan.summary,
            section: .none, crumbs: [.init(label: "Overview", path: urls.home)], values: values)
    }
}
