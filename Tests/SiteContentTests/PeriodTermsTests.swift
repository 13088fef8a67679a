import SLACore
import SiteContent
import XCTest

/// Issue 22 part 2 (docs/spec.md §2 `period`, `period_start_month`): terms at every level and in
/// revisions, merged like the others, with errors where they are written.
final class PeriodTermsTests: XCTestCase {
    func testPeriodAtEveryLevelAndInARevision() throws {
        var f = SiteFixture()
        f["content/plans/pro.md"] = """
            ---
            title: Pro
            summary: S
            effective: 2026-01-01
            period: quarter
            services:
              api: {}
              db: {period: year, period_start_month: 4}
            revisions:
              - date: 2026-06-01
                note: yearly
                period: year
            ---

            """
        let parsed = f.parse()
        XCTAssertEqual(parsed.diagnostics, [])
        let site = try XCTUnwrap(parsed.site)
        let plan = site.plans[0]
        XCTAssertEqual(site.terms(plan: plan, service: "api").period, .quarter)
        XCTAssertEqual(site.terms(plan: plan, service: "api").periodStartMonth, 1)
        // The service level overrides the plan's period and adds its start month.
        XCTAssertEqual(site.terms(plan: plan, service: "db").period, .year)
        XCTAssertEqual(site.terms(plan: plan, service: "db").periodStartMonth, 4)
        // The revision's plan-level period amends api (db keeps its own, a lower level).
        let versions = plan.versions(first: CalendarDay(year: 2026, month: 1, day: 1))
        XCTAssertEqual(site.terms(version: versions[1], service: "api").period, .year)
    }

    func testBadPeriodsAreErrorsWhereTheyAreWritten() {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nperiod: quartr\nperiod_start_month: 13\nservices: {api: {}}\n---\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:4:9: period must be month, quarter, year, got \"quartr\" (did you mean \"quarter\"?)",
                "content/plans/pro.md:5:21: period_start_month must be a month number between 1 and 12 (the month quarters and years start in), got \"13\"",
            ])
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\nperiod_start: 4\nservices: {api: {}}\n---\n"
        XCTAssertEqual(
            f.messages(), ["content/plans/pro.md:4:1: unknown key \"period_start\" in plan (did you mean \"period_start_month\"?)"])
    }
}
