import SLACore
import SiteContent
import XCTest

/// Issue 26 points 9, 11 and 13: a key out of line in plain words at its line, a credit tier
/// above its objective, and the example incident `new site` scaffolds.
final class AuthoringHintsTests: XCTestCase {
    private let planHead = "---\ntitle: Pro\nsummary: S\nservices: {api: {}}\n"

    /// A key dedented inside a nested map. Before: "invalid YAML: did not find expected key
    /// while parsing a block mapping" (libyaml's state, not the mistake).
    func testAKeyDedentedInANestedMap() {
        var f = SiteFixture()
        // Line 5 support, 6 hours (4 spaces), 7 response (2 spaces).
        f["content/plans/pro.md"] = planHead + "support:\n    hours: 24x7\n  response: {critical: 1h}\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:7:3: this key (response) is indented less than the one before (hours, line 6); keys of one map line up (indent it 4 spaces like hours, or 0 like support)"])
    }

    /// A key dedented within a list item. Before: "invalid YAML: did not find expected '-'
    /// indicator while parsing a block collection".
    func testAKeyDedentedWithinAListItem() {
        var f = SiteFixture()
        // Line 5 credits, 6 "  - below" (key at column 5), 7 "   credit" (column 4).
        f["content/plans/pro.md"] = planHead + "credits:\n  - below: 99.9\n   credit: 10\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:7:4: this key (credit) is indented less than the one before (below, line 6); keys of one map line up (indent it 4 spaces like below, or 0 like credits)"])
    }

    /// The shape the trial met: libyaml says "mapping values are not allowed in this context"
    /// at the line after the mistake (line 8), because `note` reads as more of the date.
    func testAListItemsFirstKeyDedentedIsNamedAtItsOwnLine() {
        var f = SiteFixture()
        // Line 5 effective, 6 revisions, 7 " - date" (key at column 4), 8 "    note" (column 5).
        f["content/plans/pro.md"] = planHead + "effective: 2026-01-01\nrevisions:\n - date: 2026-06-01\n    note: Raised the objective\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:7:4: this key (date) is indented less than the one after it (note, line 8); keys of one map line up (the keys of a list item line up with the first key after its -)"])
    }

    /// The same words when the later key is the one pushed right. Before: "invalid YAML: mapping
    /// values are not allowed in this context".
    func testAKeyIndentedMoreThanTheOneBefore() {
        var f = SiteFixture()
        f["content/services/db.md"] = "---\ntitle: Database\n  summary: Managed.\nmeasurement: Probes.\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/services/db.md:3:3: this key (summary) is indented more than the one before (title, line 2), so YAML reads it as more of that value; keys of one map line up (indent it 0 spaces like title)"])
    }

    /// A key between two that line up with each other is the one out of line, though libyaml
    /// reports the line after it ("mapping values are not allowed in this context" at 10).
    func testTheKeyBetweenTwoThatLineUpIsNamed() {
        var f = SiteFixture()
        // site.yaml line 7 impact_weights, 8 major, 9 degraded (column 1), 10 maintenance.
        f["site.yaml"] = f["site.yaml"]! + "impact_weights:\n  major: 1.0\ndegraded: 0.0\n  maintenance: 1.0\n"
        XCTAssertEqual(
            f.messages(),
            ["site.yaml:9:1: this key (degraded) is indented less than the ones around it (major, line 8; maintenance, line 10); keys of one map line up (indent it 2 spaces like them)"])
    }

    /// The first key under a `key:` further left than the next one. Before: "invalid YAML:
    /// mapping values are not allowed in this context" at the next one (line 8).
    func testTheFirstKeyOfAMapLeftOfTheNextIsNamed() {
        var f = SiteFixture()
        // Line 5 support, 6 response, 7 critical (column 1), 8 high (column 5).
        f["content/plans/pro.md"] = planHead + "support:\n  response:\ncritical: 15m\n    high: 1h\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:7:1: this key (critical) is indented less than the one after it (high, line 8); keys of one map line up (indent it 4 spaces like high)"])
    }

    /// A list item further right than the one before (unquoted, YAML would read the second
    /// as more of the first's text). Before: "invalid YAML: did not find expected key while
    /// parsing a block mapping".
    func testAListItemOutOfLine() {
        var f = SiteFixture()
        f["content/services/db.md"] = "---\ntitle: Database\nsummary: S\nmeasurement: Probes.\nexclusions:\n- \"Preview features\"\n  - \"Beta regions\"\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/services/db.md:7:3: this list item is indented more than the one before (line 6); the items of one list line up (indent its - 0 spaces like line 6)"])
    }

    /// Other syntax errors keep libyaml's words.
    func testOtherSyntaxErrorsAreUnchanged() {
        var f = SiteFixture()
        f["content/services/db.md"] = "---\ntitle: Database\nsummary: [unclosed\nmeasurement: x\n---\n"
        XCTAssertEqual(f.messages().count, 1)
        XCTAssertTrue(f.messages()[0].contains("invalid YAML"), f.messages()[0])
    }

    /// Point 11: `below: 99.99` under `uptime: 99.95` pays a credit in months that met the
    /// objective. Before: accepted silently.
    func testACreditTierAboveTheObjectiveWarnsAtTheTier() throws {
        var f = SiteFixture()
        // Line 5 uptime, 6 credits, 7 the 99.99 tier (at its "{", column 5), 8 the 99.9 tier.
        f["content/plans/pro.md"] = planHead + "uptime: 99.95\ncredits:\n  - {below: 99.99, credit: 10}\n  - {below: 99.9, credit: 25}\n---\n"
        let parsed = f.parse()
        XCTAssertNotNil(parsed.site, "a warning")
        XCTAssertEqual(
            parsed.diagnostics.map(\.description),
            ["content/plans/pro.md:7:5: warning: credit tier below 99.99 % is above the objective 99.95 % (plan pro, service api): it pays a credit in months that met the objective"])
        // A tier at the objective is the usual first tier: no warning.
        f["content/plans/pro.md"] = planHead + "uptime: 99.95\ncredits:\n  - {below: 99.95, credit: 10}\n---\n"
        XCTAssertEqual(f.messages(), [])
    }

    /// Point 11 across levels: site.yaml's tiers under a plan's service's objective, and in a
    /// later version only (a revision lowers the objective to 99.5 from July).
    func testATierAboveAnObjectiveOfAnotherLevelOrVersion() {
        var f = SiteFixture()
        f["site.yaml"] = f["site.yaml"]! + "  credits:\n    - {below: 99.9, credit: 10}\n"
        // Line 8 of site.yaml is the tier. The plan's api objective is 99.5 (db: 99.9, no warning).
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nservices:\n  api: {uptime: 99.5}\n  db: {uptime: 99.9}\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["site.yaml:8:7: warning: credit tier below 99.9 % is above the objective 99.5 % (plan pro, service api): it pays a credit in months that met the objective"])
        f["site.yaml"] = SiteFixture()["site.yaml"]
        f["content/plans/pro.md"] =
            "---\ntitle: Pro\nsummary: S\neffective: 2026-01-01\nuptime: 99.9\ncredits:\n  - {below: 99.9, credit: 10}\nservices: {api: {}}\n"
            + "revisions:\n  - {date: 2026-06-01, effective: 2026-07-01, note: Lowered, uptime: 99.5}\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/plans/pro.md:7:5: warning: credit tier below 99.9 % is above the objective 99.5 % (plan pro, service api): it pays a credit in months that met the objective"])
    }

    /// Point 13: the example incident is marked, and the mark is a warning at its key.
    func testTheExampleMarkIsAWarning() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            "---\ntitle: \"Example incident\"\nexample: true\nservices: [api]\nimpact: major\nstart: 2026-10-03T10:00:00Z\nend: 2026-10-03T10:00:00Z\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:3:1: warning: this is the example incident that slasite new site wrote: make it a real incident and delete this line, or delete the file"])
        f["content/status/incidents/outage.md"] = f["content/status/incidents/outage.md"]!.replacingOccurrences(of: "example: true", with: "example: false")
        XCTAssertEqual(f.messages(), [])
    }
}
