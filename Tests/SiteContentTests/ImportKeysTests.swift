import SiteContent
import XCTest

/// Issue 16, point 5: site.yaml `import.statuspage.components` and an incident's `imported`
/// marker, checked where they are written.
final class ImportKeysTests: XCTestCase {
    func testTheComponentMappingIsReadInOrderWithNullLeavingOneOut() {
        var f = SiteFixture()
        f["site.yaml"]! += "import:\n  statuspage:\n    components:\n      \"8kbf7d35c070\": api\n      Database: db\n      Website: null\n"
        XCTAssertEqual(f.messages(), [])
        let (settings, problems) = ImportSettings.read(SourceFile(path: "site.yaml", text: f["site.yaml"]!))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(settings.statuspageComponents.map(\.component), ["8kbf7d35c070", "Database", "Website"])
        XCTAssertEqual(settings.statuspageComponents.map(\.service), ["api", "db", nil])
        // The fixture's site.yaml has 6 lines, so `import:` is line 7 and the entries lines 10 to 12,
        // keys at column 7.
        XCTAssertEqual(settings.statuspageComponents.map(\.line), [10, 11, 12])
        XCTAssertEqual(settings.statuspageComponents.map(\.column), [7, 7, 7])
    }

    func testABadMappingIsReportedWhereItIs() {
        var f = SiteFixture()
        f["site.yaml"]! += "import:\n  statuspage:\n    component: {}\n    components:\n      API: apx\n      DB: [db]\n"
        XCTAssertEqual(
            f.messages(),
            [
                #"site.yaml:9:5: unknown key "component" in import.statuspage (did you mean "components"?)"#,
                #"site.yaml:11:12: unknown service "apx": there is no content/services/apx.md (did you mean "api"?)"#,
                #"site.yaml:12:11: the service of Statuspage component "DB" must be a service id (or null to leave the component out), got a list"#,
            ])
        f["site.yaml"] = SiteFixture()["site.yaml"]! + "imports: {}\n"
        XCTAssertEqual(f.messages(), [#"site.yaml:7:1: unknown key "imports" in site.yaml (did you mean "import"?)"#])
    }

    func testTheImportedMarkerIsCheckedAndReadBack() {
        var f = SiteFixture()
        let head = "---\ntitle: Outage\nservices: [api]\nimpact: major\nstart: 2026-10-03T10:00:00Z\n"
        f["content/status/incidents/outage.md"] =
            head
            + "imported: {from: statuspage, id: \"abc123\", url: \"https://stspg.io/abc\", digest: \"fnv1a64:0011223344556677\"}\n---\n"
        XCTAssertEqual(f.messages(), [])
        XCTAssertEqual(
            ImportMarker.read(SourceFile(path: "content/status/incidents/outage.md", text: f["content/status/incidents/outage.md"]!)),
            ImportMarker(from: "statuspage", id: "abc123", url: "https://stspg.io/abc", digest: "fnv1a64:0011223344556677"))
        f["content/status/incidents/outage.md"] = head + "imported: {from: statuspag, id: \"\", url: ftp://x, extra: 1}\n---\n"
        XCTAssertEqual(
            f.messages(),
            [
                // Columns: `{` is 11, `statuspag` 18, `""` 33, `ftp://x` 42, `extra` 51.
                #"content/status/incidents/outage.md:6:18: imported.from must be "statuspage", got "statuspag" (did you mean "statuspage"?)"#,
                #"content/status/incidents/outage.md:6:33: imported.id must not be empty"#,
                #"content/status/incidents/outage.md:6:42: imported.url must be an absolute http or https URL, got "ftp://x""#,
                #"content/status/incidents/outage.md:6:51: unknown key "extra" in imported"#,
            ])
        // A file without the marker is hand-written.
        XCTAssertNil(ImportMarker.read(SourceFile(path: "content/status/incidents/x.md", text: head + "---\n")))
    }
}
