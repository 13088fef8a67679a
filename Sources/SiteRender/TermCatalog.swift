import SLACore
import SiteContent

/// Each SLA term described once (STYLE 14, issue 22): its key, how it decodes (with its
/// errors), the field it sets (whose type says how levels and revisions merge it, SLACore's
/// `TermField`), its fields in sla.json and their schema, its lines in a version's change list
/// and its rows on the version page. Every output reads `TermCatalog.all`, in its order (the
/// version page in `rowRank` order), and so does the parser, through `ParseOptions.terms`
/// (`grammar`); `TermCatalogTests` walks every term through every one of them.
///
/// Why here: the words (the change lines and rows) and sla.json are SiteRender's, and SLACore's
/// arithmetic and its tests must read and merge terms without SiteContent or SiteRender. So the
/// values live in SLACore — one stored field per term in `ResolvedTerms`, with its default and,
/// through its type, its merge rule; `SLATerms` holds what a level writes by field and lists no
/// term — and everything else about a term is its entry here. SiteContent cannot import this
/// module, so it gets the decoding passed in (`ParseOptions.standard`). A new term is an entry
/// here, its field in `ResolvedTerms` (plus the arithmetic that reads it), its words in the
/// strings table if it shows, and its tests (docs/content.md, "Adding a term"). Not chosen: the
/// description in SLACore (the words, PageFormat and sla.json would have to move down into the
/// pure core) and values by key in `ResolvedTerms` (a lookup and a cast per read in the loops
/// that judge every plan × service × month).
struct TermDescription: Sendable {
    /// The term's key, as content writes it (docs/spec.md §2 SLA terms).
    let key: String
    /// Every key it reads at a level, `key` first (a term may be written two ways).
    let keys: [String]
    /// How it decodes, with its errors: reads its keys from one level's mapping and writes what
    /// is set there (`terms[\.field] = value`); its field's type merges it across levels.
    let decode: @Sendable (MappingReader, inout SLATerms) -> Void
    /// Its fields in a service object of sla.json and in a plan version's service.
    let fields: @Sendable (ResolvedTerms) -> [(String, JSONValue)]
    /// The schema of each of `fields`, the same keys in the same order.
    let schema: [(String, JSONValue)]
    /// "what: old → new" for each change of the term between two versions, in order.
    let changes: @Sendable (_ old: ResolvedTerms, _ new: ResolvedTerms, PageText) -> [String]
    /// Its rows on the version page, in words (none when the term has no row).
    let rows: @Sendable (ResolvedTerms, PageText) -> [VersionView.Row]
    /// Where its rows stand on the version page (ascending).
    let rowRank: Int
}

extension ParseOptions {
    /// Options whose SLA terms are the catalog's and whose strings are the theme's: what every
    /// parse of a real site uses.
    public static func standard(baseURL: String? = nil) -> ParseOptions {
        ParseOptions(baseURL: baseURL, terms: TermCatalog.grammar, strings: StringID.vocabulary)
    }
}

enum TermCatalog {
    /// Every SLA term, in sla.json's and the change list's order.
    static let all: [TermDescription] = [
        uptime, credits, creditCap, claimWindow, impactWeights, excludeMaintenance, termination, support, downtime, period,
    ]

    /// The descriptions' keys and decoding, for the parser.
    static let grammar = TermGrammar(all.map { TermGrammar.Term(keys: $0.keys, read: $0.decode) })

    /// The version page's order.
    static let byRow: [TermDescription] = all.sorted { $0.rowRank < $1.rowRank }

    static func percent(_ x: Double?, _ s: PageText) -> String { x.map(s.percent) ?? s[.changeNone] }

    static let uptime = TermDescription(
        key: "uptime",
        keys: ["uptime"],
        decode: { r, terms in
            let uptime = r.number("uptime", in: 0...100, rangeText: "a number between 0 and 100")
            terms[\.uptime] = uptime
            // docs/spec.md §5: a warning for objectives that allow almost no downtime.
            if let uptime, uptime >= 99.9999 - Published.tolerance {
                let seconds = SLAArithmetic.budget(objective: uptime, minutes: SLAArithmetic.averageMonthMinutes) * 60
                let text = Published.text(Published.round(seconds, places: 1))
                r.warning(at: "uptime", "uptime \(Published.text(uptime)) allows \(text) s of downtime a month — is a 9 misplaced?")
            }
        },
        fields: { t in
            [
                ("uptime", .optional(t.uptime)),
                ("budget_minutes_per_month", .optional(t.budgetMinutesPerMonth.map(Published.minutes))),
            ]
        },
        schema: [
            ("uptime", SLASchema.nullable(SLASchema.number("Monthly uptime objective in percent; null means no uptime commitment.", minimum: 0, maximum: 100))),
            ("budget_minutes_per_month", SLASchema.nullable(SLASchema.number("Downtime the objective allows in an average month of 43,830 minutes, rounded to 0.1.", minimum: 0))),
        ],
        changes: { a, b, s in
            func objective(_ x: Double?) -> String { x.map(s.percent) ?? s[.changeNoCommitment] }
            return a.uptime == b.uptime ? [] : [s(.changeObjective, ["old": objective(a.uptime), "new": objective(b.uptime)])]
        },
        rows: { t, s in
            var rows: [VersionView.Row] = [
                .init(
                    term: s[.termObjective],
                    value: t.uptime.map { s(.objectiveMonthlyUptime, ["objective": s.percent($0)]) } ?? s[.noUptimeCommitment])
            ]
            if let budget = t.budgetMinutesPerPeriod {
                rows.append(
                    .init(term: s[.termDowntimeAllowed], value: s(.termDowntimeAllowedValue, ["minutes": s.minutesInWords(budget)])))
            }
            return rows
        },
        rowRank: 0)

    static let credits = TermDescription(
        key: "credits",
        keys: ["credits"],
        decode: { r, terms in terms[\.credits] = r.creditTiers("credits") },
        fields: { t in [("credits", .array(t.tiersByThreshold.map { .object([("below", .number($0.below)), ("credit", .number($0.credit))]) }))] },
        schema: [("credits", SLASchema.array(SLASchema.ref("CreditTier"), "Service credit tiers, highest threshold first."))],
        changes: { a, b, s in
            // Credit tiers by threshold, highest first (as the credit tables list them).
            let oldTiers = Dictionary(a.credits.map { ($0.below, $0.credit) }, uniquingKeysWith: max)
            let newTiers = Dictionary(b.credits.map { ($0.below, $0.credit) }, uniquingKeysWith: max)
            return Set(oldTiers.keys).union(newTiers.keys).sorted(by: >).filter { oldTiers[$0] != newTiers[$0] }.map { below in
                s(.changeCreditBelow, ["below": s.percent(below), "old": percent(oldTiers[below], s), "new": percent(newTiers[below], s)])
            }
        },
        rows: { t, s in
            let schedule = SLAArithmetic.creditSchedule(t)
            return [
                .init(
                    term: s[.termCredits],
                    value: schedule.isEmpty
                        ? s[.termNone]
                        : schedule.map {
                            s(.termCreditTier, ["credit": s.percent($0.credit), "below": s.percent($0.below)])
                        }.joined(separator: s[.listComma]))
            ]
        },
        rowRank: 1)

    static let creditCap = TermDescription(
        key: "credit_cap",
        keys: ["credit_cap"],
        decode: { r, terms in terms[\.creditCap] = r.number("credit_cap", in: 0...100, rangeText: "a percentage between 0 and 100") },
        fields: { t in [("credit_cap", .number(t.creditCap))] },
        schema: [("credit_cap", SLASchema.number("Maximum credit in a month, percent of the monthly fee.", minimum: 0))],
        changes: { a, b, s in
            a.creditCap == b.creditCap
                ? [] : [s(.changeCreditCap, ["old": s.percent(a.creditCap), "new": s.percent(b.creditCap)])]
        },
        rows: { t, s in [.init(term: s[.termCreditCap], value: s(.termCreditCapValue, ["cap": s.percent(t.creditCap)]))] },
        rowRank: 2)

    /// `claim_window_days` and `claim_window_months`: two ways to write one claim window.
    static let claimWindow = TermDescription(
        key: "claim_window_days",
        keys: ["claim_window_days", "claim_window_months"],
        decode: { r, terms in
            let days = r.integer("claim_window_days", in: 0...3660, rangeText: "a whole number of days between 0 and 3660")
            let months = r.integer("claim_window_months", in: 1...120, rangeText: "a whole number of months between 1 and 120")
            if r.has("claim_window_months") && r.has("claim_window_days") {
                r.error(at: "claim_window_months", "claim_window_months and claim_window_days are two ways to set one claim window: keep one of them")
            }
            terms[\.claimWindow] = days.map(ClaimWindow.days) ?? months.map(ClaimWindow.months)
        },
        fields: { t in
            [
                ("claim_window_days", t.claimWindowDays.map { .number(Double($0)) } ?? .null),
                ("claim_window_months", t.claimWindowMonths.map { .number(Double($0)) } ?? .null),
            ]
        },
        schema: [
            ("claim_window_days", SLASchema.nullable(SLASchema.integer("Days after month end in which a credit must be claimed.", minimum: 0))),
            ("claim_window_months", SLASchema.nullable(SLASchema.integer("Instead of days: a credit must be claimed by the end of this many calendar months after the month.", minimum: 1))),
        ],
        changes: { a, b, s in
            a.claimWindowDays == b.claimWindowDays && a.claimWindowMonths == b.claimWindowMonths
                ? [] : [s(.changeClaimWindow, ["old": VersionChanges.claimWindow(a, s), "new": VersionChanges.claimWindow(b, s)])]
        },
        rows: { t, s in
            [
                .init(
                    term: s[.termClaimWindow],
                    value: PageFormat.claimWindow(t, s).map { s(.termClaimWindowValue, ["window": $0]) } ?? s[.termClaimWindowTerms])
            ]
        },
        rowRank: 3)

    static let impactWeights = TermDescription(
        key: "impact_weights",
        keys: ["impact_weights"],
        decode: { r, terms in terms[\.impactWeights] = r.impactWeights("impact_weights") },
        fields: { t in [("impact_weights", .object(Impact.allCases.map { ($0.rawValue, .number(t.impactWeights[$0])) }))] },
        schema: [
            ("impact_weights", SLASchema.object(
                "Downtime weight per incident impact for this plan and service (an incident's own weight wins).",
                Impact.allCases.map(\.rawValue).map { ($0, SLASchema.number("Weight of a \($0) incident, 0 to 1.", minimum: 0, maximum: 1)) }))
        ],
        changes: { a, b, s in
            Impact.allCases.filter { a.impactWeights[$0] != b.impactWeights[$0] }.map { impact in
                s(
                    .changeWeight,
                    [
                        "impact": impact.rawValue, "old": s.percent(a.impactWeights[impact] * 100),
                        "new": s.percent(b.impactWeights[impact] * 100),
                    ])
            }
        },
        // The details page names the weights in its Downtime rule; the version page has no row.
        rows: { _, _ in [] },
        rowRank: 4)

    static let excludeMaintenance = TermDescription(
        key: "exclude_maintenance",
        keys: ["exclude_maintenance"],
        decode: { r, terms in terms[\.excludeMaintenance] = r.bool("exclude_maintenance") },
        fields: { t in [("exclude_maintenance", .bool(t.excludeMaintenance))] },
        schema: [("exclude_maintenance", SLASchema.boolean("Whether scheduled maintenance is excluded from downtime."))],
        changes: { a, b, s in
            a.excludeMaintenance == b.excludeMaintenance
                ? [] : [b.excludeMaintenance ? s[.changeMaintenanceExcluded] : s[.changeMaintenanceCounted]]
        },
        rows: { t, s in
            [.init(term: s[.termMaintenance], value: t.excludeMaintenance ? s[.termMaintenanceExcluded] : s[.termMaintenanceCounted])]
        },
        rowRank: 5)

    static let termination = TermDescription(
        key: "termination",
        keys: ["termination"],
        decode: { r, terms in
            guard let t = r.mapping("termination", what: "termination", allowed: ["consecutive_misses"]) else { return }
            t.require("consecutive_misses", what: "termination")
            terms[\.terminationConsecutiveMisses] = t.integer(
                "consecutive_misses", in: 1...120, rangeText: "a whole number of months between 1 and 120")
        },
        fields: { t in
            [("termination", t.terminationConsecutiveMisses.map { .object([("consecutive_misses", .number(Double($0)))]) } ?? .null)]
        },
        schema: [
            ("termination", SLASchema.nullable(SLASchema.object(
                "Termination right after consecutive missed months.",
                [("consecutive_misses", SLASchema.integer("Final missed months in a row that give the right to terminate.", minimum: 1))])))
        ],
        changes: { a, b, s in
            guard a.terminationConsecutiveMisses != b.terminationConsecutiveMisses else { return [] }
            func text(_ n: Int?) -> String {
                n.map { s.plural($0, one: .changeTerminationAfterOne, other: .changeTerminationAfterOther) } ?? s[.changeNone]
            }
            return [s(.changeTermination, ["old": text(a.terminationConsecutiveMisses), "new": text(b.terminationConsecutiveMisses)])]
        },
        rows: { t, s in
            [
                .init(
                    term: s[.termTermination],
                    value: t.terminationConsecutiveMisses.map {
                        s.plural($0, one: .termTerminationValueOne, other: .termTerminationValueOther)
                    } ?? s[.termNone])
            ]
        },
        rowRank: 7)

    static let support = TermDescription(
        key: "support",
        keys: ["support"],
        decode: { r, terms in terms[\.support] = r.supportTerms("support") },
        fields: { t in
            var support: JSONValue = .null
            if let s = t.support {
                support = .object([
                    ("hours", .optional(s.hours?.rawValue)),
                    ("response", .object(s.response.map { ($0.severity, .string($0.time.text)) })),
                ])
            }
            return [("support", support)]
        },
        schema: [("support", SLASchema.nullable(SLASchema.ref("Support")))],
        changes: { a, b, s in
            var out: [String] = []
            if a.support?.hours != b.support?.hours {
                out.append(
                    s(
                        .changeSupportHours,
                        [
                            "old": PageFormat.hours(a.support?.hours, s) ?? s[.changeNotStated],
                            "new": PageFormat.hours(b.support?.hours, s) ?? s[.changeNotStated],
                        ]))
            }
            let oldResponse = Dictionary((a.support?.response ?? []).map { ($0.severity, $0.time.text) }, uniquingKeysWith: { x, _ in x })
            let newResponse = (b.support?.response ?? []).map { ($0.severity, $0.time.text) }
            for (severity, time) in newResponse where oldResponse[severity] != time {
                out.append(s(.changeResponse, ["severity": severity, "old": oldResponse[severity] ?? s[.changeNone], "new": time]))
            }
            let newSeverities = Set(newResponse.map(\.0))
            for (severity, time) in (a.support?.response ?? []).map({ ($0.severity, $0.time.text) }) where !newSeverities.contains(severity) {
                out.append(s(.changeResponse, ["severity": severity, "old": time, "new": s[.changeNone]]))
            }
            return out
        },
        rows: { t, s in
            guard let support = t.support else { return [] }
            var value = PageFormat.hours(support.hours, s).map { PageFormat.capitalized($0) } ?? s[.termSupportHoursNotStated]
            if !support.response.isEmpty {
                value += s[.listSemicolon] + support.response.map { "\($0.severity) \($0.time.phrase(s.strings))" }.joined(separator: s[.listComma])
            }
            return [.init(term: s[.termSupport], value: value)]
        },
        rowRank: 8)

    static let downtime = TermDescription(
        key: "downtime",
        keys: ["downtime"],
        decode: { r, terms in terms[\.downtime] = r.downtimeTerms("downtime") },
        fields: { t in [("downtime", SLAJSON.downtime(t.downtime))] },
        schema: [
            ("downtime", SLASchema.object(
                "How Downtime is measured (slasite's docs/spec.md §2 downtime): from the incidents, or from request samples by a rule; the rule's keys are null for incidents.",
                [
                    ("source", .object([
                        ("description", .string("incidents: the incidents' weighted durations; samples: request counts per interval (content/status/samples/<service>.csv); samples_and_incidents: both, a minute counting as Downtime when either says so and once when both do (method bad_intervals).")),
                        ("enum", .array(DowntimeSource.allCases.map { .string($0.rawValue) })),
                    ])),
                    ("interval", SLASchema.nullable(SLASchema.integer("Minutes per interval, counted from each month's first instant.", minimum: 1))),
                    ("method", SLASchema.nullable(.object([
                        ("description", .string("bad_intervals: Downtime is interval × the counted bad intervals; error_rate: uptime is 100 − the mean error rate of the intervals.")),
                        ("enum", .array([.string("bad_intervals"), .string("error_rate")])),
                    ]))),
                    ("error_rate_above", SLASchema.nullable(SLASchema.number("An interval is bad when its error rate in percent is above this.", minimum: 0, maximum: 100))),
                    ("min_requests", SLASchema.nullable(SLASchema.integer("An interval with fewer requests has error rate 0.", minimum: 1))),
                    ("min_consecutive", SLASchema.nullable(SLASchema.integer("Bad intervals count only in runs of at least this many (a run may cross a month edge).", minimum: 1))),
                ]))
        ],
        changes: { a, b, s in
            a.downtime == b.downtime
                ? [] : [s(.changeDowntime, ["old": VersionChanges.downtimeRule(a.downtime, s), "new": VersionChanges.downtimeRule(b.downtime, s)])]
        },
        rows: { t, s in
            // Only where Downtime comes from request samples (issue 15).
            PageFormat.downtimeRule(t, s).map { [.init(term: s[.termDowntimeRule], value: $0)] } ?? []
        },
        rowRank: 6)

    /// `period` and `period_start_month`: one choice of measurement period (docs/spec.md §2, §3 Periods).
    static let period = TermDescription(
        key: "period",
        keys: ["period", "period_start_month"],
        decode: { r, terms in
            // docs/spec.md §2 `period`: month, quarter or year; `period_start_month` the month they start in.
            terms[\.period] = r.choice("period", PeriodKind.self, separator: ", ")
            terms[\.periodStartMonth] = r.integer(
                "period_start_month", in: 1...12, rangeText: "a month number between 1 and 12 (the month quarters and years start in)")
        },
        fields: { t in [("period", .string(t.period.rawValue)), ("period_start_month", .number(Double(t.periodStartMonth)))] },
        schema: [
            ("period", .object([
                ("description", .string("The measurement period every figure is judged over: calendar months, or quarters or years starting in period_start_month.")),
                ("enum", .array(PeriodKind.allCases.map { .string($0.rawValue) })),
            ])),
            ("period_start_month", SLASchema.integer("The month (1–12) quarters and years start in; 1 for calendar periods.", minimum: 1)),
        ],
        changes: { a, b, s in
            phrase(a, s) == phrase(b, s) ? [] : [s(.changePeriod, ["old": phrase(a, s), "new": phrase(b, s)])]
        },
        // A row only where the period is not the month (every page already says "monthly").
        rows: { t, s in t.period == .month ? [] : [.init(term: s[.termPeriod], value: PageFormat.capitalized(phrase(t, s)))] },
        rowRank: 9)

    /// "monthly", "quarterly", "yearly, starting in April".
    static func phrase(_ t: ResolvedTerms, _ s: PageText) -> String {
        let word: String
        switch t.period {
        case .month: return s[.periodMonthly]
        case .quarter: word = s[.periodQuarterly]
        case .year: word = s[.periodYearly]
        }
        guard t.periodStartMonth != 1 else { return word }
        return s(.periodFiscal, ["period": word, "month": s.format.monthName(t.periodStartMonth)])
    }
}
