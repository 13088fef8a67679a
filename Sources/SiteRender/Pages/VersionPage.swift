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
        let s = builder.strings
        let version = versions[index]
        let day = PageFormat.day(version.effective, s)
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
            let label = PageFormat.day(versions[k].effective, s)
            return .init(
                label: label, href: urls.link(urls.version(plan: plan.id, effective: versions[k].effective)),
                from: s(.versionFrom, ["date": label]))
        }
        let standing: String
        switch VersionTerms.Standing(version: index, current: current) {
        case .current: standing = s[.versionCurrent]
        case .superseded: standing = s(.versionSuperseded, ["date": PageFormat.day(versions[index + 1].effective, s)])
        case .upcoming: standing = s(.versionUpcoming, ["date": VersionChanges.effectiveText(version.effective, s)])
        }
        let changes = index > 0
            ? VersionChanges.lines(from: versions[index - 1], to: version, title: builder.serviceTitle, strings: s) : []
        return VersionView(
            planTitle: plan.title, planHref: urls.link(urls.plan(plan.id)), standing: standing,
            isCurrent: index == current, effective: PageFormat.day(version.effective, s),
            effectiveMachine: version.effective.description,
            published: version.revision.map { PageFormat.date($0.date, s) } ?? "",
            publishedMachine: version.revision?.date.dateString ?? "", hasPublished: version.revision != nil,
            note: version.revision?.note ?? "", hasNote: version.revision != nil,
            changes: changes, hasChanges: !changes.isEmpty,
            services: version.services.map { service in
                let title = builder.serviceTitle(service.serviceID)
                return VersionView.ServiceTerms(
                    id: service.serviceID, title: title, caption: s(.versionTermsCaption, ["service": title]),
                    rows: Self.rows(service.terms, s))
            },
            previous: index > 0 ? link(index - 1) : nil, next: index + 1 < versions.count ? link(index + 1) : nil,
            planLink: s(.versionPlanLink, ["plan": plan.title]))
    }

    /// Every term of one service, in words, as the details page words them.
    static func rows(_ t: ResolvedTerms, _ s: StringTable) -> [VersionView.Row] {
        var rows: [VersionView.Row] = [
            .init(
                term: s[.termObjective],
                value: t.uptime.map { s(.objectiveMonthlyUptime, ["objective": PageFormat.percent($0)]) } ?? s[.noUptimeCommitment])
        ]
        if let budget = t.budgetMinutesPerMonth {
            rows.append(
                .init(term: s[.termDowntimeAllowed], value: s(.termDowntimeAllowedValue, ["minutes": PageFormat.minutesInWords(budget, s)])))
        }
        let schedule = SLAArithmetic.creditSchedule(t)
        rows.append(
            .init(
                term: s[.termCredits],
                value: schedule.isEmpty
                    ? s[.termNone]
                    : schedule.map {
                        s(.termCreditTier, ["credit": PageFormat.percent($0.credit), "below": PageFormat.percent($0.below)])
                    }.joined(separator: s[.listComma])))
        rows.append(.init(term: s[.termCreditCap], value: s(.termCreditCapValue, ["cap": PageFormat.percent(t.creditCap)])))
        rows.append(
            .init(
                term: s[.termClaimWindow],
                value: PageFormat.claimWindow(t, s).map { s(.termClaimWindowValue, ["window": $0]) } ?? s[.termClaimWindowTerms]))
        rows.append(
            .init(
                term: s[.termMaintenance],
                value: t.excludeMaintenance ? s[.termMaintenanceExcluded] : s[.termMaintenanceCounted]))
        if let rule = PageFormat.downtimeRule(t, s) {
            // Only where Downtime comes from request samples (issue 15).
            rows.append(.init(term: s[.termDowntimeRule], value: rule))
        }
        rows.append(
            .init(
                term: s[.termTermination],
                value: t.terminationConsecutiveMisses.map {
                    s.plural($0, one: .termTerminationValueOne, other: .termTerminationValueOther)
                } ?? s[.termNone]))
        if let support = t.support {
            var value = PageFormat.hours(support.hours, s).map { PageFormat.capitalized($0) } ?? s[.termSupportHoursNotStated]
            if !support.response.isEmpty {
                value += "; " + support.response.map { "\($0.severity) \($0.time.phrase(s))" }.joined(separator: s[.listComma])
            }
            rows.append(.init(term: s[.termSupport], value: value))
        }
        return rows
    }
}
