import SLACore

/// The HTML pages of SPEC §4, plus sitemap.xml, robots.txt, 404.html and theme assets.
enum PageOutputs {
    /// One page to render; jobs are rendered in parallel.
    enum Job: Sendable {
        case home, terms, status, notFound
        case plan(Int)
        case details(plan: Int, service: Int)
        case incident(Int)

        /// Which kind of page, for keys.
        var kind: Int {
            switch self {
            case .home: 0
            case .terms: 1
            case .status: 2
            case .notFound: 3
            case .plan: 4
            case .details: 5
            case .incident: 6
            }
        }
    }

    /// The pages of one build, ready to render one job at a time (so the caller can spread
    /// them over all cores together with the other outputs).
    struct Run: Sendable {
        let context: RenderContext
        let theme: PageTheme
        let builder: PageBuilder
        let jobs: [Job]
        /// What page keys are made of, computed once per build (preview only; nil otherwise).
        let digests: Digests?
        /// The preview's kept pages at the start of the build.
        let kept: [String: (key: Int, file: OutputFile)]

        struct Digests: Sendable {
            /// Per plan × service, a digest of its figures and terms.
            var levels: [[Int]]
            /// A digest of what the status page shows.
            var status: Int
        }

        /// Digests of each level's figures, when the preview's caches are on (sla.json keys on them too).
        var levelDigests: [[Int]]? { digests?.levels }

        init(_ context: RenderContext) throws {
            self.context = context
            if let cache = context.jsonCache {
                var h = Hasher()
                h.combine(context.urls.baseURL)
                for path in context.themeOverrides.keys.sorted() {
                    h.combine(path)
                    h.combine(context.themeOverrides[path])
                }
                theme = try cache.theme(h.finalize()) { try PageTheme(overrides: context.themeOverrides, urls: context.urls) }
            } else {
                theme = try PageTheme(overrides: context.themeOverrides, urls: context.urls)
            }
            builder = PageBuilder(context: context, theme: theme)
            jobs = PageOutputs.jobs(context)
            kept = context.pageCache?.snapshot() ?? [:]
            if context.pageCache != nil {
                // The figures' input digests when computed with a cache, else their own hash.
                let levels = context.figures.inputKeys ?? ParallelWork.map(context.figures.plans) { levels in
                    levels.map { level in
                        var h = Hasher()
                        h.combine(level)
                        return h.finalize()
                    }
                }
                var h = Hasher()
                for levels in context.figures.plans { for level in levels { h.combine(level.current) } }
                let listed = StatusPage.listed(context.site, now: context.figures.now)
                for k in listed.open + [-1] + listed.scheduled + [-1] + listed.recent {
                    if k >= 0 { context.combine(incident: k, into: &h) } else { h.combine(-1) }
                }
                digests = Digests(levels: levels, status: h.finalize())
            } else {
                digests = nil
            }
        }

        /// Renders one page, or takes it from the preview's cache when its inputs are unchanged
        /// (`reused` is then true).
        func file(_ job: Job) -> (file: OutputFile, reused: Bool) {
            let path = PageOutputs.path(of: job, context)
            let cache = context.pageCache
            let key = digests.map { PageOutputs.inputKey(job, context, $0) }
            if let key, let hit = kept[path], hit.key == key { return (hit.file, true) }
            let file = OutputFile(path: path, bytes: PageOutputs.render(job, builder))
            if let key { cache?.store(file, key: key) }
            return (file, false)
        }

        /// Everything but the pages: theme assets, sitemap.xml, robots.txt.
        func siteFiles() -> [OutputFile] {
            let listed = jobs.filter { if case .notFound = $0 { false } else { true } }
            let sitemap: [UInt8]
            if let cache = context.jsonCache {
                // Page URLs and lastmod dates come from the shared inputs (with *now*) and each
                // incident's id, start and end.
                var h = Hasher()
                h.combine("sitemap.xml")
                h.combine(context.sharedInputsKey)
                for incident in context.site.incidents {
                    h.combine(incident.id)
                    h.combine(incident.start)
                    h.combine(incident.end)
                }
                sitemap = cache.bytes(h.finalize()) { Array(Sitemap(context: context).xml(listed).utf8) }
            } else {
                sitemap = Array(Sitemap(context: context).xml(listed).utf8)
            }
            return theme.assets + [
                OutputFile(path: "sitemap.xml", bytes: sitemap),
                OutputFile(
                    path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(context.urls.absolute("sitemap.xml"))\n"),
            ]
        }
    }

    static func checkContained(_ pages: [OutputFile]) throws {
        for page in pages where !page.isContained {
            throw PageTheme.ThemeError(path: page.path, message: "page path leaves the output folder")
        }
    }

    /// Digest of everything a page is made from (preview): the shared inputs (configuration,
    /// theme, plans, services, terms, *now*) plus the page's own figures and incidents.
    static func inputKey(_ job: Job, _ context: RenderContext, _ digests: Run.Digests) -> Int {
        var h = Hasher()
        h.combine(context.sharedInputsKey)
        h.combine(job.kind)
        switch job {
        case .home, .terms, .notFound:
            // Made only from shared inputs: the home page shows terms (objectives, credits,
            // support), never month figures.
            break
        case .status:
            h.combine(digests.status)
        case .plan(let p):
            h.combine(digests.levels[p])
        case .details(let p, let s):
            h.combine(digests.levels[p][s])
            for k in context.figures.plans[p][s].incidentIndices.suffix(DetailsPage.incidentLimit) {
                context.combine(incident: k, into: &h)
            }
        case .incident(let k):
            context.combine(incident: k, into: &h)
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

    static func render(_ job: Job, _ builder: PageBuilder) -> [UInt8] {
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
