import BuildSupport
import Foundation
import SLACore

/// `/sla.json` (docs/spec.md §4): everything machine-readable, read from the computed figures.
public enum SLAJSON {
    /// - Parameter reuse: the preview's store: each service and incident object is kept under
    ///   the complete value it is written from.
    ///   - updateHTML: per incident, each update's note rendered (`RenderContext.updateHTML`).
    public static func document(
        site: Site, figures: SiteFigures, urls: SiteURLs, updateHTML: [[String]] = [], reuse: (any Reusing)? = nil,
        languageTitles: [(String, JSONValue)] = []
    ) -> JSONValue {
        let calendar = site.config.calendar
        // Notes rendered here when the caller has not (the same renderer and rule as bodies).
        let markdown = MarkdownRenderer(unsafe: site.config.markdownUnsafe)
        let updateHTML = updateHTML.count == site.incidents.count ? updateHTML : site.incidents.map { $0.updates.map { markdown.html($0.note) } }
        let titles = Dictionary(site.services.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        // The preview keeps every service object's text together (`KeptParts`), under each one's
        // level, title and base URL; a one-off build writes each as it goes (`deferred`: kept
        // whole, they were the largest part of a build's peak memory, issue 23).
        var serviceText: [[UInt8]] = []
        if reuse != nil {
            let levels = figures.plans.flatMap { $0 }
            let inputs = levels.map { ServiceObjectInput(level: $0, title: titles[$0.serviceID], baseURL: urls.baseURL) }
            // Services sit at nesting level 4 of the document (root, plans, plan, services).
            serviceText = reuse.parts(
                .machine, at: "sla.json services", names: levels.map { $0.planID + "/" + $0.serviceID }, inputs: inputs
            ) { todo in
                todo.map { service(inputs[$0].level, title: inputs[$0].title, urls: urls).fragment(level: 4) }
            }
        }
        var nextService = serviceText.makeIterator()
        // One closure holds what every service object needs; each deferred value holds it and a place.
        let serviceObject: @Sendable (Int, Int) -> JSONValue = { p, s in
            let level = figures.plans[p][s]
            return service(level, title: titles[level.serviceID], urls: urls)
        }
        let plans: [JSONValue] = zip(site.plans, figures.plans).enumerated().map { p, pair in
            let (plan, levels) = pair
            return JSONValue.object([
                ("id", .string(plan.id)),
                ("title", .string(plan.title)),
                ("summary", .string(plan.summary)),
                ("url", .string(urls.absolute(urls.plan(plan.id)))),
                ("price", .optional(plan.price)),
                ("effective", .optional(plan.effective?.dateString)),
                ("revisions", .array(plan.revisions.map { .object([("date", .string($0.date.dateString)), ("note", .string($0.note))]) })),
                // A plan's versions come from the figures alone (with the services' titles and the
                // URLs): kept whole under the figures' identity.
                ("versions", reuse == nil
                    ? .deferred { versions(plan: p, site: site, figures: figures, titles: titles, urls: urls) }
                    // Versions sit at nesting level 3 (root, plans, plan).
                    : .raw(reuse.value(
                        .machine, at: "sla.json versions " + plan.id,
                        for: VersionsKey(figures: figures.made, plan: p, titles: titles, baseURL: urls.baseURL)
                    ) { versions(plan: p, site: site, figures: figures, titles: titles, urls: urls).fragment(level: 3) })),
                ("services", .array(levels.indices.map { s in
                    if let text = nextService.next() { return .raw(text) }
                    return .deferred { serviceObject(p, s) }
                })),
            ])
        }
        // An incident's object input, made when it is needed: all of them at once for the
        // preview's kept parts, one at a time as a one-off build writes them.
        @Sendable func incidentInput(_ k: Int) -> IncidentObjectInput {
            let incident = site.incidents[k]
            let ongoing = incident.end.map { $0 > figures.now } ?? true && incident.start <= figures.now
            // The object never shows the body.
            var shown = incident.withoutBody
            // The timeline as posted by *now* (updates are in time order: a prefix).
            let posted = incident.updates.prefix { $0.at <= figures.now }.count
            shown.updates = Array(incident.updates.prefix(posted))
            return IncidentObjectInput(
                incident: shown, ongoing: ongoing, status: incident.status(at: figures.now),
                notesHTML: Array(updateHTML[k].prefix(posted)), baseURL: urls.baseURL)
        }
        let incidents: [JSONValue]
        if reuse == nil {
            // One closure holds what every object needs; each deferred value holds it and a place.
            let object: @Sendable (Int) -> JSONValue = { k in self.incident(incidentInput(k), urls: urls) }
            incidents = site.incidents.indices.map { k in .deferred { object(k) } }
        } else {
            let incidentInputs = site.incidents.indices.map(incidentInput)
            // Kept together, as the services are; incidents sit at nesting level 2 (root, incidents).
            incidents = reuse.parts(
                .machine, at: "sla.json incidents", names: site.incidents.map(\.id), inputs: incidentInputs
            ) { todo in
                todo.map { self.incident(incidentInputs[$0], urls: urls).fragment(level: 2) }
            }.map { .raw($0) }
        }
        let fields: [(String, JSONValue)] = [
            ("generated_at", .string(figures.now.rfc3339)),
            ("base_url", .string(site.config.baseURL)),
            ("title", .string(site.config.title)),
            ("provider", .string(site.config.provider)),
            ("timezone", .string(calendar.name)),
            ("status_since", .string(calendar.localDateTime(of: figures.statusSince).dateString)),
            ("current_month", .string(figures.currentMonth.description)),
            ("plans", .array(plans)),
            ("incidents", .array(incidents)),
        ]
        return .object(fields + languageTitles)
    }

    /// docs/spec.md §4 Languages: sla.json is one file for all languages; a site with several
    /// adds `languages` (each with its home URL) and `titles`: per other language, the
    /// translated titles of the site's plans, services and incidents, by id, where a
    /// translation gives one. Empty for a site with one language (its sla.json is unchanged).
    static func titles(_ contexts: [RenderContext], translations: [String: SiteTranslation]) -> [(String, JSONValue)] {
        guard contexts.count > 1 else { return [] }
        let base = contexts[0].site
        let languages: JSONValue = .array(
            contexts.map { c in
                .object([
                    ("code", .string(c.language.code)), ("name", .string(c.language.name)), ("locale", .string(c.language.locale)),
                    ("url", .string(c.urls.absolute(c.urls.home))),
                ])
            })
        var byLanguage: [(String, JSONValue)] = []
        for c in contexts.dropFirst() {
            guard let t = translations[c.language.code] else { continue }
            func pairs(_ map: [String: TextTranslation], order: [String]) -> JSONValue {
                .object(order.compactMap { id in map[id]?.title.map { (id, JSONValue.string($0)) } })
            }
            byLanguage.append(
                (
                    c.language.code,
                    .object([
                        ("plans", pairs(t.plans, order: base.plans.map(\.id))),
                        ("services", pairs(t.services, order: base.services.map(\.id))),
                        ("incidents", pairs(t.incidents, order: base.incidents.map(\.id))),
                    ])
                ))
        }
        return [("languages", languages), ("titles", .object(byLanguage))]
    }

    static func incident(_ input: IncidentObjectInput, urls: SiteURLs) -> JSONValue {
        let incident = input.incident
        return .object([
            ("id", .string(incident.id)),
            ("title", .string(incident.title)),
            ("url", .string(urls.absolute(urls.incident(incident.id)))),
            ("impact", .string(incident.impact.rawValue)),
            ("services", .array(incident.services.map(JSONValue.string))),
            ("plans", incident.plans.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("weight", .optional(incident.weight)),
            ("start", .string(incident.start.rfc3339)),
            ("end", .optional(incident.end?.rfc3339)),
            ("ongoing", .bool(input.ongoing)),
            // docs/spec.md §2 *status* at generated_at, and the timeline as written (oldest first).
            ("status", .string(input.status.rawValue)),
            ("updates", .array(zip(incident.updates, input.notesHTML).map { update, html in
                .object([("at", .string(update.at.rfc3339)), ("status", .string(update.status.rawValue)), ("note_html", .string(html))])
            })),
        ])
    }

    static func service(_ level: ServiceLevel, title: String?, urls: SiteURLs) -> JSONValue {
        .object(
            termsFields(
                level.terms, serviceID: level.serviceID, title: title,
                url: urls.absolute(urls.details(plan: level.planID, service: level.serviceID)), composite: level.combine != nil)
                + [("covered", .bool(level.coveredNow)), ("months", .array(level.months.map { .raw(monthLine($0)) }))]
                // docs/spec.md §4: a composite lists its parts (and how they combine).
                + (level.combine.map { [("parts", .array(level.parts.map(JSONValue.string))), ("combine", .string($0.rawValue))] } ?? [])
                // docs/spec.md §4: a service judged by quarters or years lists its judged periods.
                + (level.hasLongPeriods ? [("periods", .array(level.periods.map(period)))] : []))
    }

    /// docs/spec.md §4 `periods`: one judged period, from its own figure.
    static func period(_ p: MonthFigure) -> JSONValue {
        .object([
            ("period", .string(p.period.description)),
            ("from", .string(CalendarDay(year: p.month.year, month: p.month.month, day: 1).description)),
            ("to", .string(p.period.to.description)),
            ("objective", .optional(p.objective)),
            ("version", .string(p.version.description)),
            ("uptime", .optional(p.uptime.map(Published.uptime))),
            ("downtime_minutes", .optional(p.downtimeMinutes.map(Published.minutes))),
            ("budget_minutes", .optional(p.budgetMinutes.map(Published.minutes))),
            ("met", .optional(p.met)),
            ("credit", .number(p.credit)),
            ("claim_by", p.claimBy.map { .string($0.description) } ?? .null),
            ("final", .bool(p.final)),
            ("source", .string(p.source.rawValue)),
            ("termination_right", .bool(p.terminationRight)),
        ])
    }

    /// A service's terms as sla.json writes them, in a service object and in a plan version:
    /// its id, title and URL, then every term's fields (`TermCatalog`).
    /// - Parameter composite: the service is made of parts (docs/spec.md §3 Composite services):
    ///   its Downtime is its parts', each by its own rule, so `downtime` says `parts` instead of
    ///   a rule of its own that nothing uses.
    static func termsFields(_ terms: ResolvedTerms, serviceID: String, title: String?, url: String, composite: Bool) -> [(String, JSONValue)] {
        let fields = TermCatalog.all.flatMap { $0.fields(terms) }
        return [("id", .string(serviceID)), ("title", .string(title ?? serviceID)), ("url", .string(url))]
            + (composite ? fields.map { $0.0 == "downtime" ? ($0.0, downtime(nil)) : $0 } : fields)
    }

    /// docs/spec.md §2 `downtime` as resolved: the source, and for samples the rule's parameters (null
    /// for incidents); nil for a composite's (`parts`, every parameter null).
    static func downtime(_ rule: DowntimeRule?) -> JSONValue {
        let r = rule?.sampleRule
        return .object([
            ("source", .string(rule?.source.rawValue ?? "parts")),
            ("interval", r.map { .number(Double($0.interval)) } ?? .null),
            ("method", .optional(r?.method.rawValue)),
            ("error_rate_above", .optional(r?.errorRateAbove)),
            ("min_requests", r.map { .number(Double($0.minRequests)) } ?? .null),
            ("min_consecutive", r.map { .number(Double($0.minConsecutive)) } ?? .null),
        ])
    }

    /// docs/spec.md §4: a plan's versions, oldest first, upcoming ones included.
    static func versions(plan p: Int, site: Site, figures: SiteFigures, titles: [String: String], urls: SiteURLs) -> JSONValue {
        let plan = site.plans[p]
        let composites = Set(site.services.filter(\.isComposite).map(\.id))
        return .array(figures.versions[p].enumerated().map { k, version in
            .object([
                ("effective", .string(version.effective.description)),
                ("published", .optional(version.revision?.date.dateString)),
                ("note", .optional(version.revision?.note)),
                ("standing", .string(figures.standing(plan: p, version: k).rawValue)),
                ("services", .array(version.services.map { s in
                    .object(termsFields(
                        s.terms, serviceID: s.serviceID, title: titles[s.serviceID],
                        url: urls.absolute(urls.details(plan: plan.id, service: s.serviceID)),
                        composite: composites.contains(s.serviceID)))
                })),
            ])
        })
    }

    /// `month(m)` as its one line of JSON, written directly (a large site has hundreds of
    /// thousands of months; `SLAJSONTests` checks both forms agree).
    static func monthLine(_ m: MonthFigure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(320)
        func text(_ s: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }
        func number(_ x: Double?) {
            if let x, x.isFinite { out.append(contentsOf: Published.text(x).utf8) } else { text("null") }
        }
        func bool(_ b: Bool?) {
            if let b { b ? text("true") : text("false") } else { text("null") }
        }
        text("{\"month\": ")
        JSONValue.writeString(m.month.description, into: &out)
        text(", \"uptime\": ")
        number(m.uptime.map(Published.uptime))
        text(", \"downtime_minutes\": ")
        number(m.downtimeMinutes.map(Published.minutes))
        text(", \"met\": ")
        bool(m.met)
        text(", \"credit\": ")
        // docs/spec.md §4: a month inside a quarter or year is not judged: no credit.
        number(m.judged ? m.credit : nil)
        text(", \"final\": ")
        bool(m.final)
        text(", \"budget_minutes\": ")
        number(m.budgetMinutes.map(Published.minutes))
        text(", \"budget_left_minutes\": ")
        number(m.budgetLeftMinutes.map(Published.minutes))
        text(", \"claim_by\": ")
        if let day = m.claimBy { JSONValue.writeString(day.description, into: &out) } else { text("null") }
        text(", \"termination_right\": ")
        bool(m.terminationRight)
        text(", \"objective\": ")
        number(m.objective)
        text(", \"version\": ")
        JSONValue.writeString(m.version.description, into: &out)
        text(", \"measured\": ")
        bool(m.measured)
        text(", \"source\": ")
        JSONValue.writeString(m.source.rawValue, into: &out)
        text(", \"minutes\": ")
        number(Published.minutes(m.minutes))
        text(", \"elapsed_minutes\": ")
        number(Published.minutes(m.elapsedMinutes))
        text("}")
        return out
    }

    static func month(_ m: MonthFigure) -> JSONValue {
        .object([
            ("month", .string(m.month.description)),
            ("uptime", .optional(m.uptime.map(Published.uptime))),
            ("downtime_minutes", .optional(m.downtimeMinutes.map(Published.minutes))),
            ("met", .optional(m.met)),
            ("credit", m.judged ? .number(m.credit) : .null),
            ("final", .bool(m.final)),
            ("budget_minutes", .optional(m.budgetMinutes.map(Published.minutes))),
            ("budget_left_minutes", .optional(m.budgetLeftMinutes.map(Published.minutes))),
            ("claim_by", m.claimBy.map { .string($0.description) } ?? .null),
            ("termination_right", .bool(m.terminationRight)),
            ("objective", .optional(m.objective)),
            ("version", .string(m.version.description)),
            ("measured", .bool(m.measured)),
            ("source", .string(m.source.rawValue)),
            ("minutes", .number(Published.minutes(m.minutes))),
            ("elapsed_minutes", .number(Published.minutes(m.elapsedMinutes))),
        ])
    }
}

/// What a service object of sla.json is written from (the key of its kept bytes).
struct ServiceObjectInput: Hashable, Sendable {
    var level: ServiceLevel
    var title: String?
    var baseURL: String
}

/// What one plan's versions in sla.json are written from: the figures by identity (see
/// `SiteFigures.made`; another is a miss, never a stale value), the services' titles and the base URL.
struct VersionsKey: Equatable, Sendable {
    let figures: SiteFigures.Made
    let plan: Int
    let titles: [String: String]
    let baseURL: String
}

/// What an incident object of sla.json is written from (the key of its kept bytes).
struct IncidentObjectInput: Hashable, Sendable {
    var incident: Incident
    var ongoing: Bool
    var status: IncidentStatus
    /// Each update's note rendered.
    var notesHTML: [String]
    var baseURL: String
}
