import SLACore

/// `/sitemap.xml`: every page with its absolute URL and a `lastmod` taken from content, never the clock.
struct Sitemap {
    let context: RenderContext
    /// Every language's context, the default first (docs/spec.md §4 Languages); one for a site
    /// with one language.
    var languages: [RenderContext] = []

    func xml(_ jobs: [PageOutputs.Job]) -> String {
        let today = context.figures.now.utcDateString
        func lastmod(_ job: PageOutputs.Job) -> String? { self.lastmod(job, today: today) }
        guard languages.count > 1 else {
            var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for job in jobs {
                out += "  <url><loc>\(Escape.html(context.urls.absolute(PageOutputs.urlPath(of: job, context))))</loc>"
                if let date = lastmod(job) { out += "<lastmod>\(date)</lastmod>" }
                out += "</url>\n"
            }
            return out + "</urlset>\n"
        }
        // Each page once per language, each naming every language's version and x-default
        // (Google's sitemap form of hreflang).
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for job in jobs {
            let urls = languages.map { Escape.html($0.urls.absolute(PageOutputs.urlPath(of: job, $0))) }
            var links = ""
            for (k, c) in languages.enumerated() {
                links += "<xhtml:link rel=\"alternate\" hreflang=\"\(Escape.html(c.language.locale))\" href=\"\(urls[k])\"/>"
            }
            links += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(urls[0])\"/>"
            let date = lastmod(job).map { "<lastmod>\($0)</lastmod>" } ?? ""
            for url in urls { out += "  <url><loc>\(url)</loc>\(date)\(links)</url>\n" }
        }
        return out + "</urlset>\n"
    }

    /// The date of the newest content a page shows; *now*'s date for pages with current figures.
    /// - Parameter today: *now*'s UTC date (`Instant.utcDateString`), made once per sitemap.
    func lastmod(_ job: PageOutputs.Job, today: String) -> String? {
        let now = context.figures.now
        // Never later than *now*'s date (a plan can announce future terms).
        func capped(_ date: String) -> String { min(date, today) }
        switch job {
        case .home, .terms: return context.site.plans.compactMap(planDate).max().map(capped)
        case .plan(let p): return planDate(context.site.plans[p]).map(capped)
        case .version(let p, let k):
            // A version's page changes with its standing, so the plan's latest date, or its own.
            let version = context.figures.versions[p][k]
            return (version.revision.map { $0.date.dateString } ?? planDate(context.site.plans[p])).map(capped)
        case .details, .status, .notFound: return today
        case .incident(let k):
            let incident = context.site.incidents[k]
            switch IncidentPage.State(incident, now: now) {
            case .ongoing: return today
            case .scheduled: return today
            case .resolved: return (incident.end ?? incident.start).utcDateString
            }
        }
    }


    private func planDate(_ plan: Plan) -> String? {
        (plan.revisions.map(\.date.dateString) + [plan.effective?.dateString].compactMap { $0 }).max()
    }
}
