import BuildSupport
import SLACore

/// What pages, maintenance.ics events, badges and the feeds are also made from besides their own
/// input: the site without its status data, and *now*. Made once per build (`RenderContext.scope`);
/// the preview keeps those values only while it is equal (compared once per build).
struct SiteScope: Hashable, Sendable {
    /// The site without incidents, measurements and samples: those come only through each output's
    /// input (samples through the figures).
    var site: Site
    var now: Instant

    init(site: Site, now: Instant) {
        var bare = site
        bare.incidents = []
        bare.measurements = []
        bare.samples = [:]
        self.site = bare
        self.now = now
    }
}

/// What every page is also made from: the site scope and the theme's files.
struct PageScope: Hashable, Sendable {
    var site: SiteScope
    var theme: ThemeInput
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
    /// `upcoming`: per plan, the effective day of its next version when one is published ahead.
    case home(levels: [[ServiceLevel]], upcoming: [CalendarDay?])
    case terms
    case notFound
    case status(StatusInput)
    case plan(Int, levels: [ServiceLevel], versions: [VersionTerms], current: Int)
    /// `linkedParts`: a composite's parts that the plan publishes (their details pages are linked).
    ///
    /// The listed incidents are the build's one box of each (`PageOutputs.Run.listed`): the
    /// preview keeps an unchanged one, so a key compares ten references, not ten incidents.
    case details(plan: Int, level: ServiceLevel, incidents: [Shared<Incident>], incidentCount: Int, linkedParts: [String])
    /// `counted`: per affected service, then per composite it counts toward through a part
    /// (`through`, docs/spec.md §3 Composite services), the plans whose figures count it.
    case incident(Incident, html: String, notes: [String], counted: [[CountedAt]], through: [String])
    case version(plan: Int, index: Int, versions: [VersionTerms], current: Int)

    /// A plan whose figures an incident counts against for one of its services, with the
    /// weight it counts at there (its own, else that plan's terms now).
    struct CountedIn: Hashable, Sendable {
        var plan: Int
        var weight: Double
        /// What it counted there month by month, with each month's figures (issue 16, point 4).
        var months: [CountedMonth] = []
    }

    /// What an incident counted against one plan × service, as a page key: the level's inputs
    /// and the incident's position in its counting list, from which `counted` reads it. The
    /// preview's level boxes are the last build's where their inputs are equal, so an unchanged
    /// level compares by identity; another box is compared by what the incident counted there
    /// (its months and their figures), so an edit elsewhere in the level changes this key only
    /// where it changes those.
    struct CountedAt: Hashable, Sendable {
        var plan: Int
        var weight: Double
        var level: Shared<LevelInputs>
        /// The incident's position in the level's counting list.
        var position: Int
        /// The level's figures, made from `level` (`ServiceLevel.months`).
        var figures: [MonthFigure]

        /// What it counted there, month by month, with each month's figures (`SLAArithmetic.incidentCounts`).
        var counted: CountedIn {
            CountedIn(
                plan: plan, weight: weight,
                months: SLAArithmetic.incidentCounts(level, incident: position).map { CountedMonth(count: $0, figure: figures[$0.month]) })
        }

        static func == (a: CountedAt, b: CountedAt) -> Bool {
            // The same box holds the same inputs, whose figures are the same: equal without counting.
            a.plan == b.plan && a.weight == b.weight && a.position == b.position
                && ((a.level === b.level && sharesStorage(a.figures, b.figures)) || a.counted == b.counted)
        }

        func hash(into h: inout Hasher) {
            h.combine(plan)
            h.combine(weight)
            h.combine(position)
        }
    }

    /// One month of what an incident counted against one plan × service, read off the figures.
    struct CountedMonth: Hashable, Sendable {
        var count: IncidentCount
        var figure: MonthFigure
    }

    /// The status page's figures and incidents.
    struct StatusInput: Hashable, Sendable {
        /// Each plan × service with its current month only.
        var levels: [[ServiceLevel]]
        /// What is affected at *now* (docs/spec.md §4), and per service (`site.services` order) the
        /// worst of its levels' last 90 days.
        var state: CurrentState
        var serviceDays: [[DayFigure]]
        var open: [Incident]
        var scheduled: [Incident]
        var recent: [Incident]
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

extension Optional where Wrapped == any Reusing {
    /// `value` behind one box: the box the last build made at `slot` when its value equals this
    /// one (compared here, once, instead of in every key that holds it), else a new one.
    func canonical<Value: Hashable & Sendable>(at slot: @autoclosure () -> String, _ value: Value) -> Shared<Value> {
        self.value(.canonical, at: slot(), for: value) { Shared(value) }
    }
}
