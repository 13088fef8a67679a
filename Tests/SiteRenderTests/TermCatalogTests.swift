import SLACore
@testable import SiteContent
@testable import SiteRender
import XCTest

/// Issue 22 (STYLE 14): every SLA term walks through everything its description says — its
/// decoding from content (with an error at the value's file:line:column), its merge across
/// levels and revisions, sla.json's service fields, their schema, a version's change list and
/// the version page — so a term missing from any of them fails here.
final class TermCatalogTests: XCTestCase {
    /// Terms as a plan might give them: every term set.
    let base = ResolvedTerms {
        $0.uptime = 99.9
        $0.credits = [CreditTier(below: 99.9, credit: 10)]
        $0.creditCap = 100
        $0.claimWindow = .days(30)
        $0.excludeMaintenance = true
        $0.terminationConsecutiveMisses = 3
        $0.support = SupportTerms(hours: .allHours, response: [("critical", ResponseTime(parsing: "10m")!)])
    }

    /// `base` with one term changed; nil for a term this test does not know yet (that fails).
    func changed(_ key: String) -> ResolvedTerms? {
        var t = base
        switch key {
        case "uptime": t.uptime = 99.95
        case "credits": t.credits = [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99, credit: 25)]
        case "credit_cap": t.creditCap = 50
        case "claim_window_days":
            t.claimWindow = .months(2)
        case "impact_weights": t.impactWeights[.partial] = 0.5
        case "exclude_maintenance": t.excludeMaintenance = false
        case "termination": t.terminationConsecutiveMisses = 2
        case "support": t.support?.hours = .business
        case "downtime": t.downtime = .samples(SampleRule(errorRateAbove: 5))
        case "period":
            t.period = .quarter
            t.periodStartMonth = 4
        default: return nil
        }
        return t
    }

    /// Terms the version page shows no row for, on purpose (the Downtime rule names the weights
    /// on the details page). Any other term without a row fails.
    let withoutRow: Set<String> = ["impact_weights"]

    func testEveryTermReachesEveryOutput() throws {
        let s = PageText()
        let schemaKeys = SLASchema.termsProperties.map(\.0)
        let written = SLAJSON.termsFields(base, serviceID: "api", title: "API", url: "https://x.example/", composite: false).map(\.0)
        // sla.json writes exactly the keys its schema lists, in the same order.
        XCTAssertEqual(written, schemaKeys)
        for term in TermCatalog.all {
            let fields = term.fields(base).map(\.0)
            XCTAssertFalse(fields.isEmpty, term.key)
            XCTAssertEqual(fields, term.schema.map(\.0), "\(term.key): its fields and their schema")
            for key in fields {
                XCTAssertTrue(written.contains(key), "\(term.key): \(key) missing from sla.json")
                XCTAssertTrue(schemaKeys.contains(key), "\(term.key): \(key) missing from the schema")
            }
            let after = try XCTUnwrap(changed(term.key), "\(term.key): no variant in this test")
            // The change list says the change, and only this term's lines.
            let lines = VersionChanges.termLines(from: base, to: after, s)
            XCTAssertFalse(lines.isEmpty, "\(term.key): missing from the change list")
            XCTAssertEqual(lines, term.changes(base, after, s), term.key)
            XCTAssertEqual(VersionChanges.termLines(from: base, to: base, s), [], "no change, no line")
            // sla.json writes the new value.
            let old = JSONValue.object(SLAJSON.termsFields(base, serviceID: "api", title: nil, url: "u", composite: false))
            let new = JSONValue.object(SLAJSON.termsFields(after, serviceID: "api", title: nil, url: "u", composite: false))
            XCTAssertNotEqual(old, new, "\(term.key): sla.json does not show the change")
            // The version page shows the new value.
            if withoutRow.contains(term.key) {
                XCTAssertEqual(term.rows(base, s).count, 0, term.key)
            } else {
                // (A row may show only for some values: the Downtime rule only for samples.)
                XCTAssertFalse(term.rows(base, s).isEmpty && term.rows(after, s).isEmpty, "\(term.key): missing from the version page")
                XCTAssertNotEqual(
                    VersionPage.rows(base, s).map(\.value), VersionPage.rows(after, s).map(\.value),
                    "\(term.key): the version page does not show the change")
            }
        }
    }

    /// Every key a term reads from content is written to sla.json, and no two descriptions share a term.
    func testEveryDecodedTermIsDescribed() {
        let described = Set(TermCatalog.all.map(\.key))
        let fields = Set(TermCatalog.all.flatMap { $0.fields(base).map(\.0) })
        for key in TermCatalog.grammar.keys {
            XCTAssertTrue(fields.contains(key), "\(key) is decoded but no description writes it")
        }
        XCTAssertTrue(described.isSubset(of: Set(TermCatalog.grammar.keys)), "a described term the decoder does not read")
        XCTAssertEqual(described.count, TermCatalog.all.count, "each term described once")
    }

    /// The version page in its order (rows by rank), as before the catalog: objective, budget,
    /// credits, cap, claim window, maintenance, Downtime rule, termination, support.
    func testVersionPageRowsInOrder() {
        var t = base
        t.downtime = .samples(SampleRule(errorRateAbove: 5))
        let s = PageText()
        XCTAssertEqual(
            VersionPage.rows(t, s).map(\.term),
            [
                "Objective", "Downtime allowed", "Service credits", "Credit cap", "Claim window",
                "Scheduled maintenance", "How Downtime is measured", "Termination right", "Support",
            ])
    }

    /// docs/spec.md §2 `period`: its change line and version-page row in words; a month has no row
    /// (every page already says "monthly"), so month-period version pages are unchanged.
    func testThePeriodInWords() {
        let s = PageText()
        var quarterly = base
        quarterly.period = .quarter
        quarterly.periodStartMonth = 4
        XCTAssertEqual(VersionChanges.termLines(from: base, to: quarterly, s), ["Measurement period monthly → quarterly, starting in April"])
        XCTAssertEqual(TermCatalog.period.rows(base, s).count, 0)
        XCTAssertEqual(TermCatalog.period.rows(quarterly, s).map(\.value), ["Quarterly, starting in April"])
        var yearly = base
        yearly.period = .year
        XCTAssertEqual(TermCatalog.period.rows(yearly, s).map(\.value), ["Yearly"])
        // A start month without a longer period changes nothing that is published in words.
        var startOnly = base
        startOnly.periodStartMonth = 7
        XCTAssertEqual(VersionChanges.termLines(from: base, to: startOnly, s), [])
    }

    /// A term as content writes it: once at a higher level, once at a lower one (or a later
    /// revision), what the two merge to (by hand, docs/spec.md §2: a lower level overrides what it sets,
    /// maps merge key by key, lists are replaced whole), and a wrong value with words of its error.
    struct Written {
        var higher: String
        var lower: String
        var merged: (inout ResolvedTerms) -> Void
        var bad: String
        var error: String
    }

    /// Each term in content; a term with no entry fails `testEveryTermDecodesAndMerges`.
    let written: [String: Written] = [
        "uptime": Written(
            higher: "uptime: 99.5", lower: "uptime: 99.95", merged: { $0.uptime = 99.95 },
            bad: "uptime: high", error: "uptime must be a number between 0 and 100, got \"high\""),
        "credits": Written(
            higher: "credits: [{below: 99, credit: 5}]", lower: "credits: [{below: 99.9, credit: 10}]",
            merged: { $0.credits = [CreditTier(below: 99.9, credit: 10)] },  // the list replaced whole
            bad: "credits: lots", error: "credits must be a list of {below, credit} tiers, got \"lots\""),
        "credit_cap": Written(
            higher: "credit_cap: 50", lower: "credit_cap: 30", merged: { $0.creditCap = 30 },
            bad: "credit_cap: 200", error: "credit_cap must be a percentage between 0 and 100, got \"200\""),
        "claim_window_days": Written(
            // One window written two ways: the level that sets either sets it.
            higher: "claim_window_days: 10", lower: "claim_window_months: 2", merged: { $0.claimWindow = .months(2) },
            bad: "claim_window_days: soon", error: "claim_window_days must be a whole number of days between 0 and 3660, got \"soon\""),
        "impact_weights": Written(
            // Key by key over the site's weights (major 1, partial 0.3, degraded 0, maintenance 1).
            higher: "impact_weights: {partial: 0.5}", lower: "impact_weights: {degraded: 0.2}",
            merged: { $0.impactWeights = ImpactWeights(major: 1, partial: 0.5, degraded: 0.2, maintenance: 1) },
            bad: "impact_weights: {partial: 2}", error: "partial must be a weight between 0 and 1, got \"2\""),
        "exclude_maintenance": Written(
            higher: "exclude_maintenance: true", lower: "exclude_maintenance: false", merged: { $0.excludeMaintenance = false },
            bad: "exclude_maintenance: maybe", error: "exclude_maintenance must be true or false, got \"maybe\""),
        "termination": Written(
            higher: "termination: {consecutive_misses: 2}", lower: "termination: {consecutive_misses: 3}",
            merged: { $0.terminationConsecutiveMisses = 3 },
            bad: "termination: {}", error: "termination is missing the required key \"consecutive_misses\""),
        "support": Written(
            // Key by key: the hours stay, a severity is added.
            higher: "support: {hours: business, response: {critical: 1h}}", lower: "support: {response: {low: 2 business days}}",
            merged: {
                $0.support = SupportTerms(
                    hours: .business,
                    response: [("critical", ResponseTime(parsing: "1h")!), ("low", ResponseTime(parsing: "2 business days")!)])
            },
            bad: "support: {hours: sometimes}", error: "hours must be \"24x7\" or \"business\", got \"sometimes\""),
        "downtime": Written(
            // Key by key, then docs/spec.md §2's defaults for the keys nobody set.
            higher: "downtime: {source: samples, interval: 5}", lower: "downtime: {error_rate_above: 2}",
            merged: { $0.downtime = .samples(SampleRule(interval: 5, errorRateAbove: 2)) },
            bad: "downtime: {source: probes}", error: "source must be incidents, samples or samples_and_incidents, got \"probes\""),
        "period": Written(
            higher: "period: quarter", lower: "period_start_month: 4",
            merged: {
                $0.period = .quarter
                $0.periodStartMonth = 4
            },
            bad: "period: fortnight", error: "period must be month, quarter, year, got \"fortnight\""),
    ]

    /// A site whose defaults write `defaults`, whose plan writes `plan` (line 4 of its file) and
    /// `own` for its service, and whose one revision (2026-06-01) writes `revision`.
    func site(defaults: String = "", plan: String = "", own: String = "", revision: String = "") -> ParsedSite {
        let files = [
            "site.yaml": "title: T\nprovider: P\nbase_url: https://x.example/\ndefaults:\n  \(defaults)\n",
            "content/terms.md": "---\ntitle: Terms\n---\n",
            "content/services/api.md": "---\ntitle: API\nsummary: S\nmeasurement: M\n---\n",
            "content/plans/pro.md": """
                ---
                title: Pro
                summary: S
                \(plan)
                effective: 2026-01-01
                services: {api: {\(own)}}
                revisions:
                  - date: 2026-06-01
                    note: n
                    \(revision)
                ---

                """,
        ]
        return SiteParser.parse(files.keys.sorted().map { SourceFile(path: $0, text: files[$0]!) }, options: .standard())
    }

    /// The terms of the plan's service, in its first version and after the revision.
    func resolved(_ parsed: ParsedSite) throws -> (first: ResolvedTerms, revised: ResolvedTerms) {
        let site = try XCTUnwrap(parsed.site, parsed.diagnostics.map(\.description).joined(separator: "\n"))
        let versions = site.plans[0].versions(first: CalendarDay(year: 2026, month: 1, day: 1))
        return (site.terms(version: versions[0], service: "api"), site.terms(version: versions[versions.count - 1], service: "api"))
    }

    func testEveryTermDecodesAndMerges() throws {
        let plain = try resolved(site()).first
        for term in TermCatalog.all {
            let w = try XCTUnwrap(written[term.key], "\(term.key): not written in this test")
            for key in term.keys {
                XCTAssertTrue((w.higher + " " + w.lower).contains(key + ":"), "\(term.key): its key \(key) is never written here")
            }
            var expected = plain
            w.merged(&expected)
            XCTAssertNotEqual(expected, plain, "\(term.key): the merged value is a default")
            // Across levels: the site's defaults, then the plan × service.
            let levels = site(defaults: w.higher, own: w.lower)
            XCTAssertEqual(levels.diagnostics.errors, [], term.key)
            XCTAssertEqual(try resolved(levels).first, expected, "\(term.key): across levels")
            // Across revisions: the plan, then a revision amending it.
            XCTAssertEqual(try resolved(site(plan: w.higher, revision: w.lower)).revised, expected, "\(term.key): across revisions")
            // A wrong value: an error where it is written (line 4 of the plan), in the term's words.
            let bad = site(plan: w.bad).diagnostics.errors
            XCTAssertEqual(bad.map(\.file), ["content/plans/pro.md"], term.key)
            XCTAssertEqual(bad.map(\.line), [4], term.key)
            XCTAssertEqual(bad.map(\.message), [w.error], term.key)
        }
    }

    /// Every `TermKey` declared in the sources is set by some term's content, and a term's
    /// content sets only keys named by it: a key added for the arithmetic without a
    /// description (so content could never set it) fails here.
    func testEveryTermKeyIsWrittenBySomeTerm() throws {
        var declared: Set<String> = []
        let sources = PageTestSupport.root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let key = try Regex(#"TermKey<.*?>\("([a-z_]+)""#)
        for case let url as URL in files where url.pathExtension == "swift" {
            for match in try String(contentsOf: url, encoding: .utf8).matches(of: key) {
                declared.insert(String(try XCTUnwrap(match.output[1].substring)))
            }
        }
        XCTAssertTrue(declared.contains("uptime") && declared.contains("period_start_month"), "the scan finds the keys")
        var written: Set<String> = []
        for term in TermCatalog.all {
            let w = try XCTUnwrap(self.written[term.key], term.key)
            for content in [w.higher, w.lower] {
                let names = try XCTUnwrap(site(defaults: content).site, term.key).config.defaults.writtenNames
                XCTAssertFalse(names.isEmpty, "\(term.key): \(content) sets no key")
                XCTAssertEqual(Set(names).subtracting(term.keys), [], "\(term.key) sets keys it does not name")
                written.formUnion(names)
            }
        }
        XCTAssertEqual(declared.subtracting(written), [], "keys no term's content sets")
    }

    /// Each term's words are strings like any other: ids of their own, a German and a French
    /// text with the English one's placeholders, quarter and year wordings among the term's own
    /// words, and each one read by its description.
    func testEveryTermsWordsAreStringsWithTheirTranslations() throws {
        let catalog = try ["TermCatalog.swift", "TermCatalog+Phrases.swift"].map {
            try String(contentsOf: PageTestSupport.root.appendingPathComponent("Sources/SiteRender/" + $0), encoding: .utf8)
        }.joined()
        var seen = Set(StringID.allCases.map(\.rawValue))
        for term in TermCatalog.all {
            let ids = Set(term.words.map(\.id))
            for word in term.words {
                XCTAssertTrue(seen.insert(word.id).inserted, "\(word.id) is declared twice")
                XCTAssertFalse(word.en.isEmpty || word.de.isEmpty || word.fr.isEmpty, word.id)
                for (language, text) in [("de", word.de), ("fr", word.fr)] {
                    let problems = StringID.vocabulary.problems(key: word.id, text: text)
                    XCTAssertNil(problems.error, "\(language): \(problems.error ?? "")")
                    XCTAssertNil(problems.warning, "\(language): \(problems.warning ?? "")")
                }
                for variant in [word.quarterly, word.yearly].compactMap({ $0 }) {
                    XCTAssertTrue(ids.contains(variant), "\(word.id): its variant \(variant) is not among \(term.key)'s words")
                }
                // Read somewhere besides its declaration (a variant is read through its word).
                let reads = catalog.components(separatedBy: "\"\(word.id)\"").count - 1
                XCTAssertGreaterThan(reads, 1, "\(word.id) is declared but never read")
            }
        }
    }

    /// A term's words reach the version page and the change list through the strings table: a
    /// site's override, the shipped German, and the quarter wording.
    func testTermWordsAreOverriddenTranslatedAndWordedPerPeriod() {
        var config = SiteConfig(title: "T", provider: "P", baseURL: "https://x.example/")
        config.strings = WrittenStrings(texts: ["term_credit_cap": "Most we credit", "change_credit_cap": "cap {old} ⇒ {new}"])
        let overridden = PageText(strings: LanguageStrings.table(for: 0, of: config))
        XCTAssertEqual(TermCatalog.creditCap.rows(base, overridden).map(\.term), ["Most we credit"])
        var lower = base
        lower.creditCap = 50
        XCTAssertEqual(VersionChanges.termLines(from: base, to: lower, overridden), ["cap 100% ⇒ 50%"])
        config.languages = [Language(code: "de", name: "Deutsch", locale: "de")]
        let german = PageText(strings: LanguageStrings.table(for: 0, of: config), locale: "de")
        XCTAssertEqual(TermCatalog.uptime.rows(base, german).map(\.term), ["Ziel", "Zulässige Ausfallzeit"])
        let quarterly = PageText().forPeriod(.quarter)
        XCTAssertEqual(TermCatalog.creditCap.rows(base, quarterly).map(\.value), ["100% of the quarterly fee"])
        XCTAssertEqual(TermCatalog.termination.rows(base, quarterly).map(\.value), ["After 3 missed quarters in a row"])
    }
}
