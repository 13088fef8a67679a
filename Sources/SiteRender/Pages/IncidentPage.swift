import SLACore

/// `/incidents/<slug>/`: one incident report with its times in the site zone.
struct IncidentPage {
    /// Above this many plans, an incident that counts in every plan says so instead of listing them.
    static let planLinkLimit = 8

    let builder: PageBuilder
    let incident: Incident
    /// The report rendered from its Markdown body.
    let html: String
    /// Each update's note rendered, as posted by *now* (oldest first).
    let notes: [String]
    /// Per affected service, then per composite in `through`, the plans whose figures count it
    /// and at what weight.
    let counted: [[PageInput.CountedIn]]
    /// The composites it counts toward through a part (docs/spec.md §3 Composite services).
    var through: [String] = []

    /// Where an incident stands at *now*.
    enum State {
        case scheduled, ongoing, resolved

        init(_ incident: Incident, now: Instant) {
            if incident.start > now {
                self = .scheduled
            } else if incident.isOpen(at: now) {
                self = .ongoing
            } else {
                self = .resolved
            }
        }

        func label(_ s: PageText) -> String {
            switch self {
            case .scheduled: s[.incidentScheduled]
            case .ongoing: s[.incidentOngoing]
            case .resolved: s[.incidentResolved]
            }
        }
    }

    func render() -> [UInt8] {
        let urls = builder.urls
        let s = builder.strings
        let calendar = builder.calendar
        let now = builder.now
        let state = State(incident, now: now)
        let durationText: String
        switch (state, incident.end) {
        case (.ongoing, _): durationText = s(.incidentSoFar, ["duration": PageFormat.duration(seconds: incident.start.seconds(to: now), s)])
        case (_, let end?): durationText = PageFormat.duration(seconds: incident.start.seconds(to: end), builder.strings)
        case (_, nil): durationText = s[.incidentOpenEnded]
        }
        // Plans whose figures this incident counts against, per affected service.
        let plans = builder.site.plans
        // The services it names, then the composites that count it through them.
        let affected: [[String: Any]] = zip(incident.services + through, counted).enumerated().map { k, pair in
            let (serviceID, countedIn) = pair
            let counting = countedIn.map(\.plan)
            // Long plan lists collapse to a sentence; the plan pages link every details page.
            let collapse = counting.count > Self.planLinkLimit && incident.plans == nil
            let serviceTitle = builder.serviceTitle(serviceID)
            return [
                "title": k < incident.services.count ? serviceTitle : s(.incidentThroughParts, ["service": serviceTitle]),
                "no_plan": s[through.isEmpty ? .incidentNoPlan : .incidentNoPlanOwn],
                "plans": collapse
                    ? []
                    : counting.map { p -> [String: Any] in
                        [
                            "title": plans[p].title,
                            "href": urls.link(urls.details(plan: plans[p].id, service: serviceID)),
                            "label": s(.incidentPlanLabel, ["service": serviceTitle, "plan": plans[p].title]),
                        ]
                    },
                "has_plans": !counting.isEmpty,
                "collapse_plans": collapse,
                "all_plans": s(.incidentAllPlans, ["n": String(counting.count)]),
            ]
        }
        // The weight it counts at is its affected services' (a composite counts it through them).
        let weightText = Self.weightText(
            incident, counted: Array(counted.prefix(incident.services.count)), defaultWeights: builder.site.config.impactWeights, s)
        // docs/spec.md §2 *status* at now; the timeline newest first.
        let status = incident.status(at: now)
        let timeline: [[String: Any]] = zip(incident.updates, notes).reversed().map { update, note in
            [
                "status": Self.statusLabel(update.status, s),
                "status_class": update.status.rawValue,
                "at": PageFormat.dateTime(update.at, builder.strings),
                "at_machine": update.at.rfc3339,
                "note": note,
            ]
        }
        let countTables = zip(incident.services + through, counted).compactMap { serviceID, countedIn in
            countTable(serviceID: serviceID, countedIn: countedIn)
        }
        var values: [String: Any] = [
            "state": Self.statusLabel(status, s),
            "state_class": state == .ongoing ? "ongoing" : status.rawValue,
            "timeline": timeline,
            "has_timeline": !timeline.isEmpty,
            "count_tables": countTables,
            "has_count_tables": !countTables.isEmpty,
            "impact": PageFormat.impact(incident.impact, builder.strings),
            "impact_class": incident.impact.rawValue,
            "weight": weightText,
            "start": PageFormat.dateTime(incident.start, builder.strings),
            "start_machine": incident.start.rfc3339,
            "end": incident.end.map { PageFormat.dateTime($0, s) } ?? s[.incidentNoEnd],
            "end_machine": incident.end?.rfc3339 ?? "",
            "has_end": incident.end != nil,
            "duration": durationText,
            "timezone_note": s(.incidentTimezone, ["zone": calendar.name]),
            "affected": affected,
            "body": BodyHTML.prepare(html, top: 3),
            "has_body": BodyHTML.hasText(html),
        ]
        if let language = incident.titleLanguage { values["title_lang"] = language }
        return builder.page(
            "incident", path: urls.incident(incident.id), title: incident.title,
            description: s(
                .incidentDescription,
                ["impact": PageFormat.impact(incident.impact, s), "start": PageFormat.dateTime(incident.start, s), "title": incident.title]),
            section: .status,
            crumbs: [.init(label: s[.navOverview], path: urls.home), .init(label: s[.navStatus], path: urls.status)],
            values: values)
    }

    /// The Impact line's sentence about counting, from the same months as "What it counted"
    /// (issue 26, point 1): the weight it counts at (its own, or each counting plan's terms,
    /// docs/spec.md §3) where a plan counts incidents that month, and what replaced incidents where none does.
    static func weightText(
        _ incident: Incident, counted: [[PageInput.CountedIn]], defaultWeights: ImpactWeights, _ s: PageText
    ) -> String {
        if incident.impact == .maintenance { return s[.incidentWeightMaintenance] }
        let all = counted.joined()
        let sources = Set(all.flatMap { $0.months.map(\.figure.source) })
        // Plans with at least one month measured by incidents (all of them before any month is figured).
        let byIncidents = sources.isEmpty
            ? Array(all) : all.filter { $0.months.contains { Self.countsIncidents.contains($0.figure.source) } }
        if !sources.isEmpty && byIncidents.isEmpty {
            if sources == [.samples] { return s[.incidentWeightSamples] }
            if sources == [.measurements] { return s[.incidentWeightMeasured] }
            return s[.incidentWeightNoIncidentCount]
        }
        let weights = Set(byIncidents.map(\.weight))
        let weight = incident.weight ?? weights.first ?? defaultWeights[incident.impact]
        let text: String
        if incident.weight == nil && weights.count > 1 {
            text = s(.incidentWeightPerPlan, ["weights": weights.sorted(by: >).map { s.percent($0 * 100) }.joined(separator: s[.listComma])])
        } else if weight == 0 {
            text = s[.incidentWeightZero]
        } else if weight >= 1 {
            text = s[.incidentWeightFull]
        } else {
            text = s(.incidentWeight, ["weight": s.percent(weight * 100)])
        }
        // Some plan-months count it, others measure another way.
        return sources.subtracting(Self.countsIncidents).isEmpty || weight == 0 ? text : s(.incidentWeightElsewhere, ["counted": text])
    }

    /// The sources under which an incident can count (docs/spec.md §3): alone, with samples, or through a
    /// composite's parts.
    static let countsIncidents: Set<FigureSource> = [.incidents, .samplesAndIncidents, .parts]

    /// docs/spec.md §2 *status* in words.
    static func statusLabel(_ status: IncidentStatus, _ s: PageText) -> String {
        switch status {
        case .investigating: s[.updateInvestigating]
        case .identified: s[.updateIdentified]
        case .monitoring: s[.updateMonitoring]
        case .resolved: s[.updateResolved]
        case .scheduled: s[.updateScheduled]
        case .inProgress: s[.updateInProgress]
        case .completed: s[.updateCompleted]
        }
    }

    /// Issue 16, point 4: what the incident counted against one service, a row per plan ×
    /// month (or, past `planLinkLimit` plans, per month across them), read off the figures.
    func countTable(serviceID: String, countedIn: [PageInput.CountedIn]) -> [String: Any]? {
        let plans = builder.site.plans
        let s = builder.strings
        let rows: [[String: Any]]
        if countedIn.count > Self.planLinkLimit && incident.plans == nil {
            // Month by month across the plans.
            var byMonth: [YearMonth: [(PageInput.CountedIn, PageInput.CountedMonth)]] = [:]
            for c in countedIn { for m in c.months { byMonth[m.figure.month, default: []].append((c, m)) } }
            rows = byMonth.keys.sorted().map { month in
                let entries = byMonth[month]!
                let minutes = entries.map { Published.minutes($0.1.count.minutes) }
                let lo = minutes.min()!, hi = minutes.max()!
                let missed = entries.filter { $0.1.figure.met == false }.count
                let owed = entries.filter { $0.1.figure.final && $0.1.figure.credit > 0 }
                let reasons = entries.map { reason($0.1) }
                var seen: Set<String> = []
                let why = reasons.filter { seen.insert($0).inserted }.joined(separator: s[.listSemicolon])
                let final = entries.allSatisfy { $0.1.figure.final }
                return [
                    "plan": s(.countedAllPlans, ["n": String(entries.count)]), "plan_href": "", "has_plan_href": false,
                    "month": builder.strings.month(month), "month_machine": month.description,
                    "counted": lo == hi ? s.minutes(lo) : s(.countedRange, ["low": s.minutes(lo), "high": s.minutes(hi)]),
                    "why": why,
                    "result": missed == 0
                        ? s[final ? .countedMetEvery : .countedOnTrackEvery]
                        : s(final ? .countedMissedIn : .countedBelowIn, ["missed": String(missed), "plans": String(entries.count)]),
                    "result_class": missed == 0 ? "met" : "missed",
                    "credit": !final ? s[.countedInProgress]
                        : owed.isEmpty ? s[.termNone]
                        : s(.countedCreditsIn, ["n": String(owed.count), "credit": s.percent(owed.map(\.1.figure.credit).max()!)]),
                ]
            }
        } else {
            rows = countedIn.flatMap { c in
                c.months.map { m -> [String: Any] in
                    let f = m.figure
                    return [
                        "plan": plans[c.plan].title, "has_plan_href": true,
                        "plan_href": builder.urls.link(builder.urls.details(plan: plans[c.plan].id, service: serviceID)),
                        "month": builder.strings.month(f.month), "month_machine": f.month.description,
                        "counted": s.minutes(m.count.minutes),
                        "why": reason(m),
                        "result": Self.result(f, s), "result_class": f.met == false ? "missed" : f.met == true ? "met" : "none",
                        // docs/spec.md §3 Periods: a month inside a quarter or year owes nothing itself.
                        "credit": f.judgedIn.map { s(.countedJudgedIn, ["period": PageFormat.period($0, s)]) }
                            ?? (!f.final ? s[.countedInProgress] : f.credit > 0 ? s(.countedCreditValue, ["credit": s.percent(f.credit)]) : s[.termNone]),
                    ]
                }
            }
        }
        guard !rows.isEmpty else { return nil }
        return ["service": builder.serviceTitle(serviceID), "rows": rows]
    }

    /// A month's verdict in words, from its figures.
    static func result(_ f: MonthFigure, _ s: PageText) -> String {
        if let p = f.judgedIn, f.hasData { return s(.resultJudgedIn, ["period": PageFormat.period(p, s)]) }
        return switch (f.met, f.final) {
        case (nil, _): f.hasData ? s[.resultNoObjective] : s[.resultNoData]
        case (true?, true): s[.resultMet]
        case (false?, true): s[f.terminationRight ? .resultMissedTermination : .resultMissed]
        case (true?, false): s[.resultOnTrack]
        case (false?, false): s[.resultBelowSoFar]
        }
    }

    /// Why an incident counted what it did in one month (issue 16, point 4), from that month's
    /// count alone: the weight it counted at is its minutes over the time it set w(t).
    func reason(_ m: PageInput.CountedMonth) -> String {
        let c = m.count
        let s = builder.strings
        switch m.figure.source {
        case .measurements: return s[.reasonMeasured]
        case .none: return s[.reasonNoData]
        case .samples: return s[.reasonSamples]
        case .incidents, .samplesAndIncidents, .parts: break
        }
        let open = Published.minutes(c.openMinutes)
        let inside = Published.minutes(c.overlappedMinutes)
        let maintenance = Published.minutes(c.maintenanceMinutes)
        let bad = Published.minutes(c.measuredMinutes)
        // The minutes during which this incident set w(t).
        let own = c.openMinutes - c.overlappedMinutes - c.maintenanceMinutes - c.measuredMinutes
        if Published.minutes(c.minutes) <= 0 {
            if incident.impact == .maintenance && maintenance >= open { return s[.reasonMaintenanceExcluded] }
            if own > 0 { return s[.reasonWeightZero] }
            if maintenance >= open { return s[.reasonDuringMaintenance] }
            if bad >= open { return s[.reasonInsideMeasured] }
            if inside >= open { return s[.reasonInside] }
            return s[.reasonInsideAndMaintenance]
        }
        let weight = c.minutes / own
        var parts = [weight >= 1 - 1e-9 ? s[.reasonFull] : s(.reasonWeight, ["weight": s.percent(weight * 100)])]
        if inside > 0 { parts.append(s(.reasonPartInside, ["minutes": s.minutes(c.overlappedMinutes)])) }
        if maintenance > 0 { parts.append(s(.reasonPartMaintenance, ["minutes": s.minutes(c.maintenanceMinutes)])) }
        if bad > 0 { parts.append(s(.reasonPartMeasured, ["minutes": s.minutes(c.measuredMinutes)])) }
        return parts.joined(separator: s[.listSemicolon])
    }

    /// An incident as a line in a list (status and details pages).
    static func listItem(_ builder: PageBuilder, _ incident: Incident) -> [String: Any] {
        let state = State(incident, now: builder.now)
        var values: [String: Any] = [
            "title": incident.title,
            "href": builder.urls.link(builder.urls.incident(incident.id)),
            "start": PageFormat.dateTime(incident.start, builder.strings),
            "start_machine": incident.start.rfc3339,
            "impact": PageFormat.impact(incident.impact, builder.strings),
            "impact_class": incident.impact.rawValue,
            "state": state.label(builder.strings),
            "services": builder.strings.list(incident.services.map(builder.serviceTitle)),
        ]
        // The title's own language when it is not the page's (an untranslated title).
        if let language = incident.titleLanguage { values["title_lang"] = language }
        return values
    }
}
