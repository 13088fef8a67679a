import SLACore

/// The HTML pages of SPEC §4, plus sitemap.xml, robots.txt, 404.html and theme assets.
enum PageOutputs {
    /// One page to render; jobs are rendered in parallel.
    enum Job: Sendable {
        case home, terms, status, notFound
        case plan(Int)
        case details(plan: Int, service: Int)
        case incident(Int)
    }

    static func files(_ context: RenderContext) throws -> [OutputFile] {
        let theme = try PageTheme(overrides: context.themeOverrides, urls: context.urls)
        let builder = PageBuilder(context: context, theme: theme)
        let jobs = self.jobs(context)
        let cache = context.pageCache
        let rendered = ParallelWork.map(jobs) { job -> (OutputFile, Bool) in
            let path = path(of: job, context)
            let key = cache == nil ? nil : inputKey(job, context)
            if let key, let hit = cache?.file(path, key: key) { return (hit, true) }
            let file = OutputFile(path: path, text: render(job, builder))
            if let key { cache?.store(file, key: key) }
            return (file, false)
        }
        let reused = rendered.filter(\.1).count
        cache?.record(rendered: rendered.count - reused, reused: reused)
        let pages = rendered.map(\.0)
        for page in pages where !page.isContained {
            throw PageTheme.ThemeError(path: page.path, message: "page path leaves the output folder")
        }
        let sitemap = Sitemap(context: context).xml(jobs.filter { if case .notFound = $0 { false } else { true } })
        return pages + theme.assets + [
            OutputFile(path: "sitemap.xml", text: sitemap),
            OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(context.urls.absolute("sitemap.xml"))\n"),
        ]
    }

    /// Digest of everything a page is made from.
    /// Pages depend on the shared inputs (configuration, theme, plans, services, terms, *now*)
    /// plus their own figures and incidents.
    static func inputKey(_ job: Job, _ context: RenderContext) -> Int {
        var h = Hasher()
        h.combine(context.sharedInputsKey)
        switch job {
        case .home, .terms, .notFound:
            // Made only from shared inputs: the home page shows terms (objectives, credits,
            // support), never month figures.
            break
        case .status:
            for levels in context.figures.plans { for level in levels { h.combine(level.current) } }
            for incident in context.site.incidents { h.combine(incident) }
        case .plan(let p):
            h.combine(context.figures.plans[p])
        case .details(let p, let s):
            let level = context.figures.plans[p][s]
            h.combine(level)
            for k in level.incidentIndices.suffix(DetailsPage.incidentLimit) { h.combine(context.site.incidents[k]) }
        case .incident(let k):
            h.combine(context.site.incidents[k])
        }
        return h.finalize()
    }

    /// Every page of the site in a fixed order.
    static func jobs(_ context: RenderContext) -> [Job] {
        var jobs: [Job] = [.home, .terms, .status, .notFound]
        for (p, levels) in context.figures.plans.enumerated() {
            jobs.append(.plan(p))
            for s in levels.indices { jobs.append(.details(plan: p, service: s)) }
        }
        for k in context.site.incidents.indices { jobs.append(.incident(k)) }
        return jobs
    }

    /// Site-relative URL path of a page (`""` for home, `plans/pro/`).
    static func urlPath(of job: Job, _ context: RenderContext) -> String {
        let urls = context.urls
        switch job {
        case .home: return urls.home
        case .terms: return urls.terms
        case .status: return urls.status
        case .notFound: return "404.html"
        case .plan(let p): return urls.plan(context.site.plans[p].id)
        case .details(let p, let s):
            let level = context.figures.plans[p][s]
            return urls.details(plan: level.planID, service: level.serviceID)
        case .incident(let k): return urls.incident(context.site.incidents[k].id)
        }
    }

    /// File path of a page in the output folder.
    static func path(of job: Job, _ context: RenderContext) -> String {
        let url = urlPath(of: job, context)
        if case .notFound = job { return url }
        return url + "index.html"
    }

    static func render(_ job: Job, _ builder: PageBuilder) -> String {
        let context = builder.context
        switch job {
        case .home: return HomePage(builder: builder).render()
        case .plan(let p): return PlanPage(builder: builder, plan: context.site.plans[p], levels: context.figures.plans[p]).render()
        case .details(let p, let s):
            return DetailsPage(builder: builder, plan: context.site.plans[p], level: context.figures.plans[p][s]).render()
        case .incident(let k): return IncidentPage(builder: builder, index: k).render()
        case .status: return StatusPage(builder: builder).render()
        case .terms:
            return builder.page(
                "terms", path: builder.urls.terms, title: context.site.terms.title,
                description: "General terms of \(context.site.config.provider)'s service level agreements.",
                section: .terms, crumbs: [.init(label: "Overview", path: builder.urls.home)],
                values: ["body": BodyHTML.prepare(context.termsHTML, top: 2)])
        case .notFound:
            return builder.page(
                "404", path: "404.html", title: "Page not found", description: "This page does not exist.",
                section: .none, noindex: true, values: [:])
        }
    }
}
