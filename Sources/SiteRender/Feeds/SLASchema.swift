import SLACore
/// `/sla.schema.json`: JSON Schema 2020-12 of `/sla.json` exactly as `SLAJSON` writes it.
///
/// Every key SLAJSON writes is listed and required (absent values are written as `null`), and
/// objects allow no other keys, so clients can generate exact types. Add a key here whenever
/// SLAJSON gains one; the feed tests fail otherwise.
enum SLASchema {
    static let path = "sla.schema.json"

    /// - Parameter languages: the site has several languages (docs/spec.md §4): sla.json then
    ///   has `languages` and `titles`.
    static func document(urls: SiteURLs, languages: Bool = false) -> JSONValue {
        let titleMap: JSONValue = .object([
            ("type", .string("object")), ("additionalProperties", .object([("type", .string("string"))])),
        ])
        let languageProperties: [(String, JSONValue)] = languages ? [
            ("languages", array(object("One of the site's languages, the default first.", [
                ("code", string("The language's code, as in its URLs.")),
                ("name", string("Its name in the language menu.")),
                ("locale", string("BCP 47 tag of its numbers, dates and zone names.")),
                ("url", string("Its home page.", format: "uri")),
            ]), "The site's languages (docs/spec.md §4 Languages).")),
            ("titles", .object([
                ("description", .string("Per language code other than the default, translated titles by kind and id, where a translation gives one.")),
                ("type", .string("object")),
                ("additionalProperties", object("Translated titles of one language.", [
                    ("plans", titleMap), ("services", titleMap), ("incidents", titleMap),
                ])),
            ])),
        ] : []
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(urls.absolute(path))),
            ("title", .string("SLA")),
            ("description", .string("Everything machine-readable about the published service level agreements (/sla.json).")),
            ("type", .string("object")),
            ("properties", .object([
                ("generated_at", dateTime("The build's reference time (now), RFC 3339 in UTC.")),
                ("base_url", string("Absolute URL the site is published at, ending in /.", format: "uri")),
                ("title", string("Site title.")),
                ("provider", string("The party that gives the promises.")),
                ("timezone", string("IANA time zone in which months are counted, as site.yaml writes it.")),
                ("status_since", string("The day from which the status data is complete; months that end on or before it have no data (source \"none\").", format: "date")),
                ("current_month", ref("YearMonth", "The month of generated_at in the site time zone.")),
                ("plans", array(ref("Plan"), "Plans, in display order.")),
                ("incidents", array(ref("Incident"), "Incidents and maintenance windows, by start then id.")),
            ] + languageProperties)),
            ("required", required(["generated_at", "base_url", "title", "provider", "timezone", "status_since", "current_month", "plans", "incidents"])),
            ("additionalProperties", .bool(false)),
            ("$defs", .object([
                ("Id", .object([
                    ("description", .string("A content id: lowercase a-z, 0-9 and -.")),
                    ("type", .string("string")),
                    ("pattern", .string("^[a-z0-9-]+$")),
                ])),
                ("YearMonth", .object([
                    ("description", .string("A calendar month, YYYY-MM.")),
                    ("type", .string("string")),
                    ("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])$")),
                ])),
                ("Plan", plan),
                ("Revision", revision),
                ("ServiceLevel", serviceLevel),
                ("ServiceTerms", serviceTerms),
                ("PlanVersion", planVersion),
                ("CreditTier", creditTier),
                ("Support", support),
                ("Month", month),
                ("Period", period),
                ("Incident", incident),
                ("IncidentUpdate", incidentUpdate),
            ])),
        ])
    }

    // MARK: Definitions

    static let plan = object(
        "A plan and the service levels it promises.",
        [
            ("id", ref("Id")),
            ("title", string("Plan title.")),
            ("summary", string("One-sentence summary.")),
            ("url", string("Absolute URL of the plan page.", format: "uri")),
            ("price", nullable(string("Price as written, e.g. \"From $49 / month\"."))),
            ("effective", nullable(string("Date the terms apply from.", format: "date"))),
            ("revisions", array(ref("Revision"), "Dated changes to the terms, oldest first.")),
            ("versions", array(ref("PlanVersion"), "Every version of the plan's terms, oldest first, upcoming ones included.")),
            ("services", array(ref("ServiceLevel"), "Covered services with the terms in force.")),
        ])

    static let revision = object(
        "A dated change to a plan's terms.",
        [
            ("date", string("Date of the revision.", format: "date")),
            ("note", string("What changed.")),
        ])

    /// A service's terms as one plan gives them (in a service level and in a plan version):
    /// every term's fields as `TermCatalog` describes them.
    static let termsProperties: [(String, JSONValue)] = [
        ("id", ref("Id")),
        ("title", string("Service title.")),
        ("url", string("Absolute URL of the full details page.", format: "uri")),
    ] + TermCatalog.all.flatMap(\.schema)

    static let serviceLevel = object(
        "One service as covered by one plan: the resolved terms and the monthly history.",
        termsProperties + [
            ("covered", boolean("Whether the plan's terms in force now cover the service (false for one a revision dropped; its months stay).")),
            ("months", array(ref("Month"), "Monthly figures from the plan's first month through the current month, oldest first; inside a quarter or year they are information (met, credit and claim_by null).")),
            ("parts", array(ref("Id"), "Only for a composite service: its parts, in the order listed (its Downtime is computed from theirs, each measured by its own terms in this plan).")),
            ("combine", .object([
                ("description", .string("Only for a composite service: how its parts make its Downtime: any (a minute is Downtime when it is for any part, at the largest weight, overlaps once) or worst (each judged period takes the lowest part's uptime).")),
                ("enum", .array([.string("any"), .string("worst")])),
            ])),
            ("periods", array(ref("Period"), "slasite's docs/spec.md §3 Periods: only for a service judged by quarters or years: every judged period, oldest first (months judged on their own, before the first whole period after a change of period, included).")),
        ], optional: ["parts", "combine", "periods"])

    static let serviceTerms = object(
        "One service's terms in one version of a plan.", termsProperties)

    static let planVersion = object(
        "One version of a plan's terms (slasite's docs/spec.md §2 Versions): the front matter, or the front matter amended by every term-changing revision up to one.",
        [
            ("effective", string("The first day these terms apply; the version's name.", format: "date")),
            ("published", nullable(string("The date of the revision that started it; null for the front matter.", format: "date"))),
            ("note", nullable(string("That revision's note; null for the front matter."))),
            ("standing", .object([
                ("description", .string("In force in the month of generated_at (current), replaced by a later version (superseded), or not in force yet (upcoming).")),
                ("enum", .array(["current", "superseded", "upcoming"].map(JSONValue.string))),
            ])),
            ("services", array(ref("ServiceTerms"), "Covered services with their terms in this version.")),
        ])

    static let creditTier = object(
        "A credit of `credit` percent of the monthly fee when uptime is below `below` percent.",
        [
            ("below", number("Uptime threshold in percent.", minimum: 0, maximum: 100)),
            ("credit", number("Credit in percent of the monthly fee.", minimum: 0)),
        ])

    static let support = object(
        "Support terms.",
        [
            ("hours", .object([
                ("description", .string("Hours during which support responds; null when not stated.")),
                ("enum", .array([.string("24x7"), .string("business"), .null])),
            ])),
            ("response", .object([
                ("description", .string("Response time per severity as written, e.g. \"10m\", \"1 business day\", in the order written.")),
                ("type", .string("object")),
                ("additionalProperties", .object([("type", .string("string"))])),
            ])),
        ])

    static let month = object(
        "The figures of one calendar month in the site time zone (slasite's docs/spec.md §3). Uptime is rounded to 0.001, minutes to 0.1.",
        [
            ("month", ref("YearMonth")),
            ("uptime", nullable(number("Uptime in percent over the elapsed part of the month; null for a month without data.", minimum: 0, maximum: 100))),
            ("downtime_minutes", nullable(number("Weighted downtime in minutes; null for a month without data.", minimum: 0))),
            ("met", nullable(boolean("Whether uptime reached the objective; null without an objective."))),
            ("credit", nullable(number("Service credit owed in percent of the monthly fee; 0 until the month is final; null for a month inside a quarter or year (not judged).", minimum: 0))),
            ("final", boolean("Whether the month is over.")),
            ("budget_minutes", nullable(number("Downtime the objective allows in this month; null without an objective.", minimum: 0))),
            ("budget_left_minutes", nullable(number("Budget minus downtime; negative when exceeded; null without an objective."))),
            ("claim_by", nullable(string("Last day on which this month's credit may be claimed (slasite's docs/spec.md §3); null without a credit or a claim window.", format: "date"))),
            ("termination_right", boolean("Whether this month completes the consecutive misses that give a termination right.")),
            ("objective", nullable(number("The uptime objective that judged this month (the terms in force in it); null without one.", minimum: 0, maximum: 100))),
            ("version", string("The effective date of the plan version in force in this month.", format: "date")),
            ("measured", boolean("Whether the uptime comes from measurements.csv rather than incidents.")),
            ("source", .object([
                ("description", .string("Where the figures come from: the incidents, request samples, both (samples_and_incidents: a minute is Downtime when either says so, counted once), a composite's parts (parts), a measurements.csv row, or none (the month ends on or before status_since: not judged, no credit).")),
                ("enum", .array(["incidents", "samples", "samples_and_incidents", "parts", "measurements", "none"].map(JSONValue.string))),
            ])),
            ("minutes", number("Real minutes in the whole month.", minimum: 0)),
            ("elapsed_minutes", number("Minutes the uptime is measured over: the whole month once final, else the minutes elapsed.", minimum: 0)),
        ])

    static let period = object(
        "One judged period (slasite's docs/spec.md §3 Periods): a quarter, a year, or a month judged on its own. Uptime is rounded to 0.001, minutes to 0.1.",
        [
            ("period", string("Its name: 2026-10 for a month, 2026-Q4, 2026; fiscal FY2027-Q1, FY2027 (named by the year the fiscal year ends in).")),
            ("from", string("The first day counted: the period's first day, or the plan's first reported day in it.", format: "date")),
            ("to", string("The period's last day.", format: "date")),
            ("objective", nullable(number("The uptime objective that judged it (the terms in force on its first day); null without one.", minimum: 0, maximum: 100))),
            ("version", string("The effective date of the plan version that judged it.", format: "date")),
            ("uptime", nullable(number("Uptime in percent over the elapsed part of the period; null without data.", minimum: 0, maximum: 100))),
            ("downtime_minutes", nullable(number("Downtime in minutes, the sum over its months; null without data.", minimum: 0))),
            ("budget_minutes", nullable(number("Downtime the objective allows in the period; null without an objective.", minimum: 0))),
            ("met", nullable(boolean("Whether uptime reached the objective (so far, while in progress); null without an objective or data."))),
            ("credit", number("Service credit owed in percent of the period's fee, tiers and cap applied once; 0 until the period is final.", minimum: 0)),
            ("claim_by", nullable(string("Last day on which the credit may be claimed, counted from the period's end; null without a credit or a claim window.", format: "date"))),
            ("final", boolean("Whether the period is over.")),
            ("source", .object([
                ("description", .string("Where the figures come from: incidents, request samples, both (samples_and_incidents), a composite's parts (parts), measurements (a measurements.csv row replaced a month's minutes), or none.")),
                ("enum", .array(["incidents", "samples", "samples_and_incidents", "parts", "measurements", "none"].map(JSONValue.string))),
            ])),
            ("termination_right", boolean("Whether this period completes the consecutive missed periods that give a termination right.")),
        ])

    static let incident = object(
        "An incident or maintenance window.",
        [
            ("id", ref("Id")),
            ("title", string("Incident title.")),
            ("url", string("Absolute URL of the incident report.", format: "uri")),
            ("impact", .object([
                ("description", .string("How badly the incident affects its services.")),
                ("enum", .array(["major", "partial", "degraded", "maintenance"].map(JSONValue.string))),
            ])),
            ("services", array(ref("Id"), "Affected service ids.")),
            ("plans", nullable(array(ref("Id"), "Affected plan ids; null means every plan covering an affected service."))),
            ("weight", nullable(number("The incident's own downtime weight, overriding impact_weights; null when it has none.", minimum: 0, maximum: 1))),
            ("start", dateTime("Start, RFC 3339 in UTC.")),
            ("end", nullable(dateTime("End, RFC 3339 in UTC; null while still open."))),
            ("ongoing", boolean("Whether the incident is open at generated_at.")),
            ("status", .object([
                ("description", .string("Where it stands at generated_at: resolved (maintenance: completed) once it has ended; else its latest update's status; else investigating (maintenance: scheduled before its start, in_progress after).")),
                ("enum", .array(IncidentStatus.allCases.map { .string($0.rawValue) })),
            ])),
            ("updates", array(ref("IncidentUpdate"), "The incident's timeline, oldest first.")),
        ])

    static let incidentUpdate = object(
        "One update of an incident's timeline.",
        [
            ("at", dateTime("When it was posted, RFC 3339 in UTC.")),
            ("status", .object([
                ("description", .string("The status it reports (maintenance windows: scheduled, in_progress or completed).")),
                ("enum", .array(IncidentStatus.allCases.map { .string($0.rawValue) })),
            ])),
            ("note_html", string("The note, Markdown rendered to HTML as incident reports are.")),
        ])

    // MARK: Builders

    /// A closed object: every property required, no others allowed.
    /// - Parameter optional: keys written only where they apply (not required).
    static func object(_ description: String, _ properties: [(String, JSONValue)], optional: [String] = []) -> JSONValue {
        .object([
            ("description", .string(description)),
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", required(properties.map(\.0).filter { !optional.contains($0) })),
            ("additionalProperties", .bool(false)),
        ])
    }

    static func required(_ keys: [String]) -> JSONValue { .array(keys.map(JSONValue.string)) }

    static func ref(_ name: String, _ description: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("$ref", .string("#/$defs/\(name)"))]
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }

    static func string(_ description: String, format: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(description)), ("type", .string("string"))]
        if let format { pairs.append(("format", .string(format))) }
        return .object(pairs)
    }

    static func dateTime(_ description: String) -> JSONValue { string(description, format: "date-time") }

    static func number(_ description: String, minimum: Double? = nil, maximum: Double? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(description)), ("type", .string("number"))]
        if let minimum { pairs.append(("minimum", .number(minimum))) }
        if let maximum { pairs.append(("maximum", .number(maximum))) }
        return .object(pairs)
    }

    static func integer(_ description: String, minimum: Double? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(description)), ("type", .string("integer"))]
        if let minimum { pairs.append(("minimum", .number(minimum))) }
        return .object(pairs)
    }

    static func boolean(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("boolean"))])
    }

    static func array(_ items: JSONValue, _ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("array")), ("items", items)])
    }

    /// `schema` or null: `anyOf` keeps `$ref`s and descriptions intact for type generators.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))])
    }
}
