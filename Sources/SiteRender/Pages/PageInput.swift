import BuildSupport
import SLACore

/// What every page is also made from: the site without its status data, *now* and the theme's
/// files. The preview keeps pages only while this value is equal (compared once per build).
struct PageScope: Hashable, Sendable {
    var site: Site
    var now: Instant
    var theme: ThemeInput

    /// The site as pages see it: incidents and measurements come only through `PageInput`.
    static func site(_ site: Site) -> Site {
        var out = site
        out.incidents = []
        out.measurements = []
        return out
    }
}

/// What maintenance.ics events and badges are also made from: the site without its status data
/// and *now* (their keys are their incident or level).
struct SiteScope: Hashable, Sendable {
    var site: Site
    var now: Instant

    init(_ context: RenderContext) {
        site = PageScope.site(context.site)
        now = context.figures.now
    }
}

/// What the compiled theme is made from (the key of the kept theme).
struct ThemeInput: Hashable, Sendable {
    var overrides: [String: ByteKey]
    var baseURL: String
}

/// Everything one page is made from besides its scope, as one value: the page's key. Pages read
/// their status data only from here (`PageBuilder` has none), so nothing they show is missing
/// from the key.
enum PageInput: Hashable, Sendable {
    case home(levels: [[ServiceLevel]])
    case terms
    case notFound
    case status(StatusInput)
    case plan(Int, levels: [ServiceLevel])
    case details(plan: Int, level: ServiceLevel, incidents: [Incident], incidentCount: Int)
    case incident(Incident, html: String)

    /// The status page's figures and incidents.
    struct StatusInput: Hashable, Sendable {
        /// Each plan × service with its current month only.
        var levels: [[ServiceLevel]]
        var open: [Incident]
        var scheduled: [Incident]
        var recent: [Incident]
    }
}

extension ServiceLevel {
    /// The level as a page or a piece of sla.json sees it: terms and months, without the
    /// positions of its incidents in the site's list (which shift when one is added before).
    var withoutIncidentList: ServiceLevel {
        var out = self
        out.incidentIndices = []
        return out
    }
}

extension Incident {
    /// The incident as a list line sees it: without its report.
    var withoutBody: Incident {
        var out = self
        out.body = ""
        return out
    }
}
