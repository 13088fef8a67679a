import BuildSupport
import Foundation
import SLACore

/// What every page's template sees, built once per build; pages add their own keys.
///
/// A page reads only this (the site without its status data, *now*, the theme: the pages'
/// scope, `PageScope`) and its own `PageInput`, so the two together are everything it is made
/// from. Incidents and figures are not reachable from here.
struct PageBuilder: Sendable {
    private let context: RenderContext
    let theme: PageTheme
    /// The site without incidents and measurements.
    let site: Site
    let now: Instant
    let currentMonth: YearMonth
    /// Service and plan bodies by id, with their headings shifted below the page's
    /// (`RenderContext.serviceHTML`, `planHTML`).
    let serviceBodies: [String: String]
    let planBodies: [String: String]
    /// Each incident as a list line (`partials/incident`), rendered at most once per build, when
    /// a page first lists it, and reused by every other page that lists it.
    let incidentLines: OncePerKey<String, String>
    /// The layout's values that are the same on every page, made once per build, as each
    /// rendering thread's own copy of the layers pages are rendered with (`Layers`).
    private let shared: PerThread<Layers>
    /// docs/spec.md §2 `strings`: the site's wording, for code that writes sentences.
    let strings: PageText

    /// One rendering thread's layers: the values every page shares, per kind of period (the
    /// layout's values with that period's `t`: docs/spec.md §3 Periods, "Quarterly history"),
    /// and the navigation with each section marked current.
    final class Layers {
        let byPeriod: [PeriodKind: SharedValues]
        let navs: [Section: TemplateRecord]

        /// Copies sharing no storage with `byPeriod` and `navs` (`TemplateCopy`).
        init(copying byPeriod: [PeriodKind: [String: Any]], navs: [Section: TemplateRecord]) {
            self.byPeriod = byPeriod.mapValues { SharedValues(values: TemplateCopy.dict($0)) }
            self.navs = navs.mapValues { $0.copy() }
        }
    }

    init(context: RenderContext, theme: PageTheme) {
        self.context = context
        self.theme = theme
        site = context.scope.site
        now = context.figures.now
        currentMonth = context.figures.currentMonth
        serviceBodies = context.serviceHTML
        planBodies = context.planHTML
        incidentLines = OncePerKey()
        let urls = context.urls
        let config = context.site.config
        let s = context.text
        strings = s
        let now = context.figures.now
        let asOf = PageFormat.dateTime(now, s)
        var layout = (
            SiteLayoutView(
                siteTitle: config.title, provider: config.provider, stylesheet: theme.stylesheetHref,
                feedJson: urls.link(urls.inLanguage("feed.json")), feedAtom: urls.link(urls.inLanguage("feed.xml")), slaJson: urls.link("sla.json"),
                homeHref: urls.link(urls.home), termsHref: urls.link(urls.terms), statusHref: urls.link(urls.status),
                asOf: asOf, asOfMachine: now.rfc3339,
                feedJsonTitle: s(.feedJSONTitle, ["site": config.title]), feedAtomTitle: s(.feedAtomTitle, ["site": config.title]),
                publishedBy: s(.footerPublished, ["provider": config.provider]),
                asOfHtml: PageFormat.html(
                    s, .footerAsOf,
                    ["time": "<time datetime=\"\(now.rfc3339)\">" + FastHTMLContentType.escape(asOf) + "</time>"]),
                lang: context.language.locale, hasLanguages: context.languages.count > 1
            ).templateValues)
        // Every string by id, for the templates' `{{t.<id>}}`.
        func table(_ s: PageText) -> [String: Any] {
            var table: [String: Any] = [:]
            table.reserveCapacity(StringID.allCases.count)
            for (id, text) in s.strings.all { table[id] = text }
            return table
        }
        layout["t"] = table(s)
        var navs: [Section: TemplateRecord] = [:]
        for section in [Section.overview, .terms, .status, .none] {
            navs[section] =
                NavView(nav: [
                    .init(label: s[.navOverview], href: urls.link(urls.home), current: section == .overview),
                    .init(label: s[.navTerms], href: urls.link(urls.terms), current: section == .terms),
                    .init(label: s[.navStatus], href: urls.link(urls.status), current: section == .status),
                ]).templateRecord
        }
        var byPeriod: [PeriodKind: [String: Any]] = [:]
        for period in PeriodKind.allCases {
            var values = layout
            if period != .month { values["t"] = table(s.forPeriod(period)) }
            byPeriod[period] = values
        }
        let made = byPeriod, madeNavs = navs
        shared = PerThread { Layers(copying: made, navs: madeNavs) }
    }

    /// The list line of an incident (see `incidentLines`; ids are unique within a build).
    func incidentLine(_ incident: Incident) -> String {
        incidentLines.value(incident.id) { theme.render("partials/incident", IncidentPage.listItem(self, incident)) }
    }

    /// The list line of an incident with its latest update posted by *now*, if it has one
    /// (the status page's open incidents).
    func incidentLine(_ incident: Incident, latestUpdate: Bool) -> String {
        guard latestUpdate, let u = incident.updates.lastIndex(where: { $0.at <= now }) else { return incidentLine(incident) }
        let update = incident.updates[u]
        // The note as the incident page shows it (rendered once per build; in another
        // language marked with its own when no translation gives one).
        let k = context.site.incidents.firstIndex { $0.id == incident.id }
        let note = k.flatMap { context.updateHTML[$0].indices.contains(u) ? context.updateHTML[$0][u] : nil } ?? markdown.html(update.note)
        var values = IncidentPage.listItem(self, incident)
        values["update"] = [
            "label": strings[.incidentLatestUpdate],
            "status": IncidentPage.statusLabel(update.status, strings),
            "at": PageFormat.dateTime(update.at, strings),
            "at_machine": update.at.rfc3339,
            "note": note,
        ] as [String: Any]
        return theme.render("partials/incident", values)
    }

    /// Renders update notes as bodies are (the site's `markdown.unsafe` rule).
    var markdown: MarkdownRenderer { context.markdown }

    var urls: SiteURLs { context.urls }
    var calendar: SiteCalendar { context.calendar }
    var termsHTML: String { context.termsHTML }
    /// The ids of the services each plan covers, in `site.plans` order.
    var coveredServices: [Set<String>] { context.coveredServices }

    func service(_ id: String) -> Service? { context.service(id) }

    /// Which top-level section a page belongs to, for `aria-current` in the navigation.
    enum Section { case overview, terms, status, none }

    /// A breadcrumb step.
    struct Crumb {
        var label: String
        var path: String
    }

    /// Renders template `template` inside the layout with the shared keys.
    /// - Parameters:
    ///   - path: the page's site-relative URL path (`plans/pro/`), for the canonical link.
    ///   - title: the page's own title (the `h1`); the document title appends the site title.
    func page(
        _ template: String, path: String, title: String, description: String, section: Section,
        crumbs: [Crumb] = [], noindex: Bool = false, period: PeriodKind = .month, values: [String: Any]
    ) -> [UInt8] {
        page(
            template, path: path, title: title, description: description, section: section, crumbs: crumbs,
            noindex: noindex, period: period, own: .values(values))
    }

    /// `page` with a typed view model (the pages whose templates show numbers).
    func page<View: TemplateView>(
        _ template: String, path: String, title: String, description: String, section: Section,
        crumbs: [Crumb] = [], noindex: Bool = false, period: PeriodKind = .month, view: View
    ) -> [UInt8] {
        page(
            template, path: path, title: title, description: description, section: section, crumbs: crumbs,
            noindex: noindex, period: period, own: .record(view.templateRecord))
    }

    /// `page` with the page's own values as a dictionary or a view model's record.
    private func page(
        _ template: String, path: String, title: String, description: String, section: Section,
        crumbs: [Crumb], noindex: Bool, period: PeriodKind, own: PageContext.Own
    ) -> [UInt8] {
        var view = LayoutView(
            title: title, pageTitle: title == site.config.title ? title : title + " · " + site.config.title,
            description: description, canonical: urls.absolute(path), noindex: noindex,
            hasCrumbs: !crumbs.isEmpty, crumbs: crumbs.map { .init(label: $0.label, href: urls.link($0.path)) })
        if context.languages.count > 1 {
            // The same page in every language: its path without this language's folder, in each one's.
            let rest = String(path.dropFirst(urls.language.count))
            for (k, language) in context.languages.enumerated() {
                let folder = k == 0 ? "" : language.code + "/"
                view.alternates.append(.init(hreflang: language.locale, href: urls.absolute(folder + rest)))
                view.languages.append(
                    .init(name: language.name, href: urls.link(folder + rest), lang: language.locale, current: language == context.language))
            }
            view.xDefault = urls.absolute(rest)
        }
        // The layout's values win over a page's of the same name.
        let layers = shared.value
        return theme.renderBytes(
            template, page: PageContext(top: view.templateRecord, nav: layers.navs[section]!, shared: layers.byPeriod[period]!, own: own))
    }

    /// Bullets and links of one plan × service, for the plan page.
    func serviceSummary(_ level: ServiceLevel) -> ServiceItemView {
        let service = self.service(level.serviceID)
        return ServiceItemView(
            id: level.serviceID, title: service?.title ?? level.serviceID, summary: service?.summary ?? "",
            bullets: ServiceSummary(level: level, strings: strings).bullets,
            detailsHref: urls.link(urls.details(plan: level.planID, service: level.serviceID)))
    }

    /// Title of a service by id (the id when unknown).
    func serviceTitle(_ id: String) -> String { service(id)?.title ?? id }

    /// Title of a plan by id (the id when unknown).
    func planTitle(_ id: String) -> String { context.plan(id)?.title ?? id }
}

/// Values made at most once per key per build, when a page first asks, and shared by the pages
/// rendering in parallel. Made outside the lock, so two pages may race to make the same one: the
/// first stored is the one every caller gets (the other is dropped), so a value kept by identity
/// (a `RecordLayout`) is one instance per key.
///
/// Each thread first reads its own table of what it has already asked for (`PerThread`), so a
/// value asked for again (most are: a figure's text on every page that shows it) takes no lock.
/// Both workers taking one lock hundreds of times per page took turns owning its cache line
/// (docs/performance.md, "Figures (2026-12-06, eighth session)"). A thread's table holds the
/// shared table's values, so every caller still gets the first stored one.
final class OncePerKey<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Key: Value] = [:]
    private let asked = PerThread { Asked() }

    /// One thread's copy of the values it asked for; only that thread reads or writes it.
    private final class Asked {
        var values: [Key: Value] = [:]
    }

    func value(_ key: Key, make: () -> Value) -> Value {
        // Without a thread key of its own, every thread would read one table: the shared one only.
        guard asked.isPerThread else { return shared(key, make: make) }
        let asked = self.asked.value
        if let hit = asked.values[key] { return hit }
        let value = shared(key, make: make)
        asked.values[key] = value
        return value
    }

    private func shared(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let hit = made[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = make()
        lock.lock()
        defer { lock.unlock() }
        if let first = made[key] { return first }
        made[key] = value
        return value
    }
}
