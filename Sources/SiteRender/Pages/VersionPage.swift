import SLACore

/// `/plans/<plan>/versions/<effective>/` (SPEC §4): the plan's terms as in force from one
/// version, every service's in full, where the version stands, and links to its neighbours.
struct VersionPage {
    let builder: PageBuilder
    let plan: Plan
    let versions: [VersionTerms]
    let index: Int
    let current: Int

    func render() -> [UInt8] {
        let urls = builder.urls
        let version = versions[index]
        let title = "\(plan.title) plan terms from \(PageFormat.day(version.effective))"
        return builder.page(
            "version", path: urls.version(plan: plan.id, effective: version.effective), title: title,
            description: "The \(plan.title) plan's service levels as in force from \(PageFormat.day(version.effective)).",
            section: .none,
            crumbs: [.init(label: "Overview", path: urls.home), .init(label: plan.title, path: urls.plan(plan.id))],
            view: view())
    }

    func view() -> VersionView {
        let urls = builder.urls
        let version = versions[index]
        func link(_ k: Int) -> VersionView.Link {
            .init(label: PageFormat.day(versions[k].effective), href: urls.link(urls.version(plan: plan.id, effective: versions[k].effective)))
        }
        let standing: String
        switch VersionTerms.Standing(version: index, current: current) {
        case .current: standing = "These terms are in force now."
        case .superseded:
            standing = "Superseded on \(PageFormat.day(versions[index + 1].effective)) by the terms in force from that day."
        case .upcoming: standing = "Upcoming: these terms take effect on \(VersionChanges.effectiveText(version.effective))."
        }
        let changes = index > 0
            ? VersionChanges.lines(from: versions[index - 1], to: version, title: builder.serviceTitle) : []
        return VersionView(
            planTitle: plan.title, planHref: urls.link(urls.plan(plan.id)), standing: standing,
            isCurrent: index == current, effective: PageFormat.day(version.effective),
            effectiveMachine: version.effective.description,
            published: version.revision.map { PageFormat.date($0.date) } ?? "",
            publishedMachine: version.revision?.date.dateString ?? "", hasPublished: version.revision != nil,
            note: version.revision?.note ?? "", hasNote: version.revision != nil,
            changes: changes, hasChanges: !changes.isEmpty,
            services: version.services.map { service in
                VersionView.ServiceTerms(
                    id: service.serviceID, title: builder.serviceTitle(service.serviceID), rows: Self.rows(service.terms))
            },
            previous: index > 0 ? link(index - 1) : nil, next: index + 1 < versions.count ? link(index + 1) : nil)
    }

    /// Every term of one service, in words, as the details page words them.
    static func rows(_ t: ResolvedTerms) -> [VersionView.Row] {
        var rows: [VersionView.Row] = [
            .init(term: "Objective", value: t.uptime.map { PageFormat.percent($0) + " monthly uptime" } ?? "No uptime commitment")
        ]
        if let budget = t.budgetMinutesPerMonth {
            rows.append(.init(term: "Downtime allowed", value: "up to " + PageFormat.minutesInWords(budget) + " a month"))
        }
        let schedule = SLAArithmetic.creditSchedule(t)
        rows.append(
            .init(
                term: "Service credits",
                value: schedule.isEmpty
                    ? "None" : schedule.map { "\(PageFormat.percent($0.credit)) below \(PageFormat.percent($0.below))" }.joined(separator: ", ")))
        rows.append(.init(term: "Credit cap", value: PageFormat.percent(t.creditCap) + " of the monthly fee"))
        rows.append(.init(term: "Claim window", value: PageFormat.claimWindow(t).map { "Claim " + $0 } ?? "As set out in the general terms"))
        rows.append(
            .init(
                term: "Scheduled maintenance",
                value: t.excludeMaintenance ? "Not counted as downtime" : "Counted as downtime"))
        if let rule = PageFormat.downtimeRule(t) {
            // Only where Downtime comes from request samples (issue 15).
            rows.append(.init(term: "How Downtime is measured", value: rule))
        }
        rows.append(
            .init(
                term: "Termination right",
                value: t.terminationConsecutiveMisses.map { "After \($0) missed month\($0 == 1 ? "" : "s") in a row" } ?? "None"))
        if let support = t.support {
            var value = PageFormat.hours(support.hours).map { PageFormat.capitalized($0) } ?? "Hours not stated"
            if !support.response.isEmpty {
                value += "; " + support.response.map { "\($0.severity) \($0.time.phrase)" }.joined(separator: ", ")
            }
            rows.append(.init(term: "Support", value: value))
        }
        return rows
    }
}
