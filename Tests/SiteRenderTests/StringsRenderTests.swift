import Foundation
import SLACore
import SiteBuild
@testable import SiteRender
import XCTest

/// docs/spec.md §2 `strings`: an override reaches every output that writes the string, escaped.
final class StringsRenderTests: XCTestCase {
    /// The feeds fixture (it has missed months with credits) with `strings:` added to site.yaml.
    private func build(strings: String) throws -> [String: String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: PageTestSupport.root.appendingPathComponent("Tests/Fixtures/feeds"), to: dir)
        let yaml = dir.appendingPathComponent("site.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try (text + "strings:\n" + strings).write(to: yaml, atomically: true, encoding: .utf8)
        let result = BuildPipeline().run(BuildRequest(source: dir, output: nil, now: PageTestSupport.now))
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        return PageTestSupport.texts(result.files)
    }

    func testOverridesReachPagesFeedsAndCalendars() throws {
        let defaults = try build(strings: "  {}\n")
        let out = try build(
            strings: """
                  view_full_details: Read the full terms
                  nav_overview: Home
                  feed_missed_credit: "Eligible for {credit} on claim."
                  claims_event_summary: "Claim {credit} for {service} ({month})"

                """)
        let home = try XCTUnwrap(out["index.html"])
        XCTAssertTrue(home.contains(">Read the full terms</a>"))
        XCTAssertFalse(home.contains(">View full details</a>"))
        XCTAssertTrue(try XCTUnwrap(defaults["index.html"]).contains(">View full details</a>"))
        // The navigation and every breadcrumb.
        XCTAssertTrue(home.contains(">Home</a>"))
        let feed = try XCTUnwrap(out["feed.json"])
        XCTAssertTrue(feed.contains("Eligible for "), "the missed-month item says the override")
        XCTAssertFalse(feed.contains("eligible for a service credit"))
        let claims = try XCTUnwrap(out["claims.ics"])
        XCTAssertTrue(claims.contains("SUMMARY:Claim "))
        XCTAssertFalse(try XCTUnwrap(defaults["claims.ics"]).contains("SUMMARY:Claim "))
    }

    func testAStringIsTextNeverMarkup() throws {
        let out = try build(strings: "  home_compare_heading: \"<script>alert(1)</script>\"\n  nav_overview: \"A & B\"\n")
        let home = try XCTUnwrap(out["index.html"])
        XCTAssertFalse(home.contains("<script>alert(1)"))
        XCTAssertTrue(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(home.contains(">A &amp; B</a>"))
    }

    func testDateWordsAndOrderComeFromTheLocale() {
        // CLDR `de` long date and month-year (no table of month names: docs/spec.md §4 Languages).
        let de = PageText(locale: "de")
        XCTAssertEqual(de.day(CalendarDay(year: 2026, month: 10, day: 15)), "15. Oktober 2026")
        XCTAssertEqual(de.month(YearMonth(year: 2026, month: 10)), "Oktober 2026")
        let s = PageText()
        // Claim windows in words, days and months (the first month after has no ordinal).
        var t = ResolvedTerms { $0.uptime = 99.9 }
        t.claimWindow = .months(2)
        XCTAssertEqual(PageFormat.claimWindow(t, s), "by the end of the second calendar month after the month")
        t.claimWindow = .months(1)
        XCTAssertEqual(PageFormat.claimWindow(t, s), "by the end of the calendar month after the month")
        t.claimWindow = .months(14)
        XCTAssertEqual(PageFormat.claimWindow(t, s), "by the end of the 14th calendar month after the month")
        t.claimWindow = .days(1)
        XCTAssertEqual(PageFormat.claimWindow(t, s), "within 1 day after the end of the month")
    }
}
