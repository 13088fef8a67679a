import SLACore

/// The site's URL layout (docs/spec.md §4): every page URL ends in `/` and is served by its `index.html`.
public struct SiteURLs: Sendable {
    /// Absolute, ending in `/`.
    public let baseURL: String
    /// Path part of the base URL, e.g. `/` or `/sla/`; pages link with it so the site works in a subfolder.
    public let basePath: String

    /// The folder of the language the pages are in: `""` for the default language, `de/` for
    /// another (docs/spec.md §4 Languages). Badges, sla.json and assets are outside it.
    public let language: String

    public init(baseURL: String, language: String = "") {
        self.baseURL = baseURL
        self.language = language
        var path = "/"
        if let schemeEnd = baseURL.range(of: "://") {
            let afterScheme = baseURL[schemeEnd.upperBound...]
            if let slash = afterScheme.firstIndex(of: "/") { path = String(afterScheme[slash...]) }
        }
        basePath = path.hasSuffix("/") ? path : path + "/"
    }

    // Site-relative paths (no leading slash), as written to the output folder.
    public var home: String { language }
    public var terms: String { language + "terms/" }
    public var status: String { language + "status/" }
    public func plan(_ id: String) -> String { language + "plans/\(id)/" }
    public func details(plan: String, service: String) -> String { language + "plans/\(plan)/\(service)/" }
    /// docs/spec.md §4: one version of a plan's terms, by its effective day.
    public func version(plan: String, effective: CalendarDay) -> String { language + "plans/\(plan)/versions/\(effective)/" }
    public func incident(_ id: String) -> String { language + "incidents/\(id)/" }
    /// A file every language has its own of (`feed.json`, `404.html`), in this language's folder.
    public func inLanguage(_ path: String) -> String { language + path }
    public func badge(plan: String, service: String) -> String { "badges/\(plan)/\(service).svg" }

    /// Root-relative link for pages, e.g. `/sla/plans/pro/`.
    public func link(_ path: String) -> String { basePath + path }

    /// Absolute URL, e.g. `https://sla.example.com/plans/pro/`.
    public func absolute(_ path: String) -> String { baseURL + path }
}
