import SLACore
import SiteContent
@testable import SiteRender
import XCTest

/// docs/spec.md §2 `strings`: overrides of the theme's wording, checked where `site.yaml` says them.
final class StringsTests: XCTestCase {
    private func site(_ strings: String) -> SiteFixture {
        var f = SiteFixture()
        f["site.yaml"] = """
            title: Example SLAs
            provider: Example Inc.
            base_url: https://sla.example.com/
            strings:
            \(strings)

            """
        return f
    }

    func testAnOverrideReplacesTheDefaultAndTheRestStay() throws {
        let parsed = site("  view_full_details: Read the full terms\n  nav_status: Betriebsstatus").parse()
        XCTAssertEqual(parsed.diagnostics.map(\.description), [])
        let strings = StringTable(try XCTUnwrap(parsed.site?.config.strings))
        XCTAssertEqual(strings[.viewFullDetails], "Read the full terms")
        XCTAssertEqual(strings[.navStatus], "Betriebsstatus")
        XCTAssertEqual(strings[.navOverview], "Overview")
        XCTAssertEqual(strings(.feedMissedCredit, ["credit": "10%"]), "This month is eligible for a service credit of 10% of the monthly fee, on claim.")
    }

    func testAnUnknownIdIsAnErrorWithTheClosestId() {
        // Line 5 is the first key under `strings:` (column 3).
        XCTAssertEqual(
            site("  view_full_detail: Read").messages(),
            ["site.yaml:5:3: unknown key \"view_full_detail\" in strings (did you mean \"view_full_details\"?)"])
    }

    /// A term's words (in its description, `TermWord`) are ids like the others: a typo gets the
    /// closest one, a placeholder is checked against the English text's.
    func testATermsWordsAreStringsToo() {
        XCTAssertEqual(
            site("  term_credit_capp: Cap").messages(),
            ["site.yaml:5:3: unknown key \"term_credit_capp\" in strings (did you mean \"term_credit_cap\"?)"])
        XCTAssertEqual(
            site("  term_credit_cap_value: \"{capp} of the fee\"").parse().diagnostics.filter { $0.severity == .error }.map(\.description),
            ["site.yaml:5:26: strings.term_credit_cap_value has no {capp} (it takes {cap}), got \"{capp} of the fee\""])
        let parsed = site("  term_credit_cap: Most we credit").parse()
        XCTAssertEqual(parsed.diagnostics.map(\.description), [])
        XCTAssertEqual(parsed.site.map { StringTable($0.config.strings).word("term_credit_cap") }, "Most we credit")
    }

    func testAPlaceholderTheStringDoesNotTakeIsAnErrorOneLeftOutWarns() {
        let parsed = site("  home_details_label: View the plan\n  nav_overview: Home of {plan}\n  plan_details_label: \"{service}: {servce}\"").parse()
        XCTAssertEqual(
            parsed.diagnostics.filter { $0.severity == .error }.map(\.description),
            [
                "site.yaml:6:17: strings.nav_overview has no {plan} (it takes no placeholders), got \"Home of {plan}\"",
                "site.yaml:7:23: strings.plan_details_label has no {servce} (it takes {service}, {plan}), got \"{service}: {servce}\"",
            ])
        XCTAssertEqual(
            parsed.diagnostics.filter { $0.severity == .warning }.map(\.description),
            ["site.yaml:5:23: warning: strings.home_details_label leaves out {plan}: the text will not say it"])
    }

    func testPlaceholdersAreReadInOrderOfFirstUse() {
        XCTAssertEqual(StringTable.placeholders("{a} and {b_c}, {a} {Not} {}"), ["a", "b_c"])
        XCTAssertEqual(StringTable()(.versionTitle, ["plan": "Pro", "date": "1 May 2026"]), "Pro plan terms from 1 May 2026")
        // A brace that starts no known placeholder is kept as written.
        XCTAssertEqual(StringTable(overrides: [.navOverview: "{x} {"])(.navOverview), "{x} {")
    }

    func testPluralsPickTheFormByCount() {
        let s = StringTable()
        XCTAssertEqual(s.plural(1, one: .responseDaysOne, other: .responseDaysOther), "within 1 day")
        XCTAssertEqual(s.plural(3, one: .responseDaysOne, other: .responseDaysOther), "within 3 days")
        XCTAssertEqual(s.plural(0, one: .responseDaysOne, other: .responseDaysOther), "within 0 days")
    }

    /// docs/themes.md lists every id with its default, so the docs cannot drift from the table.
    func testTheDocsListEveryIdWithItsDefault() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        for id in StringID.allCases {
            let cell = id.defaultText.replacingOccurrences(of: "|", with: "\\|")
            XCTAssertTrue(docs.contains("| `\(id.rawValue)` | \"\(cell)\" |"), "docs/themes.md lacks \(id.rawValue) with its default")
        }
        for word in TermWords.all {
            let cell = word.en.replacingOccurrences(of: "|", with: "\\|")
            XCTAssertTrue(docs.contains("| `\(word.id)` | \"\(cell)\" |"), "docs/themes.md lacks the term word \(word.id) with its default")
        }
    }
}
