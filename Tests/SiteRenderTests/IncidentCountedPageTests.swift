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

/// Issue 16, point 2: the status page names a maintenance window in progress, and the bars show
/// maintenance apart from downtime.
final class StatusHeadlinePageTests: XCTestCase {
    func testAMaintenanceWindowInProgressIsNamedAndShownApart() throws {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let now = FeedsTestSupport.now  // 2026-11-24T00:00:00Z
        var window = FeedsTestSupport.incident("upgrade", .maintenance, "2026-11-23T23:00:00Z", "2026-11-24T02:00:00Z", title: "Upgrade <db>")
        window.updates = [IncidentUpdate(at: FeedsTestSupport.at("2026-11-23T23:00:00Z"), status: .inProgress, note: "Under *way*.")]
        let site = Site(
            config: config, terms: TermsPage(title: "Terms", body: ""),
            services: [Service(id: "api", title: "API"), Service(id: "db", title: "DB")],
            plans: [
                Plan(
                    id: "pro", title: "Pro", effective: LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true),
                    terms: SLATerms(uptime: 99.9), services: [PlanService(id: "api"), PlanService(id: "db")])
            ],
            incidents: [window])
        let files = try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: now)).render()
        let status = try XCTUnwrap(files.first { $0.path == "status/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertTrue(status.contains("<p class=\"headline-main\">Maintenance in progress: API</p>"), status)
        XCTAssertTrue(status.contains("<div class=\"headline headline-maintenance\" role=\"status\">"))
        // The window's hour on the 23rd (23:00–24:00 UTC) is maintenance, not downtime: a blue bar.
        XCTAssertTrue(status.contains("<li class=\"d-maint\"><span>23 November 2026: no downtime, 60.0\u{00A0}min maintenance</span></li>"), status)
        // Its latest update, with the note rendered.
        XCTAssertTrue(status.contains("Latest update: <strong>In progress</strong>"))
        XCTAssertTrue(status.contains("<p>Under <em>way</em>.</p>"))
        XCTAssertFalse(status.contains("<db>"))
        // What it counted: nothing, as an excluded window (the default rule), 60 minutes so far.
        let page = try XCTUnwrap(files.first { $0.path == "incidents/upgrade/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertTrue(page.contains("<td class=\"num\">0.0\u{00A0}min</td><td>Maintenance excluded</td>"), page)
        let json = try XCTUnwrap(files.first { $0.path == "status.json" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertTrue(json.contains("\"status\": \"maintenance\""), json)
    }
}
