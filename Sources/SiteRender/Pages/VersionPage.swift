import SLACore

/// `/plans/<plan>/versions/<effective>/` (docs/spec.md §4): the plan's terms as in force from one
/// version, every service's in full, where the version stands, and links to its neighbours.
struct VersionPage {
    let builder: PageBuilder
    let plan: Plan
    let versions: [VersionTerms]
    let index: Int
    let current: Int

    func render() -> [UInt8] {
        let urls = builder.urls
        let s = builder.strings
        let version = versions[index]
        let day = s.day(version.effective)
        let title = s(.versionTitle, ["plan": plan.title, "date": day])
        return builder.page(
            "version", path: urls.version(plan: plan.id, effective: version.effective), title: title,
            description: s(.versionDescription, ["plan": plan.title, "date": day]),
            section: .none,
            crumbs: [.init(label: s[.navOverview], path: urls.home), .init(label: plan.title, path: urls.plan(plan.id))],
            view: view())
    }

    func view() -> VersionView {
        let urls = builder.urls
        let s = builder.strings
        let version = versions[index]
        func link(_ k: Int) -> VersionView.Link {
            let label = s.day(versions[k].effective)
            return .init(
                label: label, href: urls.link(urls.version(plan: plan.id, effective: versions[k].effective)),
                from: s(.versionFrom, ["date": label]))
        }
        let standing: String
        switch VersionTerms.Standing(version: index, current: current) {
        case .current: standing = s[.versionCurrent]
        case .superseded: standing = s(.versionSuperseded, ["date": s.day(versions[index + 1].effective)])
        case .upcoming: standing = s(.versionUpcoming, ["date": VersionChanges.effectiveText(version.effective, s)])
        }
        let changes = index > 0
            ? VersionChanges.lines(from: versions[index - 1], to: version, title: builder.serviceTitle, strings: s) : []
        return VersionView(
            planTitle: plan.title, planHref: urls.link(urls.plan(plan.id)), standing: standing,
            isCurrent: index == current, effective: s.day(version.effective),
            effectiveMachine: version.effective.description,
            published: version.revision.map { s.date($0.date) } ?? "",
            publishedMachine: version.revision?.date.dateString ?? "", hasPublished: version.revision != nil,
            note: version.revision?.note ?? "", hasNote: version.revision != nil,
            changes: changes, hasChanges: !changes.isEmpty,
            services: version.services.map { service in
                let title = builder.serviceTitle(service.serviceID)
                // docs/spec.md §3 Composite services: a composite's own Downtime rule is not used
                // (its parts' are), so it is not shown as one.
                var terms = service.terms
                if builder.service(service.serviceID)?.isComposite == true { terms.downtime = .incidents }
                return VersionView.ServiceTerms(
                    id: service.serviceID, title: title, caption: s(.versionTermsCaption, ["service": title]),
                    rows: Self.rows(terms, s))
            },
            previous: index > 0 ? link(index - 1) : nil, next: index + 1 < versions.count ? link(index + 1) : nil,
            planLink: s(.versionPlanLink, ["plan": plan.title]))
    }

    /// Every term of one service, in words, as the details page words them (`TermCatalog`).
    static func rows(_ t: ResolvedTerms, _ s: PageText) -> [VersionView.Row] {
        // Worded for the version's period ("up to 2.2 hours a quarter").
        let s = s.forPeriod(t.period)
        return TermCatalog.byRow.flatMap { $0.rows(t, s) }
    }
}
