/// The typed view models of the pages that show numbers (docs/spec.md §4): what each template reads,
/// already formatted. Property names are the template's names in camelCase (`TemplateView`).

/// What the layout (`layout.mustache`) reads that is the same on every page of a build.
struct SiteLayoutView: TemplateView {
    var siteTitle: String
    var provider: String
    var stylesheet: String
    var feedJson: String
    var feedAtom: String
    var slaJson: String
    var homeHref: String
    var termsHref: String
    var statusHref: String
    var asOf: String
    var asOfMachine: String
    var feedJsonTitle: String
    var feedAtomTitle: String
    var publishedBy: String
    /// "Figures as of <time …>…</time>." (escaped text around the markup).
    var asOfHtml: String
    /// `<html lang>`: the language's locale (docs/spec.md §4 Languages).
    var lang: String
    /// The site has several languages: the layout shows the alternates and the language menu.
    var hasLanguages: Bool
}

/// What the layout reads that is the same on every page of one section (the navigation, with
/// the section marked current), made once per build and section.
struct NavView: TemplateView {
    struct Item: Codable {
        var label: String
        var href: String
        var current: Bool
    }

    var nav: [Item]
}

/// What the layout reads that is the page's own.
struct LayoutView: TemplateView {
    struct Link: Codable {
        var label: String
        var href: String
    }

    var title: String
    var pageTitle: String
    var description: String
    var canonical: String
    var noindex: Bool
    var hasCrumbs: Bool
    var crumbs: [Link]
    /// This page in every language (docs/spec.md §4 Languages), absolute URLs, and the
    /// default language's as `x-default`; empty for a site with one language.
    var alternates: [Alternate] = []
    var xDefault: String = ""
    /// The language menu: this page in each language, the current one marked.
    var languages: [LanguageLink] = []

    struct Alternate: Codable {
        var hreflang: String
        var href: String
    }

    struct LanguageLink: Codable {
        var name: String
        var href: String
        var lang: String
        var current: Bool
    }
}

/// One plan × service as a section of the plan page (and its bullets).
struct ServiceItemView: Codable {
    var id: String
    var title: String
    var summary: String
    var bullets: [String]
    var detailsHref: String
    var detailsLabel: String?
}

/// `/plans/<plan>/<service>/`.
struct DetailsView: TemplateView {
    struct CreditRow: Codable {
        var range: String
        var credit: String
    }

    struct SupportRow: Codable {
        var severity: String
        var response: String
        var hours: String
    }

    /// A month inside a judged quarter or year: its figures, never a verdict.
    struct MonthRow: Codable {
        var month: String
        var machine: String
        var period: String
        var uptime: String
        var downtime: String
        var final: String
    }

    struct HistoryRow: Codable {
        var month: String
        var machine: String
        var uptime: String
        var downtime: String
        /// The objective that judged the month (its terms in force), or "None".
        var objective: String
        var met: String
        var state: String
        var credit: String
        /// The last day to claim the month's credit, when it has one and a window applies.
        var claimBy: String?
        var claimByMachine: String?
        var final: String
        var measured: Bool
        /// Where the month's figures come from, on levels measured by samples in any month.
        var source: String?
    }

    var serviceTitle: String
    var planTitle: String
    var planHref: String
    var summary: String
    var measurement: String
    var hasMeasurement: Bool
    /// How Downtime is measured, from the terms, for a level measured by samples now.
    var downtimeRule: String
    var hasDowntimeRule: Bool
    var hasMeasurementSection: Bool
    /// A composite's parts, each linked where the plan publishes it (`details_parts_any` or
    /// `details_parts_worst`), HTML.
    var partsHtml: String
    var hasParts: Bool
    var bullets: [String]
    var serviceBody: String
    var planBody: String
    /// Whether the service's and the plan's bodies have any text (no empty section, issue 26).
    var hasServiceBody: Bool
    var hasPlanBody: Bool
    var creditRows: [CreditRow]
    var hasCredits: Bool
    var hasCreditCap: Bool
    var creditCap: String
    var hasSupport: Bool
    var supportRows: [SupportRow]
    var hasSupportRows: Bool
    var supportHours: String
    var history: [HistoryRow]
    var hasHistory: Bool
    /// docs/spec.md §3 Periods: the months inside the judged quarters or years, as information.
    var monthsInside: [MonthRow] = []
    var hasMonthsInside: Bool = false
    var monthsInsideNote: String = ""
    var hasMeasured: Bool
    /// Whether the history shows each month's source (a level measured by samples in any month).
    var hasSources: Bool
    var chart: String
    /// Whether a month is drawn below the chart's axis (its key then explains the mark).
    var chartHasClipped: Bool
    /// The last 90 days as a strip of bars (`DayBars`), HTML.
    var days: String
    var objectiveText: String
    var exclusions: [String]
    var claim: String
    var termsHref: String
    /// "Part of the <a …>Pro plan</a>." (`details_part_of`).
    var partOfHtml: String
    /// "See the <a …>general terms</a> for what a claim must include." (`details_claim_see`).
    var claimTermsHtml: String
    var aboutHeading: String
    var planTermsHeading: String
    var termination: String?
    /// Rendered list lines (`partials/incident`), newest first.
    var incidents: [String]
    var hasIncidents: Bool
    var hasMoreIncidents: Bool
    var moreIncidents: String
}

/// `/plans/<plan>/`.
struct PlanView: TemplateView {
    struct RevisionRow: Codable {
        var date: String
        var machine: String
        var note: String
        /// What it changed, computed from the terms (`VersionChanges`).
        var changes: [String]
        var hasChanges: Bool
        /// When its terms take effect (empty for a note).
        var effective: String
        var effectiveMachine: String
        /// Its terms are not in force yet.
        var upcoming: Bool
        /// False for a note.
        var changesTerms: Bool
        /// The page of the version it started (empty for a note).
        var versionHref: String
        /// "The plan's terms from <time …>…</time>" (empty for a note).
        var versionLinkHtml: String
    }

    struct VersionLink: Codable {
        var label: String
        var href: String
        /// "Terms as first published: <a …>in force from …</a>" as HTML.
        var html: String
    }

    var planTitle: String
    var summary: String
    var price: String
    var hasPrice: Bool
    var effective: String
    var effectiveMachine: String
    var hasEffective: Bool
    var services: [ServiceItemView]
    var hasServices: Bool
    var revisions: [RevisionRow]
    var hasRevisions: Bool
    /// The version of the terms as first published, when later versions exist.
    var firstVersion: VersionLink?
    var body: String
    /// Whether the body has any text (no empty section, issue 26).
    var hasBody: Bool
}

/// `/plans/<plan>/versions/<effective>/`.
struct VersionView: TemplateView {
    struct Row: Codable {
        var term: String
        var value: String
    }

    struct ServiceTerms: Codable {
        var id: String
        var title: String
        var caption: String
        var rows: [Row]
    }

    struct Link: Codable {
        var label: String
        var href: String
        /// "from 1 October 2025".
        var from: String
    }

    var planTitle: String
    var planHref: String
    var standing: String
    var isCurrent: Bool
    var effective: String
    var effectiveMachine: String
    var published: String
    var publishedMachine: String
    var hasPublished: Bool
    var note: String
    var hasNote: Bool
    /// What this version changed from the one before (`VersionChanges`).
    var changes: [String]
    var hasChanges: Bool
    var services: [ServiceTerms]
    var previous: Link?
    var next: Link?
    var planLink: String
}

/// `/`.
struct HomeView: TemplateView {
    struct PlanItem: Codable {
        var id: String
        var title: String
        var summary: String
        var price: String
        var hasPrice: Bool
        var bullets: [String]
        var detailsHref: String
        var detailsLabel: String
        /// The plan's next terms, when a revision is published ahead of taking effect.
        var upcoming: Link?
    }

    struct Link: Codable {
        var label: String
        var href: String
    }

    struct PlanLink: Codable {
        var title: String
        var href: String
    }

    struct Cell: Codable {
        var text: String
        var muted: Bool
        var linked: Bool
        var href: String?
    }

    struct Row: Codable {
        var title: String
        var cells: [Cell]
    }

    /// The lede, with links to the general terms and the status page.
    var ledeHtml: String

    struct ContactItem: Codable {
        var role: String
        var name: String
        var email: String?
        var mailto: String?
        var url: String?
    }

    var plans: [PlanItem]
    var comparePlans: [PlanLink]
    var compareRows: [Row]
    var hasCompare: Bool
    var contacts: [ContactItem]
    var hasContacts: Bool
}

/// `/status/`.
struct StatusView: TemplateView {
    struct Row: Codable {
        var title: String
        var href: String
        var objective: String
        var uptime: String
        var downtime: String
        var budgetLeft: String
        var status: String
        var state: String
    }

    struct PlanRows: Codable {
        var title: String
        var href: String
        var rows: [Row]
    }

    /// One service's current state and its last 90 days.
    struct ServiceRow: Codable {
        var title: String
        var stateLabel: String
        var state: String
        /// The strip of bars (`DayBars`), HTML.
        var days: String
    }

    /// docs/spec.md §4: the current state, worst first ("All systems operational", "Major outage: Compute").
    var headline: String
    var headlineState: String
    /// The other states open at *now*, after the worst ("Maintenance in progress: Database").
    var headlineMore: String
    var hasHeadlineMore: Bool
    var services: [ServiceRow]
    var month: String
    var plans: [PlanRows]
    /// Rendered list lines (`partials/incident`), each open one with its latest update.
    var open: [String]
    var hasOpen: Bool
    var scheduled: [String]
    var hasScheduled: Bool
    var recent: [String]
    var hasRecent: Bool
    var recentDays: String
    /// "Uptime so far in November 2026, up to <time …>…</time>, against …" (`status_lede`).
    var ledeHtml: String
    var monthHeading: String
    var noRecent: String
}
