import BuildSupport
import Foundation
import SLACore

/// What every renderer reads: the site, its figures, URLs, and each Markdown body rendered once.
public struct RenderContext: Sendable {
    public let site: Site
    public let figures: SiteFigures
    public let urls: SiteURLs
    public let calendar: SiteCalendar
    /// The site's strings and its language's CLDR forms (docs/spec.md §4 Languages).
    public let text: PageText
    /// The language these outputs are in (docs/spec.md §2 `languages`), and all of the site's.
    public let language: Language
    public let languages: [Language]
    /// Whether this is the default language (at the site's root; it alone writes sla.json,
    /// the schemas, badges, the sitemap and the assets).
    public var isDefaultLanguage: Bool { language == languages[0] }
    public let markdown: MarkdownRenderer
    /// Files of the site's own theme folder by relative path; they replace the default theme's.
    public let themeOverrides: [String: [UInt8]]
    public let termsHTML: String
    /// By service id, prepared for the details pages (`BodyHTML.prepare(_:top: 3)`): only that
    /// copy is kept, so a large body is held once (issue 28).
    public let serviceHTML: [String: String]
    /// By plan id, prepared for the plan and details pages like `serviceHTML`.
    public let planHTML: [String: String]
    /// Same order as `site.incidents`.
    public let incidentHTML: IncidentBodies
    /// Per incident (same order as `site.incidents`), each update's note rendered, in order.
    public let updateHTML: [[String]]
    /// What the previous build made, keyed by complete values (preview); nil in a one-off build.
    public let reuse: (any Reusing)?
    /// The site without its status data, and *now*: what every page and piece also reads.
    let scope: SiteScope
    /// Position of each service in `site.services` by id.
    private let serviceIndex: [String: Int]
    /// The ids of the services each plan covers, in `site.plans` order.
    let coveredServices: [Set<String>]
    /// The ids of the composite services (docs/spec.md §3), in `site.services` order.
    let compositeIDs: [String]

    /// - Parameters:
    ///   - language: the index in `site.config.languages` of the language to render (its text
    ///     from `site.localized`; the figures are the same value for every language).
    ///   - shared: the default language's context: its HTML is taken for every body the
    ///     translation leaves as it is, so an untranslated body is rendered once per build.
    public init(
        site original: Site, figures: SiteFigures, themeOverrides: [String: [UInt8]] = [:], reuse: (any Reusing)? = nil,
        language index: Int = 0, shared: RenderContext? = nil
    ) {
        let languages = original.config.languages
        let language = languages[index]
        // The default language's pages read no translation: editing one leaves them as they are.
        var site = original.localized(language.code)
        if index == 0 { site.translations = [:] }
        self.language = language
        self.languages = languages
        self.reuse = reuse
        self.site = site
        scope = SiteScope(site: site, now: figures.now)
        self.figures = figures
        self.serviceIndex = Dictionary(site.services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.coveredServices = site.plans.map { Set($0.services.map(\.id)) }
        self.compositeIDs = site.services.filter(\.isComposite).map(\.id)
        self.urls = SiteURLs(baseURL: site.config.baseURL, language: index == 0 ? "" : language.code + "/")
        self.calendar = site.config.calendar
        text = PageText(
            strings: LanguageStrings.table(for: index, of: site.config),
            format: LocaleFormat(identifier: language.locale, calendar: site.config.calendar))
        let markdown = MarkdownRenderer(unsafe: site.config.markdownUnsafe)
        self.markdown = markdown
        self.themeOverrides = themeOverrides
        // Render every body once, on all cores; pages and feeds share the HTML.
        let notes = site.incidents.flatMap { incident in incident.updates.map(\.note) }
        let bodies = [site.terms.body] + site.services.map(\.body) + site.plans.map(\.body) + site.incidents.map(\.body) + notes
        // Each body's slot is the file it comes from (an update's note: the file and its place).
        let slots = ["terms"] + site.services.map { "service " + $0.id } + site.plans.map { "plan " + $0.id }
            + site.incidents.map { "incident " + $0.id }
            + site.incidents.flatMap { incident in incident.updates.indices.map { "update \($0) " + incident.id } }
        // Service and plan bodies appear only at heading level 3 (details and plan pages): they
        // are kept prepared, never also as cmark-gfm wrote them.
        let firstIncident = 1 + site.services.count + site.plans.count
        let preparedRange = 1..<firstIncident
        let sharedBodies = shared.map { Self.bodies(of: $0.site) }
        let sharedHTML = shared.map(\.allHTML)
        // WCAG 2.2 3.1.2 (Language of Parts): a body this language's translation leaves as it
        // is stays in the default language, and says so, so a screen reader reads it with that
        // language's rules (docs/languages.md).
        let fallback = index == 0 ? nil : languages[0].locale
        // A body the default language rendered already (this language leaves it as it is) is
        // taken from there; the others are rendered here.
        let incidentRange = firstIncident..<(firstIncident + site.incidents.count)
        // A one-off build of a site in one language renders each incident's body when its page
        // (or feed item) is made, and keeps none: held for every incident until the last page,
        // they were 4 MB of a 20 × 50 × 2,000 build's peak (issue 23). The preview keeps them
        // (its store keys pages by them) and other languages share them.
        let onDemand = reuse == nil && shared == nil && languages.count == 1
        let own: [Int] = bodies.indices.filter { i in
            !(onDemand && incidentRange.contains(i)) && !(sharedBodies.map { i < $0.count && $0[i] == bodies[i] } ?? false)
        }
        let inputs = own.map { MarkdownInput(body: bodies[$0], unsafe: markdown.unsafe, preparedTop: preparedRange.contains($0) ? 3 : nil) }
        // The preview keeps them together under every body's slot and input (`KeptParts`): when
        // one body changed, only it is rendered again.
        let rendered = reuse.parts(.markdown, at: "bodies", names: own.map { slots[$0] }, inputs: inputs) { todo in
            ParallelWork.map(todo.map { inputs[$0] }) { $0.render(markdown) }
        }
        var html = Array(repeating: "", count: bodies.count)
        var isOwn = Array(repeating: false, count: bodies.count)
        for (k, i) in own.enumerated() {
            html[i] = rendered[k]
            isOwn[i] = true
        }
        if let sharedHTML {
            for i in bodies.indices where !isOwn[i] {
                guard let fallback, BodyHTML.hasText(sharedHTML[i]) else {
                    html[i] = sharedHTML[i]
                    continue
                }
                html[i] = "<div lang=\"\(fallback)\">\n" + sharedHTML[i] + "</div>\n"
            }
        }
        var k = 0
        termsHTML = html[k]
        k += 1
        var services: [String: String] = [:]
        for s in site.services {
            services[s.id] = html[k]
            k += 1
        }
        serviceHTML = services
        var plans: [String: String] = [:]
        for p in site.plans {
            plans[p.id] = html[k]
            k += 1
        }
        planHTML = plans
        incidentHTML = onDemand
            ? IncidentBodies(onDemand: Array(bodies[incidentRange]), markdown: markdown)
            : IncidentBodies(rendered: Array(html[k..<(k + site.incidents.count)]))
        k += site.incidents.count
        var updates: [[String]] = []
        updates.reserveCapacity(site.incidents.count)
        for incident in site.incidents {
            updates.append(Array(html[k..<(k + incident.updates.count)]))
            k += incident.updates.count
        }
        updateHTML = updates
    }

    /// Every body in the order `init` renders them: terms, services, plans, incidents, notes.
    static func bodies(of site: Site) -> [String] {
        let notes = site.incidents.flatMap { incident in incident.updates.map(\.note) }
        return [site.terms.body] + site.services.map(\.body) + site.plans.map(\.body) + site.incidents.map(\.body) + notes
    }

    /// Every body's HTML in the order of `bodies(of:)`.
    var allHTML: [String] {
        [termsHTML] + site.services.map { serviceHTML[$0.id] ?? "" } + site.plans.map { planHTML[$0.id] ?? "" }
            + incidentHTML.indices.map { incidentHTML[$0] } + updateHTML.flatMap { $0 }
    }

    public func service(_ id: String) -> Service? { serviceIndex[id].map { site.services[$0] } }

    public func plan(_ id: String) -> Plan? { site.plans.first { $0.id == id } }
}

/// Each incident's body as HTML, in `site.incidents` order: rendered once for all, or (a one-off
/// build in one language) when asked for, from its Markdown, the same way (`MarkdownInput`).
public struct IncidentBodies: Sendable {
    private let rendered: [String]?
    private let sources: [String]
    private let markdown: MarkdownRenderer?

    init(rendered: [String]) {
        self.rendered = rendered
        sources = []
        markdown = nil
    }

    init(onDemand sources: [String], markdown: MarkdownRenderer) {
        rendered = nil
        self.sources = sources
        self.markdown = markdown
    }

    public var indices: Range<Int> { 0..<(rendered?.count ?? sources.count) }

    public subscript(k: Int) -> String {
        if let rendered { return rendered[k] }
        return MarkdownInput(body: sources[k], unsafe: markdown!.unsafe).render(markdown!)
    }
}

/// What rendering one Markdown body reads (the key of its kept HTML).
struct MarkdownInput: Hashable, Sendable {
    var body: String
    var unsafe: Bool
    /// The heading level the HTML is prepared for (`BodyHTML.prepare`); nil keeps it as rendered.
    var preparedTop: Int? = nil

    func render(_ markdown: MarkdownRenderer) -> String {
        let html = markdown.html(body)
        return preparedTop.map { BodyHTML.prepare(html, top: $0) } ?? html
    }
}
