import Foundation
import SLACore

/// What every renderer reads: the site, its figures, URLs, and each Markdown body rendered once.
public struct RenderContext: Sendable {
    public let site: Site
    public let figures: SiteFigures
    public let urls: SiteURLs
    public let calendar: SiteCalendar
    public let markdown: MarkdownRenderer
    /// Files of the site's own theme folder by relative path; they replace the default theme's.
    public let themeOverrides: [String: [UInt8]]
    public let termsHTML: String
    /// By service id.
    public let serviceHTML: [String: String]
    /// By plan id.
    public let planHTML: [String: String]
    /// Same order as `site.incidents`.
    public let incidentHTML: [String]
    /// Pages of the previous build, reused when their inputs are unchanged (preview).
    public let pageCache: PageCache?
    /// sla.json service objects of the previous build (preview).
    public let jsonCache: FragmentCache?
    /// Digest of every input that is not an incident or a measurement (configuration, theme,
    /// terms, plans, services, *now*); any change to it re-renders every page.
    public let sharedInputsKey: Int
    /// A digest per incident (same order as `site.incidents`) of everything it is made from,
    /// when the caller knows one cheaply (preview: its source file's digest); else nil.
    let incidentDigests: [Int]?
    /// Position of each service in `site.services` by id.
    private let serviceIndex: [String: Int]
    /// The ids of the services each plan covers, in `site.plans` order.
    let coveredServices: [Set<String>]

    /// - Parameter markdownCache: keeps rendered bodies between builds (preview), keyed by their text.
    public init(
        site: Site, figures: SiteFigures, themeOverrides: [String: [UInt8]] = [:], markdownCache: MarkdownCache? = nil,
        pageCache: PageCache? = nil, jsonCache: FragmentCache? = nil, sharedInputsKey: Int = 0,
        incidentDigests: [Int]? = nil
    ) {
        self.incidentDigests = incidentDigests.flatMap { $0.count == site.incidents.count ? $0 : nil }
        self.pageCache = pageCache
        self.jsonCache = jsonCache
        self.sharedInputsKey = sharedInputsKey
        self.site = site
        self.figures = figures
        self.serviceIndex = Dictionary(site.services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.coveredServices = site.plans.map { Set($0.services.map(\.id)) }
        self.urls = SiteURLs(baseURL: site.config.baseURL)
        self.calendar = SiteCalendar(timeZone: site.config.timeZone)
        let markdown = MarkdownRenderer(unsafe: site.config.markdownUnsafe)
        self.markdown = markdown
        self.themeOverrides = themeOverrides
        // Render every body once, on all cores; pages and feeds share the HTML.
        let bodies = [site.terms.body] + site.services.map(\.body) + site.plans.map(\.body) + site.incidents.map(\.body)
        // Kept bodies first (one pass, no threads), then the rest on all cores.
        var found: [String?] = markdownCache?.lookup(bodies, unsafe: markdown.unsafe)
            ?? Array(repeating: nil, count: bodies.count)
        let missing = found.indices.filter { found[$0] == nil }
        let rendered = ParallelWork.map(missing) { markdown.html(bodies[$0]) }
        for (k, out) in zip(missing, rendered) { found[k] = out }
        var k = 0
        let html = found.map { $0! }
        markdownCache?.keep(bodies, html, unsafe: markdown.unsafe)
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
        incidentHTML = Array(html[k...])
    }

    /// What a page keys on for incident `k`: its digest, or the incident itself.
    func combine(incident k: Int, into h: inout Hasher) {
        if let incidentDigests { h.combine(incidentDigests[k]) } else { h.combine(site.incidents[k]) }
    }

    public func service(_ id: String) -> Service? { serviceIndex[id].map { site.services[$0] } }

    public func plan(_ id: String) -> Plan? { site.plans.first { $0.id == id } }
}

/// Rendered Markdown bodies kept between builds, keyed by their text.
public final class MarkdownCache: @unchecked Sendable {
    private let lock = NSLock()
    /// The previous build's bodies and their HTML, in the order of that build's list.
    private var previous: [(body: String, html: String)] = []
    private var previousUnsafe = false

    public init() {}

    /// The kept HTML of each body, nil where it must be rendered. A body is looked for at the
    /// same place in the previous build's list first (an unchanged body is the same string there,
    /// compared without reading it), then, when several moved (an incident added, removed or
    /// moved in time), by its text. One edited body is just rendered: hashing every kept text to
    /// look it up would cost more than rendering it.
    func lookup(_ bodies: [String], unsafe: Bool) -> [String?] {
        lock.lock()
        defer { lock.unlock() }
        guard unsafe == previousUnsafe else { return Array(repeating: nil, count: bodies.count) }
        let kept = previous
        var found: [String?] = []
        found.reserveCapacity(bodies.count)
        var misses: [Int] = []
        for (k, body) in bodies.enumerated() {
            if k < kept.count && kept[k].body == body {
                found.append(kept[k].html)
            } else {
                found.append(nil)
                misses.append(k)
            }
        }
        if misses.count > 1 {
            let byText = Dictionary(kept.map { ($0.body, $0.html) }, uniquingKeysWith: { a, _ in a })
            for k in misses { found[k] = byText[bodies[k]] }
        }
        return found
    }

    /// Keeps this build's bodies and HTML (and only those).
    func keep(_ bodies: [String], _ html: [String], unsafe: Bool) {
        lock.lock()
        previous = Array(zip(bodies, html))
        previousUnsafe = unsafe
        lock.unlock()
    }
}

/// Rendered pages kept between builds (preview), each with the digest of what it was made from.
public final class PageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (key: Int, file: OutputFile)] = [:]
    /// How many pages the last build rendered and reused (for reports and tests).
    public private(set) var lastRendered = 0
    public private(set) var lastReused = 0

    public init() {}

    /// Every kept page as it is now, for lookups without the lock while a build renders.
    func snapshot() -> [String: (key: Int, file: OutputFile)] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    func store(_ file: OutputFile, key: Int) {
        lock.lock()
        entries[file.path] = (key, file)
        lock.unlock()
    }

    func record(rendered: Int, reused: Int) {
        lock.lock()
        lastRendered = rendered
        lastReused = reused
        lock.unlock()
    }
}
