import SLACore

/// The entries of both feeds: one per incident, per plan revision, and per final month that
/// missed an objective (docs/spec.md §4), newest first.
enum FeedItems {
    /// Every entry of the site, newest first (see `newestFirst`).
    /// Feeds carry the newest items only: readers poll them, and the whole history (every
    /// incident and every month) stays in sla.json and on the pages.
    static let limit = 200

    /// Where an item comes from, before it is built.
    enum Source {
        case revision(FeedItem)
        /// Index into `site.incidents`.
        case incident(Int)
        /// Plan, service and month indices into `figures.plans`.
        case missed(p: Int, s: Int, m: Int)
    }

    /// What the item of a source is built from besides the site and *now* (the feeds' scope).
    enum SourceInput: Equatable, Sendable {
        case revision(FeedItem)
        case incident(Incident, html: String)
        case missed(MonthFigure, level: ServiceLevel, plan: Int)

        init(_ source: Source, _ context: RenderContext) {
            switch source {
            case .revision(let item): self = .revision(item)
            case .incident(let k): self = .incident(context.site.incidents[k], html: context.incidentHTML[k])
            case .missed(let p, let s, let m):
                let level = context.figures.plans[p][s]
                self = .missed(level.periods[m], level: level, plan: p)
            }
        }
    }

    /// The newest `limit` items of every kind, newest first.
    static func items(_ context: RenderContext) -> [FeedItem] {
        selection(context).map { build($0, context) }
    }

    /// Which items the feeds carry, newest first, without building them: only dates and ids are
    /// needed to order them (on a large site most items are older and never built).
    static func selection(_ context: RenderContext) -> [Source] {
        var monthEnds: [YearMonth: Instant] = [:]
        func end(of m: YearMonth) -> Instant {
            if let e = monthEnds[m] { return e }
            let e = context.calendar.end(of: m)
            monthEnds[m] = e
            return e
        }
        let revisions = context.site.plans.flatMap { revisionItems($0, context: context) }
        var missed: [(p: Int, s: Int, m: Int, published: Instant)] = []
        for (p, levels) in context.figures.plans.enumerated() {
            for (s, level) in levels.enumerated() {
                // docs/spec.md §3 Periods: the judged periods (a quarter's months are not judged).
                for (m, month) in level.periods.enumerated() where month.final && month.met == false {
                    missed.append((p, s, m, end(of: month.period.last)))
                }
            }
        }
        // The date of the limit-th newest item; older ones cannot make it.
        var dates = context.site.incidents.map(\.start) + revisions.map(\.published) + missed.map(\.published)
        var cutoff = Instant(seconds: Int64.min)
        if dates.count > limit {
            dates.sort(by: >)
            cutoff = dates[limit - 1]
        }
        var candidates: [(published: Instant, id: String, source: Source)] = []
        for item in revisions where item.published >= cutoff { candidates.append((item.published, item.id, .revision(item))) }
        for (k, incident) in context.site.incidents.enumerated() where incident.start >= cutoff {
            candidates.append((incident.start, incidentID(incident, context), .incident(k)))
        }
        for c in missed where c.published >= cutoff {
            let level = context.figures.plans[c.p][c.s]
            candidates.append((c.published, missedID(level.periods[c.m], level: level, context: context), .missed(p: c.p, s: c.s, m: c.m)))
        }
        candidates.sort { a, b in a.published != b.published ? a.published > b.published : a.id < b.id }
        return candidates.prefix(limit).map(\.source)
    }

    static func build(_ source: Source, _ context: RenderContext) -> FeedItem {
        switch source {
        case .revision(let item): return item
        case .incident(let k): return incidentItem(context.site.incidents[k], html: context.incidentHTML[k], context: context)
        case .missed(let p, let s, let m):
            let level = context.figures.plans[p][s]
            return missedItem(level.periods[m], level: level, plan: context.site.plans[p], context: context)
        }
    }

    static func incidentID(_ incident: Incident, _ context: RenderContext) -> String {
        context.urls.absolute(context.urls.incident(incident.id)) + "#incident"
    }

    static func missedID(_ m: MonthFigure, level: ServiceLevel, context: RenderContext) -> String {
        context.urls.absolute(context.urls.details(plan: level.planID, service: level.serviceID)) + "#missed-" + m.period.description
    }

    /// Every item of every kind, newest first.
    static func allItems(_ context: RenderContext) -> [FeedItem] {
        var items: [FeedItem] = []
        for (index, incident) in context.site.incidents.enumerated() {
            items.append(incidentItem(incident, html: context.incidentHTML[index], context: context))
        }
        for plan in context.site.plans {
            items += revisionItems(plan, context: context)
        }
        for (plan, levels) in zip(context.site.plans, context.figures.plans) {
            for level in levels {
                for month in level.missedMonths {
                    items.append(missedItem(month, level: level, plan: plan, context: context))
                }
            }
        }
        return newestFirst(items)
    }

    /// Newest `published` first; equal dates by id, so the order never depends on input order.
    static func newestFirst(_ items: [FeedItem]) -> [FeedItem] {
        items.sorted { a, b in a.published != b.published ? a.published > b.published : a.id < b.id }
    }

    // MARK: Incidents

    static func incidentItem(_ incident: Incident, html: String, context: RenderContext) -> FeedItem {
        let url = context.urls.absolute(context.urls.incident(incident.id))
        let s = context.text
        // Written for people, as the pages write them: the language's list ("A and B") and the
        // wall time in the site zone with the zone's name ("November 10, 2026, 2:00 PM UTC");
        // the item's `_sla` facts keep the machine forms.
        let services = s.list(incident.services.map { context.service($0)?.title ?? $0 })
        let impact = PageFormat.impact(incident.impact, s)
        let start = PageFormat.dateTime(incident.start, s)
        let summary = incident.end.map {
            s(.feedIncidentSummary, ["impact": impact, "services": services, "start": start, "end": PageFormat.dateTime($0, s)])
        } ?? s(.feedIncidentSummaryOpen, ["impact": impact, "services": services, "start": start])
        let body = html.isEmpty ? "<p>\(XMLText.escape(summary))</p>\n" : html
        let facts: JSONValue = .object([
            ("kind", .string(FeedItem.Kind.incident.rawValue)),
            ("incident", .string(incident.id)),
            ("impact", .string(incident.impact.rawValue)),
            ("services", .array(incident.services.map(JSONValue.string))),
            ("plans", incident.plans.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("start", .string(incident.start.rfc3339)),
            ("end", .optional(incident.end?.rfc3339)),
        ])
        // Issue 16: the entry changes with each update posted by *now* (and with its end).
        let latest = incident.latestUpdate(at: context.figures.now)?.at
        let modified = [incident.end, latest].compactMap { $0 }.max()
        return FeedItem(
            kind: .incident, id: incidentID(incident, context), url: url, title: incident.title, summary: summary,
            contentHTML: body, published: incident.start, modified: modified,
            tags: [FeedItem.Kind.incident.rawValue, incident.impact.rawValue] + incident.services, facts: facts)
    }

    // MARK: Plan revisions

    static func revisionItems(_ plan: Plan, context: RenderContext) -> [FeedItem] {
        let url = context.urls.absolute(context.urls.plan(plan.id))
        let s = context.text
        var seen: [String: Int] = [:]
        // What each revision changed, computed from the terms (the plan page's list).
        let p = context.site.plans.firstIndex { $0.id == plan.id } ?? 0
        let revised = VersionChanges.revisions(
            plan, versions: context.figures.versions[p], current: context.figures.currentVersion[p],
            title: { context.service($0)?.title ?? $0 }, strings: s)
        return zip(plan.revisions, revised).map { revision, revised in
            let date = revision.date.dateString
            // Two revisions on one day keep distinct ids, numbered in the order written.
            seen[date, default: 0] += 1
            let suffix = seen[date]! > 1 ? "-\(seen[date]!)" : ""
            let title = s(.feedRevisionTitle, ["plan": plan.title, "date": date])
            var html = "<p>\(XMLText.escape(revision.note))</p>\n"
            var summary = revision.note
            if let revised {
                // An upcoming change is published on its date, and says when it takes effect.
                let when = s(
                    revised.standing == .upcoming ? .feedRevisionTakesEffect : .feedRevisionInForce,
                    ["date": VersionChanges.effectiveText(revised.effective, s)])
                html += "<p>\(XMLText.escape(when))</p>\n"
                if !revised.lines.isEmpty {
                    html += "<ul>\n" + revised.lines.map { "<li>\(XMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
                }
                summary += " " + when + (revised.lines.isEmpty ? "" : " " + revised.lines.joined(separator: s[.listSemicolon]) + ".")
            }
            html += "<p><a href=\"\(XMLText.escape(url))\">\(XMLText.escape(s(.feedRevisionPlanLink, ["plan": plan.title])))</a></p>\n"
            var pairs: [(String, JSONValue)] = [
                ("kind", .string(FeedItem.Kind.revision.rawValue)),
                ("plan", .string(plan.id)),
                ("date", .string(date)),
            ]
            if let revised {
                pairs.append(("effective", .string(revised.effective.description)))
                pairs.append(("upcoming", .bool(revised.standing == .upcoming)))
                pairs.append(("changes", .array(revised.lines.map(JSONValue.string))))
            }
            let facts: JSONValue = .object(pairs)
            // A date without a time is midnight in the site zone.
            return FeedItem(
                kind: .revision, id: url + "#revision-" + date + suffix, url: url, title: title,
                summary: summary, contentHTML: html, published: context.calendar.instant(revision.date),
                modified: nil, tags: [FeedItem.Kind.revision.rawValue, plan.id], facts: facts)
        }
    }

    // MARK: Missed objectives

    static func missedItem(_ m: MonthFigure, level: ServiceLevel, plan: Plan, context: RenderContext) -> FeedItem {
        let url = context.urls.absolute(context.urls.details(plan: level.planID, service: level.serviceID))
        let serviceTitle = context.service(level.serviceID)?.title ?? level.serviceID
        let s = context.text
        // docs/spec.md §3 Terms in force: the month is described by its own figure (the objective that
        // judged it), never by the terms in force now (a missed month had an objective).
        let objective = s.percent(m.objective ?? 100)
        // A missed month was judged, so it has data (a month without data has `met == nil`).
        let uptime = s.uptime(m.uptime!)
        let downtime = s.minutesInWords(m.downtimeMinutes!)
        let budget = m.budgetMinutes.map { s.minutesInWords($0) }
        let credit = s.percent(m.credit)
        // The period in words, as the details page names it ("October 2026", "Q3 2026").
        let month = PageFormat.period(m.period, s)
        let kind = m.period.kind

        var sentences = [
            s(StringID.feedMissedSentence.forPeriod(kind), ["service": serviceTitle, "plan": plan.title, "uptime": uptime, "month": month, "objective": objective]),
            m.credit > 0 ? s(StringID.feedMissedCredit.forPeriod(kind), ["credit": credit]) : s[StringID.feedMissedNoCredit.forPeriod(kind)],
        ]
        if let claimBy = m.claimBy {
            sentences.append(s(.feedMissedClaimBy, ["date": s.day(claimBy)]))
        }
        if m.terminationRight, let n = m.terminationAfter {
            sentences.append(
                s.plural(n, one: StringID.feedMissedTerminationOne.forPeriod(kind), other: StringID.feedMissedTerminationOther.forPeriod(kind)))
        }
        func item(_ text: String) -> String { "<li>" + XMLText.escape(text) + "</li>\n" }
        var html = "<p>\(XMLText.escape(sentences.joined(separator: " ")))</p>\n<ul>\n"
        html += item(s(.feedMissedUptime, ["uptime": uptime, "objective": objective]))
        html += item(
            budget.map { s(.feedMissedDowntimeAllowed, ["minutes": downtime, "budget": $0]) } ?? s(.feedMissedDowntime, ["minutes": downtime]))
        html += item(s(StringID.feedMissedCreditLine.forPeriod(kind), ["credit": credit]))
        if let claimBy = m.claimBy { html += item(s(.feedMissedClaimByLine, ["date": s.day(claimBy)])) }
        html += "</ul>\n"
        html += "<p><a href=\"\(XMLText.escape(url))\">\(XMLText.escape(s[.viewFullDetails]))</a></p>\n"

        let facts: JSONValue = .object([
            ("kind", .string(FeedItem.Kind.missedObjective.rawValue)),
            ("plan", .string(level.planID)),
            ("service", .string(level.serviceID)),
            // The machine form, as sla.json names the period ("2026-10", "2026-Q3").
            (kind == .month ? "month" : "period", .string(m.period.description)),
            ("uptime", .number(Published.uptime(m.uptime!))),
            ("objective", .optional(m.objective)),
            ("downtime_minutes", .number(Published.minutes(m.downtimeMinutes!))),
            ("credit", .number(m.credit)),
            ("claim_by", m.claimBy.map { .string($0.description) } ?? .null),
            ("termination_right", .bool(m.terminationRight)),
        ])
        return FeedItem(
            kind: .missedObjective, id: missedID(m, level: level, context: context), url: url,
            title: s(StringID.feedMissedTitle.forPeriod(kind), ["plan": plan.title, "service": serviceTitle, "objective": objective, "month": month]),
            summary: sentences.joined(separator: " "), contentHTML: html,
            published: context.calendar.end(of: m.period.last), modified: nil,
            tags: [FeedItem.Kind.missedObjective.rawValue, level.planID, level.serviceID], facts: facts)
    }
}
