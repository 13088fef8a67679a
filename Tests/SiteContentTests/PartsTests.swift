import SLACore
import SiteContent
import XCTest

/// Issue 22 (docs/spec.md §2 services' `parts` and `combine`): how they are read, and each error at its
/// file, line and column.
final class PartsTests: XCTestCase {
    /// The fixture with `content/services/<id>.md` front matter lines `lines` (title, summary
    /// and measurement added).
    func service(_ id: String, _ lines: String) -> String {
        "---\ntitle: \(id)\nsummary: S.\nmeasurement: M.\n\(lines)\n---\n"
    }

    func testACompositeIsRead() throws {
        var f = SiteFixture()
        f["content/services/platform.md"] = service("platform", "parts: [api, db]\ncombine: worst")
        let parsed = f.parse()
        XCTAssertEqual(parsed.diagnostics, [])
        let site = try XCTUnwrap(parsed.site)
        let platform = try XCTUnwrap(site.service("platform"))
        XCTAssertEqual(platform.parts, ["api", "db"])
        XCTAssertEqual(platform.combine, .worst)
        // `combine` defaults to any; a service without parts is not composite.
        f["content/services/platform.md"] = service("platform", "parts: [api]")
        XCTAssertEqual(try XCTUnwrap(f.parse().site?.service("platform")).combine, .any)
        XCTAssertFalse(try XCTUnwrap(f.parse().site?.service("api")).isComposite)
    }

    func testAnUnknownPartIsNamedWithTheClosestService() {
        var f = SiteFixture()
        // Line 5 is `parts: [api, dbb]`: `dbb` starts at column 14.
        f["content/services/platform.md"] = service("platform", "parts: [api, dbb]")
        XCTAssertEqual(
            f.messages(),
            [
                "content/services/platform.md:5:14: unknown part \"dbb\": a part is another service, and there is no content/services/dbb.md (did you mean \"db\"?)"
            ])
    }

    func testACompositeOfItselfIsAnError() {
        var f = SiteFixture()
        f["content/services/apis.md"] = service("apis", "parts: [api, apis]")
        XCTAssertEqual(
            f.messages(),
            [
                "content/services/apis.md:5:14: service apis lists itself among its parts: a composite is made of other services (did you mean \"api\"?)"
            ])
    }

    func testACycleIsNamedOnce() {
        var f = SiteFixture()
        // a → b → a (and b also lists db, which is fine).
        f["content/services/a.md"] = service("a", "parts: [b]")
        f["content/services/b.md"] = service("b", "parts: [db, a]")
        XCTAssertEqual(
            f.messages(),
            ["content/services/a.md:5:9: parts form a cycle: a → b → a: a composite's Downtime cannot depend on itself"])
        // A longer one, reported from its smallest id at the part it lists: c → a → b → c.
        f["content/services/b.md"] = service("b", "parts: [c]")
        f["content/services/c.md"] = service("c", "parts: [a]")
        XCTAssertEqual(
            f.messages(),
            ["content/services/a.md:5:9: parts form a cycle: a → b → c → a: a composite's Downtime cannot depend on itself"])
    }

    func testCombineIsChecked() {
        var f = SiteFixture()
        // Line 5: `combine: wrost` (value at column 10).
        f["content/services/platform.md"] = service("platform", "combine: wrost\nparts: [api]")
        XCTAssertEqual(
            f.messages(),
            ["content/services/platform.md:5:10: combine must be any or worst, got \"wrost\" (did you mean \"worst\"?)"])
        f["content/services/platform.md"] = service("platform", "combine: worst")
        XCTAssertEqual(
            f.messages(),
            [
                "content/services/platform.md:5:10: combine has no effect without parts: it says how a composite's parts make its Downtime (add parts: [<service ids>] or remove combine)"
            ])
        f["content/services/platform.md"] = service("platform", "parts: [api, api]")
        XCTAssertEqual(f.messages(), ["content/services/platform.md:5:14: part \"api\" is listed twice"])
        f["content/services/platform.md"] = service("platform", "parts: []")
        XCTAssertEqual(
            f.messages(), ["content/services/platform.md:5:8: parts must list at least one service: a composite is made of other services"])
    }

    func testAnIncidentOnAPartCountsInAPlanThatCoversTheComposite() {
        // Plan `pro` covers only `platform` = [api, db]; an incident on db restricted to pro
        // counts there through the composite: no "covers none of this incident's services".
        var f = SiteFixture()
        f["content/services/platform.md"] = service("platform", "parts: [api, db]")
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nservices:\n  platform: {uptime: 99.9}\n---\n"
        f["content/status/incidents/outage.md"] = "---\ntitle: O\nservices: [db]\nplans: [pro]\nimpact: major\nstart: 2026-10-03T10:00:00Z\nend: 2026-10-03T11:00:00Z\n---\n"
        XCTAssertEqual(f.messages(), [])
        // Without the composite it would.
        f["content/services/platform.md"] = service("platform", "")
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:4:9: warning: plan \"pro\" covers none of this incident's services, so it counts against nothing there"])
    }

    func testSamplesWarningsFollowThePartsAndBothSources() {
        // Plan pro covers only platform = [api, db] and measures at its level by both sources:
        // api and db are read by samples through the composite (api's file exists, db's does
        // not); platform's own rule is not used, so its file is read by no plan.
        var f = SiteFixture()
        f["content/services/platform.md"] = service("platform", "parts: [api, db]")
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\ndowntime: {source: samples_and_incidents}\nservices:\n  platform: {uptime: 99.9}\n---\n"
        f["content/status/samples/api.csv"] = "start,total,errors\n"
        f["content/status/samples/platform.csv"] = "start,total,errors\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:1:1: warning: plan pro measures db by request samples, but there is no content/status/samples/db.csv: every interval has no requests, so no Downtime from samples (its incidents still count)",
                "content/status/samples/platform.csv:1:1: warning: no plan measures platform by request samples (downtime: {source: samples}), so this file is not read",
            ])
    }
}
