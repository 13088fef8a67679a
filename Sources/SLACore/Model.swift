import Foundation

/// A point of contact or escalation step (SPEC §2 `contact`).
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
    /// Months and wall times in the site zone (SPEC §3); made once, when the zone is set.
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
    /// SPEC §2 `status_since`: the day from which the status data is complete; nil for the
    /// default (the first month with any status data).
    public var statusSince: CalendarDay?

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

    public init(
        id: String, title: String, summary: String = "", measurement: String = "", order: Int? = nil,
        exclusions: [String] = [], defaults: SLATerms = SLATerms(), body: String = ""
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.measurement = measurement
        self.order = order
        self.exclusions = exclusions
        self.defaults = defaults
        self.body = body
    }
}

/// A dated change to a plan's terms.
public struct Revision: Sendable, Hashable {
    public var date: LocalDateTime
    public var note: String

    public init(date: LocalDateTime, note: String) {
        self.date = date
        self.note = note
    }
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
    public var body: String

    public init(
        id: String, title: String, services: [String], impact: Impact, start: Instant, end: Instant?,
        plans: [String]? = nil, weight: Double? = nil, body: String = ""
    ) {
        self.id = id
        self.title = title
        self.services = services
        self.impact = impact
        self.start = start
        self.end = end
        self.plans = plans
        self.weight = weight
        self.body = body
    }

    /// Whether this incident counts against service `service` in plan `plan`.
    public func affects(service: String, plan: String) -> Bool {
        services.contains(service) && (plans?.contains(plan) ?? true)
    }
}

/// A measured monthly uptime that replaces the incident-derived figure (SPEC §2).
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

    public init(
        config: SiteConfig, terms: TermsPage, services: [Service], plans: [Plan], incidents: [Incident],
        measurements: [MeasuredUptime] = []
    ) {
        self.config = config
        self.terms = terms
        self.services = services
        self.plans = plans
        self.incidents = incidents
        self.measurements = measurements
    }

    public func service(_ id: String) -> Service? { services.first { $0.id == id } }

    /// SPEC §2 levels: site defaults → service defaults → plan → plan.services.X.
    public func terms(plan: Plan, service serviceID: String) -> ResolvedTerms {
        let serviceDefaults = service(serviceID)?.defaults ?? SLATerms()
        let own = plan.services.first { $0.id == serviceID }?.terms ?? SLATerms()
        return SLATerms.resolve([config.defaults, serviceDefaults, plan.terms, own], weights: config.impactWeights)
    }
}
