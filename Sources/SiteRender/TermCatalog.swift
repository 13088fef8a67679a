import SLACore
import SiteContent

/// Every SLA term's description (`TermDescription`), in one list: a new term is an entry here
/// and its place in `all` (docs/content.md, "Adding a term").
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
        words: [
            TermWord("term_objective", "Objective", de: "Ziel", fr: "Objectif"),
            TermWord("term_downtime_allowed", "Downtime allowed", de: "Zulässige Ausfallzeit", fr: "Indisponibilité admise"),
            TermWord("term_downtime_allowed_value", "up to {minutes} a month", de: "bis zu {minutes} im Monat", fr: "jusqu’à {minutes} par mois", quarterly: "term_downtime_allowed_value_quarterly", yearly: "term_downtime_allowed_value_yearly"),
            TermWord("term_downtime_allowed_value_quarterly", "up to {minutes} a quarter", de: "bis zu {minutes} im Quartal", fr: "jusqu’à {minutes} par trimestre"),
            TermWord("term_downtime_allowed_value_yearly", "up to {minutes} a year", de: "bis zu {minutes} im Jahr", fr: "jusqu’à {minutes} par an"),
            TermWord("change_objective", "objective {old} → {new}", de: "Ziel {old} → {new}", fr: "objectif {old} → {new}"),
            TermWord("change_no_commitment", "no commitment", de: "keine Zusage", fr: "aucun engagement"),
        ],
        decode: { r, terms in
            let uptime = r.number("uptime", in: 0...100, rangeText: "a number between 0 and 100")
            terms[TermKeys.uptime] = uptime
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
            func objective(_ x: Double?) -> String { x.map(s.percent) ?? s.word("change_no_commitment") }
            return a.uptime == b.uptime ? [] : [s.word("change_objective", ["old": objective(a.uptime), "new": objective(b.uptime)])]
        },
        rows: { t, s in
            var rows: [VersionView.Row] = [
                .init(
                    term: s.word("term_objective"),
                    value: t.uptime.map { s(.objectiveMonthlyUptime, ["objective": s.percent($0)]) } ?? s[.noUptimeCommitment])
            ]
            if let budget = t.budgetMinutesPerPeriod {
                rows.append(
                    .init(term: s.word("term_downtime_allowed"), value: s.word("term_downtime_allowed_value", ["minutes": s.minutesInWords(budget)])))
            }
            return rows
        },
        rowRank: 0)

    static let credits = TermDescription(
        key: "credits",
        keys: ["credits"],
        words: [
            TermWord("term_credits", "Service credits", de: "Gutschriften", fr: "Avoirs"),
            TermWord("term_credit_tier", "{credit} below {below}", de: "{credit} unter {below}", fr: "{credit} en dessous de {below}"),
            TermWord("change_credit_below", "credit below {below}: {old} → {new}", de: "Gutschrift unter {below}: {old} → {new}", fr: "avoir en dessous de {below}\u{00A0}: {old} → {new}"),
        ],
        decode: { r, terms in terms[TermKeys.credits] = r.creditTiers("credits") },
        fields: { t in [("credits", .array(t.tiersByThreshold.map { .object([("below", .number($0.below)), ("credit", .number($0.credit))]) }))] },
        schema: [("credits", SLASchema.array(SLASchema.ref("CreditTier"), "Service credit tiers, highest threshold first."))],
        changes: { a, b, s in
            // Credit tiers by threshold, highest first (as the credit tables list them).
            let oldTiers = Dictionary(a.credits.map { ($0.below, $0.credit) }, uniquingKeysWith: max)
            let newTiers = Dictionary(b.credits.map { ($0.below, $0.credit) }, uniquingKeysWith: max)
            return Set(oldTiers.keys).union(newTiers.keys).sorted(by: >).filter { oldTiers[$0] != newTiers[$0] }.map { below in
                s.word("change_credit_below", ["below": s.percent(below), "old": percent(oldTiers[below], s), "new": percent(newTiers[below], s)])
            }
        },
        rows: { t, s in
            let schedule = SLAArithmetic.creditSchedule(t)
            return [
                .init(
                    term: s.word("term_credits"),
                    value: schedule.isEmpty
                        ? s[.termNone]
                        : schedule.map {
                            s.word("term_credit_tier", ["credit": s.percent($0.credit), "below": s.percent($0.below)])
                        }.joined(separator: s[.listComma]))
            ]
        },
        rowRank: 1)

    static let creditCap = TermDescription(
        key: "credit_cap",
        keys: ["credit_cap"],
        words: [
            TermWord("term_credit_cap", "Credit cap", de: "Höchstbetrag der Gutschrift", fr: "Plafond des avoirs"),
            TermWord("term_credit_cap_value", "{cap} of the monthly fee", de: "{cap} des Monatsentgelts", fr: "{cap} de la redevance mensuelle", quarterly: "term_credit_cap_value_quarterly", yearly: "term_credit_cap_value_yearly"),
            TermWord("term_credit_cap_value_quarterly", "{cap} of the quarterly fee", de: "{cap} des Quartalsentgelts", fr: "{cap} de la redevance trimestrielle"),
            TermWord("term_credit_cap_value_yearly", "{cap} of the yearly fee", de: "{cap} des Jahresentgelts", fr: "{cap} de la redevance annuelle"),
            TermWord("change_credit_cap", "credit cap {old} → {new}", de: "Höchstbetrag der Gutschrift {old} → {new}", fr: "plafond des avoirs {old} → {new}"),
        ],
        decode: { r, terms in terms[TermKeys.creditCap] = r.number("credit_cap", in: 0...100, rangeText: "a percentage between 0 and 100") },
        fields: { t in [("credit_cap", .number(t.creditCap))] },
        schema: [("credit_cap", SLASchema.number("Maximum credit in a month, percent of the monthly fee.", minimum: 0))],
        changes: { a, b, s in
            a.creditCap == b.creditCap
                ? [] : [s.word("change_credit_cap", ["old": s.percent(a.creditCap), "new": s.percent(b.creditCap)])]
        },
        rows: { t, s in [.init(term: s.word("term_credit_cap"), value: s.word("term_credit_cap_value", ["cap": s.percent(t.creditCap)]))] },
        rowRank: 2)

    /// `claim_window_days` and `claim_window_months`: two ways to write one claim window.
    static let claimWindow = TermDescription(
        key: "claim_window_days",
        keys: ["claim_window_days", "claim_window_months"],
        words: [
            TermWord("term_claim_window", "Claim window", de: "Antragsfrist", fr: "Délai de réclamation"),
            TermWord("term_claim_window_value", "Claim {window}", de: "Antrag {window}", fr: "Réclamation {window}"),
            TermWord("term_claim_window_terms", "As set out in the general terms", de: "Gemäß den Allgemeinen Bedingungen", fr: "Selon les conditions générales"),
            TermWord("change_claim_window", "claim window {old} → {new}", de: "Antragsfrist {old} → {new}", fr: "délai de réclamation {old} → {new}"),
            TermWord("change_claim_days_one", "{n} day after the month", de: "{n} Tag nach dem Monat", fr: "{n} jour après le mois"),
            TermWord("change_claim_days_other", "{n} days after the month", de: "{n} Tage nach dem Monat", fr: "{n} jours après le mois"),
            TermWord("change_claim_months", "end of the {nth} month after", de: "Ende des {nth} Monats danach", fr: "fin du {nth} mois suivant"),
            TermWord("change_claim_next_month", "end of the month after", de: "Ende des Folgemonats", fr: "fin du mois suivant"),
        ],
        decode: { r, terms in
            let days = r.integer("claim_window_days", in: 0...3660, rangeText: "a whole number of days between 0 and 3660")
            let months = r.integer("claim_window_months", in: 1...120, rangeText: "a whole number of months between 1 and 120")
            if r.has("claim_window_months") && r.has("claim_window_days") {
                r.error(at: "claim_window_months", "claim_window_months and claim_window_days are two ways to set one claim window: keep one of them")
            }
            terms[TermKeys.claimWindow] = days.map(ClaimWindow.days) ?? months.map(ClaimWindow.months)
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
                ? [] : [s.word("change_claim_window", ["old": claimWindowPhrase(a, s), "new": claimWindowPhrase(b, s)])]
        },
        rows: { t, s in
            [
                .init(
                    term: s.word("term_claim_window"),
                    value: PageFormat.claimWindow(t, s).map { s.word("term_claim_window_value", ["window": $0]) } ?? s.word("term_claim_window_terms"))
            ]
        },
        rowRank: 3)

    static let impactWeights = TermDescription(
        key: "impact_weights",
        keys: ["impact_weights"],
        words: [
            TermWord("change_weight", "{impact} incidents count {old} → {new} of each minute", de: "Vorfälle der Art „{impact}“ zählen {old} → {new} jeder Minute", fr: "les incidents «\u{00A0}{impact}\u{00A0}» comptent {old} → {new} de chaque minute"),
        ],
        decode: { r, terms in terms[TermKeys.impactWeights] = r.impactWeights("impact_weights") },
        fields: { t in [("impact_weights", .object(Impact.allCases.map { ($0.rawValue, .number(t.impactWeights[$0])) }))] },
        schema: [
            ("impact_weights", SLASchema.object(
                "Downtime weight per incident impact for this plan and service (an incident's own weight wins).",
                Impact.allCases.map(\.rawValue).map { ($0, SLASchema.number("Weight of a \($0) incident, 0 to 1.", minimum: 0, maximum: 1)) }))
        ],
        changes: { a, b, s in
            Impact.allCases.filter { a.impactWeights[$0] != b.impactWeights[$0] }.map { impact in
                s.word("change_weight", [
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
        words: [
            TermWord("term_maintenance", "Scheduled maintenance", de: "Geplante Wartung", fr: "Maintenance programmée"),
            TermWord("term_maintenance_excluded", "Not counted as downtime", de: "Zählt nicht als Ausfallzeit", fr: "Non comptée comme indisponibilité"),
            TermWord("term_maintenance_counted", "Counted as downtime", de: "Zählt als Ausfallzeit", fr: "Comptée comme indisponibilité"),
            TermWord("change_maintenance_excluded", "scheduled maintenance no longer counts as downtime", de: "geplante Wartung zählt nicht mehr als Ausfallzeit", fr: "la maintenance programmée n’est plus comptée comme indisponibilité"),
            TermWord("change_maintenance_counted", "scheduled maintenance now counts as downtime", de: "geplante Wartung zählt nun als Ausfallzeit", fr: "la maintenance programmée est désormais comptée comme indisponibilité"),
        ],
        decode: { r, terms in terms[TermKeys.excludeMaintenance] = r.bool("exclude_maintenance") },
        fields: { t in [("exclude_maintenance", .bool(t.excludeMaintenance))] },
        schema: [("exclude_maintenance", SLASchema.boolean("Whether scheduled maintenance is excluded from downtime."))],
        changes: { a, b, s in
            a.excludeMaintenance == b.excludeMaintenance
                ? [] : [b.excludeMaintenance ? s.word("change_maintenance_excluded") : s.word("change_maintenance_counted")]
        },
        rows: { t, s in
            [.init(term: s.word("term_maintenance"), value: t.excludeMaintenance ? s.word("term_maintenance_excluded") : s.word("term_maintenance_counted"))]
        },
        rowRank: 5)

    static let termination = TermDescription(
        key: "termination",
        keys: ["termination"],
        words: [
            TermWord("term_termination", "Termination right", de: "Kündigungsrecht", fr: "Droit de résiliation"),
            TermWord("term_termination_value_one", "After {n} missed month in a row", de: "Nach {n} verfehlten Monat in Folge", fr: "Après {n} mois consécutif non conforme", quarterly: "term_termination_value_quarterly_one", yearly: "term_termination_value_yearly_one"),
            TermWord("term_termination_value_other", "After {n} missed months in a row", de: "Nach {n} verfehlten Monaten in Folge", fr: "Après {n} mois consécutifs non conformes", quarterly: "term_termination_value_quarterly_other", yearly: "term_termination_value_yearly_other"),
            TermWord("term_termination_value_quarterly_one", "After {n} missed quarter in a row", de: "Nach {n} verfehlten Quartal in Folge", fr: "Après {n} trimestre consécutif non conforme"),
            TermWord("term_termination_value_quarterly_other", "After {n} missed quarters in a row", de: "Nach {n} verfehlten Quartalen in Folge", fr: "Après {n} trimestres consécutifs non conformes"),
            TermWord("term_termination_value_yearly_one", "After {n} missed year in a row", de: "Nach {n} verfehlten Jahr in Folge", fr: "Après {n} année consécutive non conforme"),
            TermWord("term_termination_value_yearly_other", "After {n} missed years in a row", de: "Nach {n} verfehlten Jahren in Folge", fr: "Après {n} années consécutives non conformes"),
            TermWord("change_termination", "termination right {old} → {new}", de: "Kündigungsrecht {old} → {new}", fr: "droit de résiliation {old} → {new}"),
            TermWord("change_termination_after_one", "after {n} missed month in a row", de: "nach {n} verfehlten Monat in Folge", fr: "après {n} mois consécutif non conforme"),
            TermWord("change_termination_after_other", "after {n} missed months in a row", de: "nach {n} verfehlten Monaten in Folge", fr: "après {n} mois consécutifs non conformes"),
        ],
        decode: { r, terms in
            guard let t = r.mapping("termination", what: "termination", allowed: ["consecutive_misses"]) else { return }
            t.require("consecutive_misses", what: "termination")
            terms[TermKeys.terminationConsecutiveMisses] = t.integer(
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
                n.map { s.word($0, one: "change_termination_after_one", other: "change_termination_after_other") } ?? s[.changeNone]
            }
            return [s.word("change_termination", ["old": text(a.terminationConsecutiveMisses), "new": text(b.terminationConsecutiveMisses)])]
        },
        rows: { t, s in
            [
                .init(
                    term: s.word("term_termination"),
                    value: t.terminationConsecutiveMisses.map {
                        s.word($0, one: "term_termination_value_one", other: "term_termination_value_other")
                    } ?? s[.termNone])
            ]
        },
        rowRank: 7)

    static let support = TermDescription(
        key: "support",
        keys: ["support"],
        words: [
            TermWord("term_support", "Support", de: "Support", fr: "Assistance"),
            TermWord("term_support_hours_not_stated", "Hours not stated", de: "Zeiten nicht angegeben", fr: "Horaires non précisés"),
            TermWord("change_support_hours", "support hours {old} → {new}", de: "Supportzeiten {old} → {new}", fr: "horaires d’assistance {old} → {new}"),
            TermWord("change_response", "{severity} response {old} → {new}", de: "Reaktion bei Schweregrad {severity} {old} → {new}", fr: "réponse pour la gravité {severity} {old} → {new}"),
        ],
        decode: { r, terms in terms[TermKeys.support] = r.supportTerms("support") },
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
                    s.word("change_support_hours", [
                            "old": PageFormat.hours(a.support?.hours, s) ?? s[.changeNotStated],
                            "new": PageFormat.hours(b.support?.hours, s) ?? s[.changeNotStated],
                        ]))
            }
            let oldResponse = Dictionary((a.support?.response ?? []).map { ($0.severity, $0.time.text) }, uniquingKeysWith: { x, _ in x })
            let newResponse = (b.support?.response ?? []).map { ($0.severity, $0.time.text) }
            for (severity, time) in newResponse where oldResponse[severity] != time {
                out.append(s.word("change_response", ["severity": severity, "old": oldResponse[severity] ?? s[.changeNone], "new": time]))
            }
            let newSeverities = Set(newResponse.map(\.0))
            for (severity, time) in (a.support?.response ?? []).map({ ($0.severity, $0.time.text) }) where !newSeverities.contains(severity) {
                out.append(s.word("change_response", ["severity": severity, "old": time, "new": s[.changeNone]]))
            }
            return out
        },
        rows: { t, s in
            guard let support = t.support else { return [] }
            var value = PageFormat.hours(support.hours, s).map { PageFormat.capitalized($0) } ?? s.word("term_support_hours_not_stated")
            if !support.response.isEmpty {
                value += s[.listSemicolon] + support.response.map { "\($0.severity) \($0.time.phrase(s.strings))" }.joined(separator: s[.listComma])
            }
            return [.init(term: s.word("term_support"), value: value)]
        },
        rowRank: 8)

    static let downtime = TermDescription(
        key: "downtime",
        keys: ["downtime"],
        words: [
            TermWord("term_downtime_rule", "How Downtime is measured", de: "Wie die Ausfallzeit gemessen wird", fr: "Mesure de l’indisponibilité"),
            TermWord("change_downtime", "Downtime measured {old} → {new}", de: "Messung der Ausfallzeit {old} → {new}", fr: "mesure de l’indisponibilité {old} → {new}"),
            TermWord("change_by_incidents", "by incidents", de: "nach Vorfällen", fr: "par les incidents"),
            TermWord("change_or_by_incidents", "{rule} or by incidents", de: "{rule} oder nach Vorfällen", fr: "{rule} ou par les incidents"),
            TermWord("change_at_least_requests", "at least {requests} requests", de: "mindestens {requests} Anfragen", fr: "au moins {requests} requêtes"),
            TermWord("change_by_mean_rate", "by the mean error rate of {n}-minute intervals", de: "nach der mittleren Fehlerquote von Messperioden von {n} Minuten", fr: "par le taux d’erreur moyen des périodes de {n} minutes"),
            TermWord("change_by_bad_intervals", "by {n}-minute intervals above {rate} errors", de: "nach Messperioden von {n} Minuten mit mehr als {rate} Fehlern", fr: "par les périodes de {n} minutes à plus de {rate} d’erreurs"),
            TermWord("change_runs_of", "runs of {runs}", de: "Folgen von {runs}", fr: "séries de {runs}"),
            TermWord("change_details", "{rule} ({details})", de: "{rule} ({details})", fr: "{rule} ({details})"),
        ],
        decode: { r, terms in terms[TermKeys.downtime] = r.downtimeTerms("downtime") },
        fields: { t in [("downtime", SLAJSON.downtime(t.downtime))] },
        schema: [
            ("downtime", SLASchema.object(
                "How Downtime is measured (slasite's docs/spec.md §2 downtime): from the incidents, or from request samples by a rule; the rule's keys are null for incidents.",
                [
                    ("source", .object([
                        ("description", .string("incidents: the incidents' weighted durations; samples: request counts per interval (content/status/samples/<service>.csv); samples_and_incidents: both, a minute counting as Downtime when either says so and once when both do (method bad_intervals); parts: a composite service, whose Downtime is its parts', each measured by its own rule (the rule's keys are null).")),
                        ("enum", .array(DowntimeSource.allCases.map { .string($0.rawValue) } + [.string("parts")])),
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
                ? [] : [s.word("change_downtime", ["old": downtimeRulePhrase(a.downtime, s), "new": downtimeRulePhrase(b.downtime, s)])]
        },
        rows: { t, s in
            // Only where Downtime comes from request samples (issue 15).
            PageFormat.downtimeRule(t, s).map { [.init(term: s.word("term_downtime_rule"), value: $0)] } ?? []
        },
        rowRank: 6)

    /// `period` and `period_start_month`: one choice of measurement period (docs/spec.md §2, §3 Periods).
    static let period = TermDescription(
        key: "period",
        keys: ["period", "period_start_month"],
        words: [
            TermWord("term_period", "Measurement period", de: "Messzeitraum", fr: "Période de mesure"),
            TermWord("change_period", "Measurement period {old} → {new}", de: "Messzeitraum {old} → {new}", fr: "période de mesure {old} → {new}"),
            TermWord("period_monthly", "monthly", de: "monatlich", fr: "mensuelle"),
            TermWord("period_quarterly", "quarterly", de: "vierteljährlich", fr: "trimestrielle"),
            TermWord("period_yearly", "yearly", de: "jährlich", fr: "annuelle"),
            TermWord("period_fiscal", "{period}, starting in {month}", de: "{period}, beginnend im {month}", fr: "{period}, commençant en {month}"),
        ],
        decode: { r, terms in
            // docs/spec.md §2 `period`: month, quarter or year; `period_start_month` the month they start in.
            terms[TermKeys.period] = r.choice("period", PeriodKind.self, separator: ", ")
            terms[TermKeys.periodStartMonth] = r.integer(
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
            phrase(a, s) == phrase(b, s) ? [] : [s.word("change_period", ["old": phrase(a, s), "new": phrase(b, s)])]
        },
        // A row only where the period is not the month (every page already says "monthly").
        rows: { t, s in t.period == .month ? [] : [.init(term: s.word("term_period"), value: PageFormat.capitalized(phrase(t, s)))] },
        rowRank: 9)
}
