import SLACore
import SiteContent
import XCTest
import SiteRender

final class ParserTests: XCTestCase {
    func testTheFixtureIsValid() throws {
        let parsed = SiteFixture().parse()
        XCTAssertEqual(parsed.diagnostics, [])
        let site = try XCTUnwrap(parsed.site)
        XCTAssertEqual(site.plans.map(\.id), ["pro"])
        XCTAssertEqual(site.services.map(\.id), ["api", "db"])
        XCTAssertEqual(site.terms(plan: site.plans[0], service: "db").uptime, 99.95)
        XCTAssertEqual(site.terms(plan: site.plans[0], service: "api").creditCap, 50)
        XCTAssertEqual(site.incidents[0].start.rfc3339, "2026-10-03T10:00:00Z")
        XCTAssertEqual(site.plans[0].body, "Plan body.\n")
    }

    func testUptimeWithACommaPointsAtTheValue() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nservices: {api: {}}\nuptime: 99,9\n---\n"
        XCTAssertEqual(f.messages(), ["content/plans/pro.md:5:9: uptime must be a number between 0 and 100, got \"99,9\" (write 99.9, with a decimal point)"])
    }

    func testUptimeOutOfRange() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nservices:\n  api:\n    uptime: 199\n---\n"
        XCTAssertEqual(f.messages(), ["content/plans/pro.md:6:13: uptime must be a number between 0 and 100, got \"199\""])
    }

    func testUnknownKeySuggestsTheClosestOne() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nuptme: 99.9\nservices: {api: {}}\n---\n"
        XCTAssertEqual(
            f.messages(), ["content/plans/pro.md:4:1: unknown key \"uptme\" in plan (did you mean \"uptime\"?)"])
    }

    /// Issue 26, point 10: a key that starts several known ones names them all.
    func testClaimWindowSuggestsBothWindows() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nclaim_window: 30\nservices: {api: {}}\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:4:1: unknown key \"claim_window\" in plan (did you mean \"claim_window_days\" or \"claim_window_months\"?)"])
    }

    /// Issue 14: revisions that change terms are checked where they are written.
    func testRevisionsThatChangeTermsAreChecked() throws {
        var f = SiteFixture()
        let head = "---\ntitle: Pro\nsummary: S\neffective: 2026-01-01\nuptime: 99.9\nservices: {api: {}}\nrevisions:\n"
        f["content/plans/pro.md"] = head + "  - date: 2026-06-01\n    effective: 2026-07-15\n    note: n\n    uptime: 99.95\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:9:16: warning: takes effect from 2026-08 (the first whole month): months are judged by the terms in force on their first day"])
        let plan = try XCTUnwrap(f.parse().site?.plans.first)
        XCTAssertEqual(plan.revisions.first?.terms[TermKeys.uptime], 99.95)
        XCTAssertEqual(plan.revisions.first?.effectiveDay, CalendarDay(year: 2026, month: 7, day: 15))

        f["content/plans/pro.md"] = head + "  - date: 2026-06-01\n    note: n\n    uptime: 99.9\n---\n"
        XCTAssertEqual(
            f.messages(), ["content/plans/pro.md:8:5: warning: this revision changes no term in force: its terms are already the plan's"])

        f["content/plans/pro.md"] = head + "  - date: 2025-11-01\n    effective: 2025-12-01\n    note: n\n    uptime: 99.5\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:9:16: this change takes effect on 2025-12-01, before the plan's own terms (effective 2026-01-01): record it in the front matter instead"])

        // A service dropped and one added, by a revision.
        f["content/plans/pro.md"] = head + "  - date: 2026-06-01\n    note: n\n    services:\n      api: null\n      db: {uptime: 99}\n---\n"
        let revised = try XCTUnwrap(f.parse().site?.plans.first?.revisions.first)
        XCTAssertEqual(revised.services, [RevisionService(id: "api", terms: nil), RevisionService(id: "db", terms: SLATerms {
            $0[TermKeys.uptime] = 99
        })])
    }

    /// Issue 17, point 7: sharper diagnostics, exact messages.
    func testADuplicateKeyIsReportedWhereItRepeatsNamingTheFirst() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nuptime: 99.9\nuptime: 99.5\nservices: {api: {}}\n---\n"
        XCTAssertEqual(
            f.messages(), ["content/plans/pro.md:5:1: duplicate key \"uptime\": it is already set on line 4; keep one of them"])
        // Nested: the repeat inside a service's terms, not a same-named key elsewhere.
        f["content/plans/pro.md"] =
            "---\ntitle: Pro\nsummary: S\nuptime: 99.9\nservices:\n  api:\n    uptime: 99\n    credit_cap: 10\n    uptime: 98\n---\n"
        XCTAssertEqual(
            f.messages(), ["content/plans/pro.md:9:5: duplicate key \"uptime\": it is already set on line 7; keep one of them"])
    }

    func testATabIndentIsNamed() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nservices:\n\tapi: {}\n---\n"
        XCTAssertEqual(f.messages(), ["content/plans/pro.md:5:1: tabs cannot indent YAML; use spaces"])
    }

    func testAPercentSignAndASingleNameGetTheFixAsAHint() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\ncredit_cap: 100%\nservices: {api: {}}\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:4:13: credit_cap must be a percentage between 0 and 100, got \"100%\" (write 100, without the % sign: the unit is implied)"])
        f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            "---\ntitle: X\nservices: api\nimpact: major\nstart: 2026-10-01T00:00:00Z\n---\n"
        XCTAssertEqual(
            f.messages(), ["content/status/incidents/outage.md:3:11: services must be a list, got \"api\" (write [api])"])
    }

    /// Issue 17: weights per level, an incident's own weight, the two claim windows.
    func testWeightsAndClaimWindowsAreTermsAndAreChecked() throws {
        var f = SiteFixture()
        f["content/plans/pro.md"] =
            "---\ntitle: Pro\nsummary: S\nclaim_window_months: 2\nservices:\n  api:\n    impact_weights: {partial: 1.0}\n---\n"
        let parsed = f.parse()
        XCTAssertEqual(parsed.diagnostics, [])
        let site = try XCTUnwrap(parsed.site)
        let api = site.terms(plan: site.plans[0], service: "api")
        XCTAssertEqual(api.impactWeights, ImpactWeights(major: 1, partial: 1, degraded: 0, maintenance: 1))
        XCTAssertEqual(api.claimWindowMonths, 2)

        f["content/plans/pro.md"] =
            "---\ntitle: Pro\nsummary: S\nclaim_window_days: 15\nclaim_window_months: 2\nservices:\n  api:\n    impact_weights: {partial: 1.5, minor: 0.2}\n---\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:5:22: claim_window_months and claim_window_days are two ways to set one claim window: keep one of them",
                // "    impact_weights: {partial: 1.5, minor: 0.2}": 1.5 at column 31, minor at 36.
                "content/plans/pro.md:8:31: partial must be a weight between 0 and 1, got \"1.5\"",
                "content/plans/pro.md:8:36: unknown key \"minor\" in impact_weights",
            ])
    }

    func testAnIncidentsOwnWeight() throws {
        var f = SiteFixture()
        let incident = "---\ntitle: Slow\nservices: [api]\nimpact: partial\nweight: 0.5\nstart: 2026-10-03T10:00:00Z\nend: 2026-10-03T11:00:00Z\n---\n"
        f["content/status/incidents/slow.md"] = incident
        let site = try XCTUnwrap(f.parse().site)
        XCTAssertEqual(site.incidents.first { $0.id == "slow" }?.weight, 0.5)
        f["content/status/incidents/slow.md"] = incident.replacingOccurrences(of: "weight: 0.5", with: "weight: 50%")
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/slow.md:5:9: weight must be a weight between 0 and 1 (0.5 counts half of each minute), got \"50%\""])
    }

    func testUnknownKeyInSiteYAMLAndNestedTerms() {
        var f = SiteFixture()
        f["site.yaml"] = "title: T\nprovider: P\nbase_url: https://x.example/\ndefaults:\n  credit_capp: 5\n"
        XCTAssertEqual(f.messages(), ["site.yaml:5:3: unknown key \"credit_capp\" in defaults (did you mean \"credit_cap\"?)"])
    }

    func testMissingRequiredKey() {
        var f = SiteFixture()
        f["content/services/db.md"] = "---\ntitle: Database\nsummary: S\n---\n"
        XCTAssertEqual(f.messages(), ["content/services/db.md:2:1: service is missing the required key \"measurement\""])
    }

    func testUnknownServiceInIncidentAndPlan() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            "---\ntitle: O\nservices: [api, dbb]\nimpact: major\nstart: 2026-10-03T10:00:00Z\n---\n"
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nservices:\n  apii: {}\n---\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:5:3: unknown service \"apii\": there is no content/services/apii.md (did you mean \"api\"?)",
                "content/status/incidents/outage.md:3:17: unknown service \"dbb\": there is no content/services/dbb.md (did you mean \"db\"?)",
            ])
    }

    func testUnknownPlanInIncident() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            "---\ntitle: O\nservices: [api]\nimpact: major\nstart: 2026-10-03T10:00:00Z\nplans: [proo]\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:6:9: unknown plan \"proo\": there is no content/plans/proo.md (did you mean \"pro\"?)"])
    }

    func testBadImpactAndDates() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            "---\ntitle: O\nservices: [api]\nimpact: majr\nstart: 2026-13-03T10:00:00Z\nend: yesterday\n---\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/status/incidents/outage.md:4:9: impact must be one of major, partial, degraded or maintenance, got \"majr\" (did you mean \"major\"?)",
                "content/status/incidents/outage.md:5:8: start must be an ISO 8601 date and time like 2026-03-14T09:30:00Z, got \"2026-13-03T10:00:00Z\"",
                "content/status/incidents/outage.md:6:6: end must be an ISO 8601 date and time like 2026-03-14T09:30:00Z, got \"yesterday\"",
            ])
    }

    func testEndBeforeStart() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            "---\ntitle: O\nservices: [api]\nimpact: major\nstart: 2026-10-03T10:00:00Z\nend: 2026-10-03T09:00:00Z\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:6:6: end 2026-10-03T09:00:00Z is before start 2026-10-03T10:00:00Z"])
    }

    func testYAMLSyntaxErrorHasAPosition() {
        var f = SiteFixture()
        f["content/services/db.md"] = "---\ntitle: Database\nsummary: [unclosed\nmeasurement: x\n---\n"
        let messages = f.messages()
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("content/services/db.md:"), messages[0])
        XCTAssertTrue(messages[0].contains("invalid YAML"), messages[0])
    }

    func testMissingFrontMatter() {
        var f = SiteFixture()
        f["content/services/db.md"] = "title: Database\n"
        XCTAssertEqual(
            f.messages(),
            ["content/services/db.md:1:1: expected front matter: the file must start with a line \"---\", then YAML, then \"---\""])
    }

    func testInvalidFileNames() {
        var f = SiteFixture()
        f["content/services/My_DB.md"] = f["content/services/db.md"]
        XCTAssertEqual(
            f.messages(),
            ["content/services/My_DB.md:1:1: file name \"My_DB\" is not a valid id: use lowercase letters a-z, digits 0-9 and -, at most 100 characters"])
    }

    func testCRLFAndBOMAreAccepted() throws {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "\u{FEFF}---\r\ntitle: Pro\r\nsummary: S\r\nservices: {api: {}}\r\nuptime: 99,9\r\n---\r\nBody\r\n"
        XCTAssertEqual(f.messages(), ["content/plans/pro.md:5:9: uptime must be a number between 0 and 100, got \"99,9\" (write 99.9, with a decimal point)"])
        f["content/plans/pro.md"] = "\u{FEFF}---\r\ntitle: Pro\r\nsummary: S\r\nservices: {api: {}}\r\n---\r\nBody\r\n"
        let site = try XCTUnwrap(f.parse().site)
        XCTAssertEqual(site.plans[0].body, "Body\n")
    }

    func testInvalidUTF8AndBinaryAreCleanErrors() {
        var files = SiteFixture().sourceFiles.filter { $0.path != "content/services/db.md" }
        files.append(SourceFile(path: "content/services/db.md", bytes: Array("---\ntitle: D".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8)))
        files.append(SourceFile(path: "content/status/incidents/bin.md", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]))
        let messages = SiteParser.parse(files, options: .standard()).diagnostics.map(\.description)
        XCTAssertEqual(
            messages,
            [
                "content/services/db.md:2:9: file is not valid UTF-8 text: found byte 0xC3",
                "content/status/incidents/bin.md:1:5: file is not valid UTF-8 text: found a NUL byte (binary content?)",
            ])
    }

    func testAllErrorsOfARunAreReportedTogether() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nuptime: abc\ncredit_cap: 200\nservices: {api: {}}\n---\n"
        f["site.yaml"] = "title: T\nprovider: P\nbase_url: not a url\ntimezone: Europe/Lodnon\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:4:9: uptime must be a number between 0 and 100, got \"abc\"",
                "content/plans/pro.md:5:13: credit_cap must be a percentage between 0 and 100, got \"200\"",
                "site.yaml:3:11: base_url must be an absolute http or https URL like https://sla.example.com/, got \"not a url\"",
                "site.yaml:4:11: timezone must be an IANA time zone like Europe/London, got \"Europe/Lodnon\" (did you mean \"Europe/London\"?)",
            ])
    }

    func testWarningsForNinesAndNonMonotonicTiers() throws {
        var f = SiteFixture()
        f["content/plans/pro.md"] = """
            ---
            title: Pro
            summary: S
            uptime: 99.9999
            credits:
              - {below: 99.9, credit: 25}
              - {below: 99.0, credit: 10}
            services: {api: {}}
            ---

            """
        let parsed = f.parse()
        XCTAssertNotNil(parsed.site, "warnings do not fail the parse")
        XCTAssertEqual(
            parsed.diagnostics.map(\.description),
            [
                "content/plans/pro.md:4:9: warning: uptime 99.9999 allows 2.6 s of downtime a month — is a 9 misplaced?",
                "content/plans/pro.md:7:5: warning: credit tiers are not monotonic: 10 % below 99 % is less than 25 % below 99.9 %",
            ])
    }

    func testMeasurementsCSV() throws {
        var f = SiteFixture()
        f["content/status/measurements.csv"] = "service,month,uptime\napi,2026-09,99.5\napi,2026-9,99\ndb,2026-09,99,9\nweb,2026-09,99\napi,2026-09,98\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/status/measurements.csv:3:5: month must be like 2026-10, got \"2026-9\"",
                "content/status/measurements.csv:4:1: expected 3 fields (service,month,uptime), got 4",
                "content/status/measurements.csv:5:1: unknown service \"web\": there is no content/services/web.md",
                "content/status/measurements.csv:6:1: a second row for api in 2026-09 (the first is on line 2)",
            ])
        f["content/status/measurements.csv"] = "service,month,uptime\r\napi,2026-09,99.5\r\n"
        let site = try XCTUnwrap(f.parse().site)
        XCTAssertEqual(site.measurements, [MeasuredUptime(service: "api", month: YearMonth(year: 2026, month: 9), uptime: 99.5)])
    }

    func testSupportTerms() throws {
        var f = SiteFixture()
        f["content/plans/pro.md"] = """
            ---
            title: Pro
            summary: S
            support:
              hours: 24x7
              response: {critical: 15m, high: 4h, normal: 1 business day, low: whenever}
            services: {api: {}}
            ---

            """
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:6:68: response time for low must be like immediate, 15m, 4h or 1 business day, got \"whenever\""])
    }

    func testDuplicateKeysAreErrors() {
        var f = SiteFixture()
        f["content/services/db.md"] = "---\ntitle: A\ntitle: B\nsummary: S\nmeasurement: M\n---\n"
        let messages = f.messages()
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].contains("duplicate key \"title\""), messages[0])
    }

    func testDeepNestingAndAliasBombsEndInAnError() {
        var f = SiteFixture()
        f["content/services/db.md"] = "---\ntitle: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\n"
        XCTAssertEqual(f.messages(), ["content/services/db.md:2:72: YAML is nested deeper than 64 levels"])
        // 9^12 leaves if expanded; reading it must stay bounded and end in errors.
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for k in 1...12 { bomb += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 9).joined(separator: ", ") + "]\n" }
        f["content/services/db.md"] = "---\n" + bomb + "title: D\nsummary: S\nmeasurement: M\nexclusions: *a12\n---\n"
        let messages = f.messages()
        XCTAssertFalse(messages.isEmpty)
    }
}
