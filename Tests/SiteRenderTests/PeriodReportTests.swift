import SLACore
@testable import SiteRender
import XCTest

/// `slasite report`'s CSV fields (RFC 4180); the rows themselves are checked against sla.json
/// with Python's csv module (tests/test_report.py).
final class PeriodReportTests: XCTestCase {
    func testFieldsAreQuotedOnlyWhenTheyMustBe() {
        XCTAssertEqual(PeriodReport.csvField(.text("2026-Q3")), "2026-Q3")
        XCTAssertEqual(PeriodReport.csvField(.text("a,b")), "\"a,b\"")
        XCTAssertEqual(PeriodReport.csvField(.text("say \"hi\"")), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(PeriodReport.csvField(.text("two\r\nlines")), "\"two\r\nlines\"")
        XCTAssertEqual(PeriodReport.csvField(.number(99.9)), "99.9")
        XCTAssertEqual(PeriodReport.csvField(.number(10)), "10")
        XCTAssertEqual(PeriodReport.csvField(.bool(false)), "false")
        XCTAssertEqual(PeriodReport.csvField(.null), "")
    }

    func testAnEmptyReportIsItsHeaderRow() {
        let site = Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"),
            terms: TermsPage(title: "Terms", body: ""), services: [], plans: [], incidents: [])
        let report = PeriodReport(figures: SLAArithmetic.figures(for: site, now: Instant(seconds: 0)))
        XCTAssertEqual(report.csv, PeriodReport.columns.joined(separator: ",") + "\r\n")
        XCTAssertEqual(String(decoding: report.json, as: UTF8.self), "[]\n")
    }
}
