import Foundation

/// A point of contact or escalation step (docs/spec.md §2 `contact`).
public struct Contact: Sendable, Hashable {
    public var role: String
    public var name: String
    public var email: String?
    public var url: String?

    public init(role: String, name: String, email: String? = nil, url: String? = nil) {
        self.role = role
        self.name = name
        self.email = email
        self.url = url
    }
}

/// Site-wide configuration from `site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var provider: String
    /// Absolute, always ending in `/`.
    public var baseURL: String
    /// Months and wall times in the site zone (docs/spec.md §3); made once, when the zone is set.
    public private(set) var calendar: SiteCalendar
    public var timeZone: TimeZone {
        get { calendar.timeZone }
        set { calendar = SiteCalendar(timeZone: newValue) }
    }
    public var theme: String
    public var contacts: [Contact]
    public var impactWeights: ImpactWeights
    public var defaults: SLATerms
    public var markdownUnsafe: Bool
    /// docs/spec.md §2 `status_since`: the day from which the status data is complete; nil for the
    /// default (the first month with any status data).
    public var statusSince: CalendarDay?
    /// docs/spec.md §2 `strings` as site.yaml sets them (the default language's own wording), checked
    /// against the theme's ids where they are read; the theme's own words are SiteRender's.
    public var strings = WrittenStrings()
    /// docs/spec.md §2 `languages`, the default first.
    public var languages: [Language] = [.english]
    /// docs/spec.md §2 `i18n/<code>.yaml`: one language's own strings, by language code (only
    /// the ids the file sets; the rest comes from the shipped table or the default language).
    public var i18n: [String: WrittenStrings] = [:]

    public init(
        title: String, provider: String, baseURL: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        timeZoneName: String? = nil, theme: String = "default", contacts: [Contact] = [], impactWeights: ImpactWeights = .standard,
        defaults: SLATerms = SLATerms(), markdownUnsafe: Bool = false
    ) {
        self.title = title
        self.provider = provider
        self.baseURL = baseURL
        self.calendar = SiteCalendar(timeZone: timeZone, name: timeZoneName)
        self.theme = theme
        self.contacts = contacts
        self.impactWeights = impactWeights
        self.defaults = defaults
        self.markdownUnsafe = markdownUnsafe
    }
}

/// A page of prose: the general terms.
public struct TermsPage: Sendable, Hashable {
    public var title: String
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }
}

/// A service a plan can cover (`content/services/<id>.md`).
public struct Service: Sendable, Identifiable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    public var measurement: String
    public var order: Int?
    public var exclusions: [String]
    public var defaults: SLATerms
    public var body: String
    /// docs/spec.md §2 `parts`: the services this composite's Downtime is computed from (empty for a
    /// service measured on its own).
    public var parts: [String]
    /// docs/spec.md §2 `combine`: how the parts' Downtime makes the composite's.
    public var combine: CombineRule

    public init(
        id: String, title: String, summary: String = "", measurement: String = "", order: Int? = nil,
        exclusions: [String] = [], defaults: SLATerms = SLATerms(), body: String = "", parts: [String] = [],
        combine: CombineRule = .any
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.measurement = measurement
        self.order = order
        self.exclusions = exclusions
        self.defaults = defaults
        self.body = body
        self.parts = parts
        self.combine = combine
    }

    /// Whether its Downtime comes from its parts (docs/spec.md §3 *Composite services*).
    public var isComposite: Bool { !parts.isEmpty }
}

/// A dated change to a plan's terms.
public struct Revision: Sendable, Hashable {
    /// The day it was published.
    public var date: LocalDateTime
    public var note: String
    /// docs/spec.md §2 Versions: the day its terms take effect; nil means `date`.
    public var effective: LocalDateTime?
    /// The plan-level terms it amends (keys it does not set stay as they were).
    public var terms: SLATerms
    /// The `services` entries it amends, in the order written: a service's terms (merged into
    /// the plan's, or a new service), or nil to drop the service from the plan.
    public var services: [RevisionService]

    public init(
        date: LocalDateTime, note: String, effective: LocalDateTime? = nil, terms: SLATerms = SLATerms(),
        services: [RevisionService] = []
    ) {
        self.date = date
        self.note = note
        self.effective = effective
        self.terms = terms
        self.services = services
    }

    /// A revision without terms is a note: it starts no version.
    public var changesTerms: Bool { terms != SLATerms() || !services.isEmpty }

    /// The day its terms take effect.
    public var effectiveDay: CalendarDay { CalendarDay(effective ?? date) }
}

/// One `services` entry of a revision.
public struct RevisionService: Sendable, Hashable {
    public var id: String
    /// nil: the revision drops the service from the plan.
    public var terms: SLATerms?

    public init(id: String, terms: SLATerms?) {
        self.id = id
        self.terms = terms
    }
}

/// The plan's terms from one day on (docs/spec.md §2 Versions): the front matter, or the front matter
/// amended by every term-changing revision up to and including one.
public struct PlanVersion: Sendable, Hashable {
    /// The first day these terms apply (the version's name).
    public var effective: CalendarDay
    /// The revision that started it (nil for the front matter's version).
    public var revision: Revision?
    public var terms: SLATerms
    /// The services covered, with the plan's own terms for each, in order.
    public var services: [PlanService]

    public func covers(_ serviceID: String) -> Bool { services.contains { $0.id == serviceID } }
}

/// A plan (`content/plans/<id>.md`) and the services it covers, in order.
public struct Plan: Sendable, Identifiable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    public var order: Int?
    public var price: String?
    public var effective: LocalDateTime?
    public var revisions: [Revision]
    public var terms: SLATerms
    /// Covered services with this plan's terms for each, in the order written.
    public var services: [PlanService]
    public var body: String

    public init(
        id: String, title: String, summary: String = "", order: Int? = nil, price: String? = nil,
        effective: LocalDateTime? = nil, revisions: [Revision] = [], terms: SLATerms = SLATerms(),
        services: [PlanService] = [], body: String = ""
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.order = order
        self.price = price
        self.effective = effective
        self.revisions = revisions
        self.terms = terms
        self.services = services
        self.body = body
    }

    public func covers(_ serviceID: String) -> Bool { services.contains { $0.id == serviceID } }

    /// docs/spec.md §2 Versions: the front matter as the version named by `first` (the plan's
    /// `effective`, else its first month's first day), then one version per term-changing
    /// revision in order, each amending the one before with the merge rules of the levels
    /// (maps key by key, lists whole; a service set to null is dropped, a new one is added).
    ///
    /// Revisions apply in the order of their effective days (then as written), and revisions
    /// effective on one day make one version: a day names one set of terms.
    public func versions(first: CalendarDay) -> [PlanVersion] {
        var current = PlanVersion(effective: first, revision: nil, terms: terms, services: services)
        var out = [current]
        let changing = revisions.enumerated().filter { $0.element.changesTerms }
            .sorted { ($0.element.effectiveDay, $0.offset) < ($1.element.effectiveDay, $1.offset) }
        for (_, revision) in changing {
            current.effective = max(revision.effectiveDay, first)
            current.revision = revision
            current.terms = current.terms.merged(with: revision.terms)
            for entry in revision.services {
                let i = current.services.firstIndex { $0.id == entry.id }
                switch (entry.terms, i) {
                case (nil, let i?): current.services.remove(at: i)
                case (nil, nil): break
                case (let t?, let i?): current.services[i].terms = current.services[i].terms.merged(with: t)
                case (let t?, nil): current.services.append(PlanService(id: entry.id, terms: t))
                }
            }
            if out[out.count - 1].effective == current.effective {
                out[out.count - 1] = current
            } else {
                out.append(current)
            }
        }
        return out
    }

    /// The index in `versions` of the version a term-changing revision belongs to (the one
    /// named by its effective day).
    public static func versionIndex(of revision: Revision, in versions: [PlanVersion]) -> Int? {
        versionIndex(of: revision, effectives: versions.map(\.effective))
    }

    /// `versionIndex(of:in:)` given the versions' effective days, oldest first.
    public static func versionIndex(of revision: Revision, effectives: [CalendarDay]) -> Int? {
        let day = revision.effectiveDay
        return effectives.lastIndex(of: day) ?? (effectives.first.map { day < $0 } == true ? 0 : nil)
    }
}

/// One covered service of a plan with this plan's own terms for it (`plan.services.<id>`).
public struct PlanService: Sendable, Hashable {
    public var id: String
    public var terms: SLATerms

    public init(id: String, terms: SLATerms = SLATerms()) {
        self.id = id
        self.terms = terms
    }
}

/// An incident or maintenance window (`content/status/incidents/<slug>.md`).
public struct Incident: Sendable, Identifiable, Hashable {
    public var id: String
    public var title: String
    public var services: [String]
    public var impact: Impact
    public var start: Instant
    /// nil while still open.
    public var end: Instant?
    /// Plans affected; nil means every plan covering an affected service.
    public var plans: [String]?
    /// This incident's own downtime weight (0–1), which wins over `impact_weights` at every level.
    public var weight: Double?
    /// docs/spec.md §2 `updates`: the timeline, in time order (oldest first, as written).
    public var updates: [IncidentUpdate]
    public var body: String
    /// docs/spec.md §2 Languages: on another language's copy of the site (`Site.localized`),
    /// the locale the title is written in when no translation gives one (the default
    /// language's), so a page can say so (WCAG 2.2 3.1.2); nil when the title is the page's own.
    public var titleLanguage: String? = nil

    public init(
        id: String, title: String, services: [String], impact: Impact, start: Instant, end: Instant?,
        plans: [String]? = nil, weight: Double? = nil, updates: [IncidentUpdate] = [], body: String = ""
    ) {
        self.id = id
        self.title = title
        self.services = services
        self.impact = impact
        self.start = start
        self.end = end
        self.plans = plans
        self.weight = weight
        self.updates = updates
        self.body = body
    }

    /// Whether this incident counts against service `service` in plan `plan`.
    public func affects(service: String, plan: String) -> Bool {
        services.contains(service) && (plans?.contains(plan) ?? true)
    }
}

/// A measured monthly uptime that replaces the incident-derived figure (docs/spec.md §2).
public struct MeasuredUptime: Sendable, Hashable {
    public var service: String
    public var month: YearMonth
    public var uptime: Double

    public init(service: String, month: YearMonth, uptime: Double) {
        self.service = service
        self.month = month
        self.uptime = uptime
    }
}

/// Everything a site says, validated: the input of the numbers and the pages.
public struct Site: Sendable, Hashable {
    public var config: SiteConfig
    public var terms: TermsPage
    /// Ordered by `order`, then id.
    public var services: [Service]
    /// Ordered by `order`, then id.
    public var plans: [Plan]
    /// Ordered by start, then id.
    public var incidents: [Incident]
    public var measurements: [MeasuredUptime]
    /// Request samples by service id (`content/status/samples/<service>.csv`).
    public var samples: [String: SampleSeries]
    /// docs/spec.md §2 Translations: the translated text of each language but the default, by
    /// language code (`localized(_:)` applies it).
    public var translations: [String: SiteTranslation] = [:]

    public init(
        config: SiteConfig, terms: TermsPage, services: [Service], plans: [Plan], incidents: [Incident],
        measurements: [MeasuredUptime] = [], samples: [String: SampleSeries] = [:]
    ) {
        self.config = config
        self.terms = terms
        self.services = services
        self.plans = plans
        self.incidents = incidents
        self.measurements = measurements
        self.samples = samples
    }

    public func service(_ id: String) -> Service? { services.first { $0.id == id } }

    /// docs/spec.md §2 levels: site defaults → service defaults → plan → plan.services.X.
    public func terms(plan: Plan, service serviceID: String) -> ResolvedTerms {
        terms(
            version: PlanVersion(effective: CalendarDay(year: 1, month: 1, day: 1), revision: nil, terms: plan.terms, services: plan.services),
            service: serviceID)
    }

    /// docs/spec.md §2 levels: the terms of one service in one version of a plan, after inheritance
    /// and defaults (the one term resolution).
    public func terms(version: PlanVersion, service serviceID: String) -> ResolvedTerms {
        termLayers(version: version, service: serviceID).resolved
    }

    /// What `terms(version:service:)` resolves: the layers in order of precedence and the site's weights.
    public func termLayers(version: PlanVersion, service serviceID: String) -> TermLayers {
        let serviceDefaults = service(serviceID)?.defaults ?? SLATerms()
        let own = version.services.first { $0.id == serviceID }?.terms ?? SLATerms()
        return TermLayers(layers: [config.defaults, serviceDefaults, version.terms, own], weights: config.impactWeights)
    }
}

/// Everything one plan version × service's terms are resolved from (the preview's key for them).
public struct TermLayers: Sendable, Hashable {
    /// Site defaults, the service's defaults, the version's terms, the version's own for the service.
    public var layers: [SLATerms]
    public var weights: ImpactWeights

    /// docs/spec.md §2 levels: the one term resolution.
    public var resolved: ResolvedTerms { SLATerms.resolve(layers, weights: weights) }

    /// Where a plan version × service's terms are kept between preview builds (one name for
    /// every step that resolves them, so they share the kept value).
    public static func slot(plan: Plan, version: PlanVersion, service: String) -> String {
        plan.id + " " + version.effective.description + " " + service
    }
}
