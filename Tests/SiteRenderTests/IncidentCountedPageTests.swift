import Foundation
import SLACore
@testable import SiteRender
import XCTest

/// Issue 16, point 4: the incident page's "What it counted" table, read off the figures.
final class IncidentCountedPageTests: XCTestCase {
    /// `plans` plans "p0"… each covering api at 99.9 % with 10 % credit below it; in October 2026
    /// (UTC, 44,640 minutes) a major outage 10:00–11:00 on the 5th and a major one 10:15–10:30
    /// inside it.
    func pages(plans: Int) throws -> [String: String] {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let terms = SLATerms(uptime: 99.9, credits: [CreditTier(below: 99.9, credit: 10)])
        let site = Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: (0..<plans).map {
                Plan(
                    id: "p\($0)", title: "Plan \($0)", effective: LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true),
                    terms: terms, services: [PlanService(id: "api")])
            },
            incidents: [
                FeedsTestSupport.incident("outer", .major, "2026-10-05T10:00:00Z", "2026-10-05T11:00:00Z"),
                FeedsTestSupport.incident("inner", .major, "2026-10-05T10:15:00Z", "2026-10-05T10:30:00Z"),
            ])
        let files = try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: FeedsTestSupport.now)).render()
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// The cells of the body rows of `table.counted`, tags stripped.
    func rows(_ html: String) throws -> [[String]] {
        guard let table = html.range(of: "<table class=\"counted\">"),
            let tbody = html.range(of: "<tbody>", range: table.upperBound..<html.endIndex),
            let end = html.range(of: "</tbody>", range: tbody.upperBound..<html.endIndex)
        else { return [] }
        let body = String(html[tbody.upperBound..<end.lowerBound])
        let cell = try NSRegularExpression(pattern: "<t[dh][^>]*>(.*?)</t[dh]>")
        let tag = try NSRegularExpression(pattern: "<[^>]+>")
        return body.components(separatedBy: "</tr>").filter { $0.contains("<t") }.map { row in
            let ns = row as NSString
            return cell.matches(in: row, range: NSRange(location: 0, length: ns.length)).map { m in
                let inner = ns.substring(with: m.range(at: 1))
                return tag.stringByReplacingMatches(in: inner, range: NSRange(location: 0, length: (inner as NSString).length), withTemplate: "")
                    .replacingOccurrences(of: "\u{00A0}", with: " ")
            }
        }
    }

    func testARowPerPlanAndMonthWithTheReason() throws {
        let pages = try pages(plans: 2)
        // 60 minutes down of 44,640: 99.866 % < 99.9 → missed, credit 10 %; the inner one counts 0.
        XCTAssertEqual(
            try rows(try XCTUnwrap(pages["incidents/outer/index.html"])),
            [
                ["Plan 0", "October 2026", "60.0 min", "Counted in full", "Missed", "10 % of the monthly fee"],
                ["Plan 1", "October 2026", "60.0 min", "Counted in full", "Missed", "10 % of the monthly fee"],
            ])
        XCTAssertEqual(
            try rows(try XCTUnwrap(pages["incidents/inner/index.html"]))[0],
            ["Plan 0", "October 2026", "0.0 min", "Inside a larger incident", "Missed", "10 % of the monthly fee"])
    }

    func testPastEightPlansTheRowsAreAcrossThePlans() throws {
        let pages = try pages(plans: 9)
        XCTAssertEqual(
            try rows(try XCTUnwrap(pages["incidents/inner/index.html"])),
            [["All 9 plans", "October 2026", "0.0 min", "Inside a larger incident", "Missed in 9 of 9 plans", "In 9 plans, up to 10 %"]])
    }
}
