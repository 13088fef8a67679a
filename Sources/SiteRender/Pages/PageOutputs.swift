import BuildSupport
import SLACore

/// The HTML pages of docs/spec.md §4, plus sitemap.xml, robots.txt, 404.html and theme assets.
enum PageOutputs {
    /// One page to render; jobs are rendered in parallel.
    enum Job: Sendable {
        case home, terms, status, notFound
        case plan(Int)
        case details(plan: Int, service: Int)
        case incident(Int)
        case version(plan: Int, index: Int)
    }

    /// The pages of one build, ready to render one job at a time (so the caller can spread
    /// them over all cores together with the other outputs).
    struct Run: Sendable {
        let context: RenderContext
        let theme: PageTheme
        let builder: PageBuilder
        let jobs: [Job]
        /// The status page's input, made once.
        private let status: PageInput.StatusInput
        /// Where each service's level stands in each plan (for the incident pages' counting plans).
        private let levelIndex: LevelIndex
        /// Each incident as a list line sees it (without its report), one instance per build for
        /// every page that lists it; the preview keeps an unchanged one (`canonical`).
        private let listed: [Shared<Incident>?]

        init(_ context: RenderContext) throws(ThemeError) {
            self.context = context
            let themeInput = ThemeInput(
                overrides: context.themeOverrides.mapValues(ByteKey.init), baseURL: context.urls.baseURL)
            // The preview keeps a theme that fails too: the same files fail the same way.
            theme = try context.reuse.value(.theme, at: "theme", for: themeInput) {
                Result { () throws(ThemeError) in try PageTheme(overrides: context.themeOverrides, urls: context.urls) }
            }.get()
            builder = PageBuilder(context: context, theme: theme)
            jobs = PageOutputs.jobs(context)
            status = PageOutputs.statusInput(context)
            levelIndex = PageOutputs.levelIndex(context)
            listed = PageOutputs.listed(context)
            context.reuse?.scope(.pages, PageScope(site: context.scope, theme: themeInput))
        }

        /// Renders one page, or takes it from the preview's store when its input is unchanged.
        func file(_ job: Job) -> OutputFile {
            let input = PageOutputs.input(job, context, status: status, levelIndex: levelIndex, listed: listed)
            let path = PageOutputs.path(of: job, context)
            return OutputFile(path: path, bytes: context.reuse.value(.pages, at: path, for: input) { PageOutputs.render(input, builder) })
        }

        /// Everything but the pages: theme assets, sitemap.xml (every language's pages, with
        /// their alternates), robots.txt.
        /// - Parameter languages: every language's run, the default (this one) first.
        func siteFiles(languages: [Run]) -> [OutputFile] {
            let listed = jobs.filter { if case .notFound = $0 { false } else { true } }
            return theme.assets + [
                OutputFile(path: "sitemap.xml", text: Sitemap(context: context, languages: languages.map(\.context)).xml(listed)),
                OutputFile(
                    path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(context.urls.absolute("sitemap.xml"))\n"),
            ]
        }
    }

    /// What page `job` is made from besides the scope (see `PageInput`).
    static func input(
        _ job: Job, _ context: RenderContext, status: PageInput.StatusInput, levelIndex: LevelIndex,
        listed: [Shared<Incident>?]
    ) -> PageInput {
        let figures = context.figures
        switch job {
        case .home:
            // The overview shows terms, never month figures.
            // The promises in force: a service a revision dropped is not one.
            return .home(
                levels: figures.plans.map { $0.filter(\.coveredNow).map(Self.termsOnly) },
                // The next version of each plan's terms, when one is published ahead.
                upcoming: figures.versions.indices.map { p in
                    let next = figures.currentVersion[p] + 1
                    return next < figures.versions[p].count ? figures.versions[p][next].effective : nil
                })
        case .terms: return .terms
        case .notFound: return .notFound
        case .status: return .status(status)
        case .plan(let p):
            // The plan page shows terms, never month or day figures.
            return .plan(p, levels: figures.plans[p].map(Self.termsOnly), versions: figures.versions[p], current: figures.currentVersion[p])
        case .details(let p, let s):
            let counting = figures.counting[p][s]
            // The most recent incidents, newest first (docs/spec.md §4: details pages stay small).
            let newest = counting.suffix(DetailsPage.incidentLimit).reversed().map { listed[$0] ?? Shared(context.site.incidents[$0].withoutBody) }
            let level = figures.plans[p][s]
            return .details(
                plan: p, level: level, incidents: newest, incidentCount: counting.count,
                linkedParts: level.parts.filter { levelIndex.byPlan[p][$0] != nil })
        case .incident(let k):
            let incident = context.site.incidents[k]
            // What it counted where depends on the figures and on which services it affects at
            // which weight: kept under the figures' identity (made once per computation).
            let key = IncidentCountedKey(
                figures: figures.made, incident: k, services: incident.services, impact: incident.impact, weight: incident.weight,
                composites: context.compositeIDs)
            let (counted, through) = context.reuse.value(.canonical, at: "counted " + incident.id, for: key) {
                Self.counted(k, incident, context, levelIndex: levelIndex)
            }
            // The timeline as posted by *now* (a prefix: updates are in time order).
            let posted = incident.updates.prefix { $0.at <= figures.now }.count
            return .incident(
                incident, html: context.incidentHTML[k], notes: Array(context.updateHTML[k].prefix(posted)), counted: counted,
                through: through)
        case .version(let p, let k):
            return .version(plan: p, index: k, versions: figures.versions[p], current: figures.currentVersion[p])
        }
    }

    /// Per affected service, then per composite it counts toward through a part, the plans whose
    /// figures count incident `k`, and those composites (docs/spec.md §3, from the figures).
    static func counted(
        _ k: Int, _ incident: Incident, _ context: RenderContext, levelIndex: LevelIndex
    ) -> (counted: [[PageInput.CountedAt]], through: [String]) {
        let figures = context.figures
        // Per affected service, the plans whose figures count it (docs/spec.md §3, from the figures).
        // docs/spec.md §3 Composite services: the composites that count it through a part.
        let through = context.compositeIDs.filter { id in
            guard !incident.services.contains(id), let levels = levelIndex.byService[id] else { return false }
            return levels.indices.contains { p in levels[p].map { Self.sortedContains(figures.counting[p][$0], k) } ?? false }
        }
        let counted = (incident.services + through).map { serviceID in
            // One lookup per service, not one per plan (5,000 incident pages × 50 plans).
            let levels = levelIndex.byService[serviceID] ?? []
            return levels.indices.compactMap { p -> PageInput.CountedAt? in
                // Counting lists are in incident order: a binary search, not a scan.
                guard let s = levels[p], let position = Self.sortedIndex(figures.counting[p][s], k) else { return nil }
                // What it counted, month by month, is read from the level's inputs when the page
                // is rendered (or its key compared with another level's): `CountedAt.counted`.
                let weight = incident.weight ?? figures.plans[p][s].terms.impactWeights[incident.impact]
                return .init(
                    plan: p, weight: weight, level: figures.inputs[p][s], position: position, figures: figures.plans[p][s].months)
            }
        }
        return (counted, Array(through))
    }

    /// Each incident a details page lists (one of a level's newest), as a list line sees it: one
    /// instance per build for every page that lists it, the last build's where equal.
    static func listed(_ context: RenderContext) -> [Shared<Incident>?] {
        var isListed = Array(repeating: false, count: context.site.incidents.count)
        for levels in context.figures.counting {
            for counting in levels { for k in counting.suffix(DetailsPage.incidentLimit) { isListed[k] = true } }
        }
        let listedNow = isListed
        return ParallelWork.map(Array(context.site.incidents.indices)) { k in
            guard listedNow[k] else { return nil }
            let incident = context.site.incidents[k]
            return context.reuse.canonical(at: "listed " + incident.id, incident.withoutBody)
        }
    }

    /// A level without its month and day figures: what the overview and the plan pages show of
    /// it (so their keys hold no figure they do not show).
    static func termsOnly(_ level: ServiceLevel) -> ServiceLevel {
        var terms = level
        terms.months = []
        terms.days = []
        return terms
    }

    /// Where each service's level stands in `figures.plans`, looked up by plan or by service.
    struct LevelIndex {
        /// Per plan, each service's level index.
        var byPlan: [[String: Int]]
        /// Per service, its level index in each plan (nil where the plan has none).
        var byService: [String: [Int?]]
    }

    static func levelIndex(_ context: RenderContext) -> LevelIndex {
        let byPlan = context.figures.plans.map { levels in
            Dictionary(levels.enumerated().map { ($1.serviceID, $0) }, uniquingKeysWith: { a, _ in a })
        }
        var byService: [String: [Int?]] = [:]
        for (p, levels) in byPlan.enumerated() {
            for (service, s) in levels { byService[service, default: Array(repeating: nil, count: byPlan.count)][p] = s }
        }
        return LevelIndex(byPlan: byPlan, byService: byService)
    }

    /// Whether ascending `list` holds `value`.
    static func sortedContains(_ list: [Int], _ value: Int) -> Bool { sortedIndex(list, value) != nil }

    /// The index of `value` in ascending `list`, if it is there.
    static func sortedIndex(_ list: [Int], _ value: Int) -> Int? {
        let lo = lowerBound(list.count) { list[$0] < value }
        return lo < list.count && list[lo] == value ? lo : nil
    }

    /// The first index in `0..<count` for which `before` is false (`before` holds for a prefix).
    static func lowerBound(_ count: Int, _ before: (Int) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The status page's input: each level's current month and the incidents it lists.
    static func statusInput(_ context: RenderContext) -> PageInput.StatusInput {
        let site = context.site
        let listed = StatusPage.listed(site, now: context.figures.now)
        let state = CurrentState(site: site, now: context.figures.now)
        // What it shows of the figures, made once per computation of them (kept under their identity).
        let shown = context.reuse.value(
            .canonical, at: "status figures", for: StatusFiguresKey(figures: context.figures.made, services: site.services.map(\.id))
        ) { () -> (levels: [[ServiceLevel]], serviceDays: [[DayFigure]]) in
            // Issue 16: a service's bar is the worst of its plans' days (docs/outputs.md).
            var levelDays: [String: [[DayFigure]]] = [:]
            for levels in context.figures.plans {
                for level in levels { levelDays[level.serviceID, default: []].append(level.days) }
            }
            let levels = context.figures.plans.map { $0.filter(\.coveredNow).map { level in
                var current = level
                current.months = level.current.map { [$0] } ?? []
                current.days = []
                return current
            } }
            return (levels, site.services.map { DayFigure.worst(of: levelDays[$0.id] ?? []) })
        }
        return PageInput.StatusInput(
            levels: shown.levels,
            state: state,
            serviceDays: shown.serviceDays,
            // The one definition of what is open at now (the headline's and status.json's).
            open: state.open.map { site.incidents[$0].withoutBody },
            scheduled: listed.scheduled.map { site.incidents[$0].withoutBody },
            recent: listed.recent.map { site.incidents[$0].withoutBody })
    }

    /// The first page whose path leaves the output folder, as a theme error (a theme's asset
    /// names can make such paths).
    static func uncontained(_ pages: [OutputFile]) -> ThemeError? {
        pages.first { !$0.isContained }.map { ThemeError(path: $0.path, message: "page path leaves the output folder") }
    }

    /// Every page of the site in a fixed order.
    static func jobs(_ context: RenderContext) -> [Job] {
        var jobs: [Job] = [.home, .terms, .status, .notFound]
        for (p, levels) in context.figures.plans.enumerated() {
            jobs.append(.plan(p))
            for s in levels.indices { jobs.append(.details(plan: p, service: s)) }
            // A page per version once the plan has more than one (docs/spec.md §4).
            let versions = context.figures.versions[p]
            if versions.count > 1 { for k in versions.indices { jobs.append(.version(plan: p, index: k)) } }
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
        case .notFound: return urls.inLanguage("404.html")
        case .plan(let p): return urls.plan(context.site.plans[p].id)
        case .details(let p, let s):
            let level = context.figures.plans[p][s]
            return urls.details(plan: level.planID, service: level.serviceID)
        case .incident(let k): return urls.incident(context.site.incidents[k].id)
        case .version(let p, let k):
            return urls.version(plan: context.site.plans[p].id, effective: context.figures.versions[p][k].effective)
        }
    }

    /// File path of a page in the output folder.
    static func path(of job: Job, _ context: RenderContext) -> String {
        let url = urlPath(of: job, context)
        if case .notFound = job { return url }
        return url + "index.html"
    }

    /// The page of `input`: reads only the input and the builder (the scope).
    static func render(_ input: PageInput, _ builder: PageBuilder) -> [UInt8] {
        let site = builder.site
        switch input {
        case .home(let levels, let upcoming): return HomePage(builder: builder, levels: levels, upcoming: upcoming).render()
        case .plan(let p, let levels, let versions, let current):
            return PlanPage(builder: builder, plan: site.plans[p], levels: levels, versions: versions, current: current).render()
        case .details(let p, let level, let incidents, let count, let linkedParts):
            return DetailsPage(
                builder: builder, plan: site.plans[p], level: level, incidents: incidents.map(\.value), incidentCount: count,
                linkedParts: linkedParts
            ).render()
        case .incident(let incident, let html, let notes, let counted, let through):
            return IncidentPage(
                builder: builder, incident: incident, html: html, notes: notes, counted: counted.map { $0.map(\.counted) },
                through: through
            ).render()
        case .version(let p, let k, let versions, let current):
            return VersionPage(builder: builder, plan: site.plans[p], versions: versions, index: k, current: current).render()
        case .status(let status): return StatusPage(builder: builder, input: status).render()
        case .terms:
            return builder.page(
                "terms", path: builder.urls.terms, title: site.terms.title,
                description: builder.strings(.termsDescription, ["provider": site.config.provider]),
                section: .terms, crumbs: [.init(label: builder.strings[.navOverview], path: builder.urls.home)],
                values: ["body": BodyHTML.prepare(builder.termsHTML, top: 2), "has_body": BodyHTML.hasText(builder.termsHTML)])
        case .notFound:
            return builder.page(
                "404", path: builder.urls.inLanguage("404.html"), title: builder.strings[.notFoundTitle], description: builder.strings[.notFoundDescription],
                section: .none, noindex: true, values: [:])
        }
    }
}

/// What an incident page's counting plans are read from: the figures, by identity (a value's
/// `SiteFigures.made` is new whenever figures are made or changed, so the same one holds the
/// same figures; another is a miss, never a stale value), and what the incident says about
/// where it counts.
struct IncidentCountedKey: Equatable, Sendable {
    let figures: SiteFigures.Made
    let incident: Int
    let services: [String]
    let impact: Impact
    let weight: Double?
    let composites: [String]
}

/// What the status page shows of the figures is read from: the figures, by identity (see
/// `IncidentCountedKey`), and the services in order.
struct StatusFiguresKey: Equatable, Sendable {
    let figures: SiteFigures.Made
    let services: [String]
}
