import SLACore
@testable import SiteRender
import XCTest

/// Issue 26, point 5: the chart's clipped linear axis (docs/outputs.md, "The uptime chart").
final class UptimeChartAxisTests: XCTestCase {
    /// Plan "pro" from `effective` covering api at `objective`, with api's months measured.
    func chart(objective: Double, measured: [(String, Double)], effective: String = "2026-01-01") -> UptimeChart {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let site = Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: [
                Plan(id: "pro", title: "Pro", effective: LocalDateTime(iso8601: effective)!, terms: SLATerms {
                    $0[TermKeys.uptime] = objective
                }, services: [PlanService(id: "api")])
            ],
            incidents: [], measurements: measured.map { MeasuredUptime(service: "api", month: YearMonth(parsing: $0.0)!, uptime: $0.1) })
        let level = SLAArithmetic.figures(for: site, now: FeedsTestSupport.now).level(plan: "pro", service: "api")!
        return UptimeChart(months: level.months, objective: objective, title: "t", idPrefix: "c", strings: PageText())
    }

    func testAnOutlierIsClippedAndTheAxisKeepsTwoAllowancesUnderTheObjective() {
        // 99.95 %: allowance 0.05; the axis wants 99.95 − 2 × 0.05 = 99.85; 99.933 is above it;
        // 91.7 is under 99.95 − 6 × 0.05 = 99.65, so it does not lower the axis: the span
        // 0.15 holds 3 steps of 0.05, floor 99.85. Only June is below it.
        let c = chart(objective: 99.95, measured: [("2026-04", 99.933), ("2026-06", 91.7), ("2026-08", 99.98)])
        XCTAssertEqual(c.floor, 99.85, accuracy: 1e-9)
        XCTAssertEqual(c.clipped.map(\.month.description), ["2026-06"])
        XCTAssertTrue(c.svg().contains("<g class=\"chart-point chart-missed chart-clipped\"><title>June 2026: 91.700%, missed</title>"))
    }

    func testAMonthWithinSixAllowancesLowersTheAxis() {
        // 99.9 %: allowance 0.1, limit 99.9 − 0.6 = 99.3; 99.42 lowers the axis to 99.42;
        // span 0.58 → step 0.2 (2.9 steps) → floor ⌊99.42 / 0.2⌋ × 0.2 = 99.4. Nothing clipped.
        let c = chart(objective: 99.9, measured: [("2026-03", 99.42)])
        XCTAssertEqual(c.floor, 99.4, accuracy: 1e-9)
        XCTAssertEqual(c.clipped.count, 0)
    }
}
