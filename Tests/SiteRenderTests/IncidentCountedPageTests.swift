import Foundation
import SLACore
@testable import SiteRender
import XCTest

/// Issue 16, point 4: the incident page's "What it counted" table, read off the figures.
final class IncidentCountedPageTests: XCTestCase {
    /// `plans` plans "p0"… each covering api at 99.9% with 10% credit below it; in October 2026
    /// (UTC, 44,640 minutes) a major outage 10:00–11:00 on the 5th and a major one 10:15–10:30
    /// inside it.
    func pages(plans: Int) throws -> [String: String] {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let terms = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
        }
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
    func rows(_ html: String) throws -> [[String]] { try Self.rows(html) }

    static func rows(_ html: String) throws -> [[String]] {
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
        // 60 minutes down of 44,640: 99.866% < 99.9 → missed, credit 10%; the inner one counts 0.
        XCTAssertEqual(
            try rows(try XCTUnwrap(pages["incidents/outer/index.html"])),
            [
                ["Plan 0", "October 2026", "60.0 min", "Counted in full", "Missed", "10% of the monthly fee"],
                ["Plan 1", "October 2026", "60.0 min", "Counted in full", "Missed", "10% of the monthly fee"],
            ])
        XCTAssertEqual(
            try rows(try XCTUnwrap(pages["incidents/inner/index.html"]))[0],
            ["Plan 0", "October 2026", "0.0 min", "Inside a larger incident", "Missed", "10% of the monthly fee"])
    }

    func testPastEightPlansTheRowsAreAcrossThePlans() throws {
        let pages = try pages(plans: 9)
        XCTAssertEqual(
            try rows(try XCTUnwrap(pages["incidents/inner/index.html"])),
            [["All 9 plans", "October 2026", "0.0 min", "Inside a larger incident", "Missed in 9 of 9 plans", "In 9 plans, up to 10%"]])
    }
}

/// Issue 26, point 1: the Impact line says what the "What it counted" table says, plan by plan.
final class IncidentImpactLineTests: XCTestCase {
    /// Plan "samples" measures api by request samples (a clean row in October 2026), plan
    /// "incidents" (when `mixed`) counts incidents; a major outage 10:00–11:00 on 5 October.
    func incidentPage(mixed: Bool) throws -> String {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let bySamples = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
            $0[TermKeys.downtime] = DowntimeTerms(source: .samples)
        }
        let byIncidents = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
        }
        let october = LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true)
        let site = Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: [Plan(id: "samples", title: "Samples", effective: october, terms: bySamples, services: [PlanService(id: "api")])]
                + (mixed ? [Plan(id: "incidents", title: "Incidents", effective: october, terms: byIncidents, services: [PlanService(id: "api")])] : []),
            incidents: [FeedsTestSupport.incident("outage", .major, "2026-10-05T10:00:00Z", "2026-10-05T11:00:00Z")],
            samples: ["api": SampleSeries([SampleRow(start: FeedsTestSupport.at("2026-10-05T10:00:00Z"), total: 100, errors: 0)])])
        let files = try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: FeedsTestSupport.now)).render()
        let page = try XCTUnwrap(files.first { $0.path == "incidents/outage/index.html" })
        return String(decoding: page.bytes, as: UTF8.self)
    }

    /// The text of the Impact row's `<dd>`, tags stripped.
    func impactLine(_ html: String) throws -> String {
        let row = try XCTUnwrap(html.range(of: "<dt>Impact</dt><dd>"))
        let end = try XCTUnwrap(html.range(of: "</dd>", range: row.upperBound..<html.endIndex))
        let inner = String(html[row.upperBound..<end.lowerBound])
        return inner.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&#39;", with: "'")
    }

    func testAnIncidentInAMonthMeasuredBySamplesIsNotCountedInFull() throws {
        let html = try incidentPage(mixed: false)
        XCTAssertEqual(try impactLine(html), "Major outage Not counted as downtime: downtime is measured by request samples.")
        let rows = try IncidentCountedPageTests.rows(html)
        XCTAssertEqual(rows.map { $0[2] }, ["0.0 min"])
        XCTAssertEqual(rows.map { $0[3] }, ["Not counted: Downtime is measured by request samples this month"])
    }

    func testWhereOnlySomePlansCountIncidentsTheLineSaysSo() throws {
        let html = try incidentPage(mixed: true)
        XCTAssertEqual(
            try impactLine(html),
            "Major outage Counted in full as downtime. Where a plan's month is measured by request samples or measured uptime, or has no data, it is not counted (see What it counted).")
        // 60 minutes in the incidents plan, none in the samples plan.
        XCTAssertEqual(try IncidentCountedPageTests.rows(html).map { [$0[0], $0[2]] }, [["Samples", "0.0 min"], ["Incidents", "60.0 min"]])
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
                    terms: SLATerms { $0[TermKeys.uptime] = 99.9 }, services: [PlanService(id: "api"), PlanService(id: "db")])
            ],
            incidents: [window])
        let files = try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: now)).render()
        let status = try XCTUnwrap(files.first { $0.path == "status/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertTrue(status.contains("<p class=\"headline-main\">Maintenance in progress: API</p>"), status)
        XCTAssertTrue(status.contains("<div class=\"headline headline-maintenance\" role=\"status\">"))
        // The window's hour on the 23rd (23:00–24:00 UTC) is maintenance, not downtime: a blue bar.
        XCTAssertTrue(status.contains("<i class=\"s\" data-day=\"November 23, 2026: no downtime, 60.0 min maintenance\"></i>"), status)
        // Its latest update, with the note rendered.
        XCTAssertTrue(status.contains("Latest update: <strong>In progress</strong>"))
        XCTAssertTrue(status.contains("<p>Under <em>way</em>.</p>"))
        XCTAssertFalse(status.contains("<db>"))
        // What it counted: nothing, as an excluded window (the default rule), 60 minutes so far.
        let page = try XCTUnwrap(files.first { $0.path == "incidents/upgrade/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertTrue(page.contains("<td class=\"num\">0.0 min</td><td>Maintenance excluded</td>"), page)
        let json = try XCTUnwrap(files.first { $0.path == "status.json" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertTrue(json.contains("\"status\": \"maintenance\""), json)
    }
}

/// One plan (Pro, 99.9% from October 2026), one service and one 40-minute major outage on
/// November 5, 2026, rendered at `FeedsTestSupport.now` (November 24, 2026).
enum OneOutageSite {
    static func files() throws -> [OutputFile] {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let site = Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: [
                Plan(
                    id: "pro", title: "Pro", effective: LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true),
                    terms: SLATerms { $0[TermKeys.uptime] = 99.9 }, services: [PlanService(id: "api")])
            ],
            incidents: [FeedsTestSupport.incident("down", .major, "2026-11-05T10:00:00Z", "2026-11-05T10:40:00Z")])
        return try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: FeedsTestSupport.now)).render()
    }
}

/// Issue 26, point 2: the status page's status is "so far", its budget against the whole month.
final class StatusMonthRowTests: XCTestCase {
    func testBelowObjectiveSoFarWithTheMonthsBudgetLeftOfItsAllowance() throws {
        // November 2026 in UTC: 43,200 minutes; now 24 November 00:00, 33,120 minutes elapsed.
        // 40 minutes down: 100 × (33,120 − 40) / 33,120 = 99.8792… % so far, below 99.9%; the
        // month allows 0.1% × 43,200 = 43.2 minutes, 43.2 − 40 = 3.2 left.
        let files = try OneOutageSite.files()
        let status = try XCTUnwrap(files.first { $0.path == "status/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertTrue(status.contains("<th scope=\"col\">Month&#39;s budget left</th>"), status)
        XCTAssertTrue(
            status.contains(
                "<td class=\"num\">99.879%</td><td class=\"num\">40.0 min</td><td class=\"num\">3.2 min of 43.2 min</td><td class=\"state state-missed\">Below objective so far</td>"),
            status)
    }
}

/// Issue 26, point 3: no page has a section with nothing under its heading.
final class NoEmptySectionTests: XCTestCase {
    func testBodilessServicePlanAndTermsGetNoEmptySection() throws {
        let files = try OneOutageSite.files()
        let pages = files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
        XCTAssertGreaterThanOrEqual(pages.count, 7)
        // A section (or the terms' prose block) holding only its heading and white space.
        let empty = try NSRegularExpression(pattern: "<section[^>]*>\\s*(<h[1-6][^>]*>.*?</h[1-6]>)?\\s*</section>|<div class=\"prose\">\\s*</div>")
        for (path, html) in pages {
            let found = empty.matches(in: html, range: NSRange(location: 0, length: (html as NSString).length))
                .map { (html as NSString).substring(with: $0.range) }
            XCTAssertEqual(found, [], path)
        }
        let details = try XCTUnwrap(pages.first { $0.0 == "plans/pro/api/index.html" }?.1)
        XCTAssertFalse(details.contains("About API"))
        XCTAssertFalse(details.contains("id=\"plan-terms-h\""))
    }
}
