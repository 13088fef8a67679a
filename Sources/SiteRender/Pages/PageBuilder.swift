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
    /// Service and plan bodies with their headings shifted below the page's, made when a page
    /// first asks (a preview rebuild renders few pages).
    let serviceBodies: PreparedBodies
    let planBodies: PreparedBodies
    /// Each incident as a list line (`partials/incident`), rendered at most once per build, when
    /// a page first lists it, and reused by every other page that lists it.
    let incidentLines: OncePerKey<String, String>
    /// The layout's keys that are the same on every page, made once per build.
    private let shared: [(String, String)]
    /// The navigation with each section marked current.
    private let navs: [Section: NavItems]

    /// Template values are plain values (strings, booleans, arrays, dictionaries), made once
    /// and only read after.
    struct NavItems: @unchecked Sendable {
        let items: [[String: Any]]
    }

    init(context: RenderContext, theme: PageTheme) {
        self.context = context
        self.theme = theme
        site = PageScope.site(context.site)
        now = context.figures.now
        currentMonth = context.figures.currentMonth
        serviceBodies = PreparedBodies(context.serviceHTML)
        planBodies = PreparedBodies(context.planHTML)
        incidentLines = OncePerKey()
        let urls = context.urls
        let config = context.site.config
        shared = [
            ("site_title", config.title),
            ("provider", config.provider),
            ("stylesheet", theme.stylesheetHref),
            ("feed_json", urls.link("feed.json")),
            ("feed_atom", urls.link("feed.xml")),
            ("sla_json", urls.link("sla.json")),
            ("home_href", urls.link(urls.home)),
            ("terms_href", urls.link(urls.terms)),
            ("status_href", urls.link(urls.status)),
            ("as_of", PageFormat.dateTime(context.figures.now, context.calendar)),
            ("as_of_machine", context.figures.now.rfc3339),
        ]
        func navItem(_ label: String, _ path: String, _ current: Bool) -> [String: Any] {
            ["label": label, "href": urls.link(path), "current": current]
        }
        var navs: [Section: NavItems] = [:]
        for section in [Section.overview, .terms, .status, .none] {
            navs[section] = NavItems(items: [
                navItem("Overview", urls.home, section == .overview),
                navItem("General terms", urls.terms, section == .terms),
                navItem("Status", urls.status, section == .status),
            ])
        }
        self.navs = navs
    }

    /// The list line of an incident (see `incidentLines`; ids are unique within a build).
    func incidentLine(_ incident: Incident) -> String {
        incidentLines.value(incident.id) { theme.render("partials/incident", IncidentPage.listItem(self, incident)) }
    }

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
        crumbs: [Crumb] = [], noindex: Bool = false, values: [String: Any]
    ) -> [UInt8] {
        var dict = values
        dict.reserveCapacity(values.count + shared.count + 8)
        let config = site.config
        for (key, value) in shared { dict[key] = value }
        dict["title"] = title
        dict["page_title"] = title == config.title ? title : title + " · " + config.title
        dict["description"] = description
        dict["canonical"] = urls.absolute(path)
        dict["noindex"] = noindex
        dict["nav"] = navs[section]?.items ?? []
        dict["has_crumbs"] = !crumbs.isEmpty
        dict["crumbs"] = crumbs.map { ["label": $0.label, "href": urls.link($0.path)] as [String: Any] }
        return theme.renderBytes(template, dict)
    }

    /// Bullets and links of one plan × service, shared by the plan and details pages.
    func serviceSummary(_ level: ServiceLevel) -> [String: Any] {
        let service = self.service(level.serviceID)
        let summary = ServiceSummary(level: level)
        return [
            "id": level.serviceID,
            "title": service?.title ?? level.serviceID,
            "summary": service?.summary ?? "",
            "bullets": summary.bullets,
            "details_href": urls.link(urls.details(plan: level.planID, service: level.serviceID)),
        ]
    }

    /// Title of a service by id (the id when unknown).
    func serviceTitle(_ id: String) -> String { service(id)?.title ?? id }

    /// Title of a plan by id (the id when unknown).
    func planTitle(_ id: String) -> String { context.plan(id)?.title ?? id }
}

/// Values made at most once per key per build, when a page first asks, and shared by the pages
/// rendering in parallel (made outside the lock: two pages may race to make the same one).
final class OncePerKey<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Key: Value] = [:]

    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let hit = made[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = make()
        lock.lock()
        made[key] = value
        lock.unlock()
        return value
    }
}

/// Rendered bodies by id, each prepared for a details or plan page once, when first asked for.
struct PreparedBodies: Sendable {
    let html: [String: String]
    let prepared = OncePerKey<String, String>()

    init(_ html: [String: String]) { self.html = html }

    subscript(id: String) -> String? {
        guard let body = html[id] else { return nil }
        return prepared.value(id) { BodyHTML.prepare(body, top: 3) }
    }
}
