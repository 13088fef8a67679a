import Foundation
import SLACore
import XCTest

/// Issue 22 (docs/spec.md §3 *Both sources*, `downtime.source: samples_and_incidents`): w'(t) =
/// max(w(t), b(t)). Every expected value is computed by hand beside it. October 2026 has 31
/// days: 44 640 minutes in UTC; now = 2026-11-24T00:00:00Z.
final class BothSourcesTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    func row(_ start: String, _ total: UInt64, _ errors: UInt64) -> SampleRow {
        SampleRow(start: at(start), total: total, errors: errors)
    }

    /// Plan `pro` from October 2026 covering `api` with `terms`; `api`'s samples are `rows`.
    func site(_ rows: [SampleRow], terms: SLATerms, incidents: [Incident]) -> Site {
        let plan = Plan(
            id: "pro", title: "Pro", effective: LocalDateTime(iso8601: "2026-10-01")!, terms: terms,
            services: [PlanService(id: "api")])
        return Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"),
            terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")], plans: [plan],
            incidents: incidents, samples: ["api": SampleSeries(rows)])
    }

    /// Bad minutes (above 5 % errors): 10:00, 10:01, 10:02 and 11:05–11:14 on 5 October.
    var rows: [SampleRow] {
        [row("2026-10-05T10:00:00Z", 100, 6), row("2026-10-05T10:01:00Z", 100, 10), row("2026-10-05T10:02:00Z", 100, 6),
         row("2026-10-05T10:03:00Z", 100, 0)]
            + (5..<15).map { row("2026-10-05T11:\($0 < 10 ? "0" : "")\($0):00Z", 100, 50) }
    }

    var incidents: [Incident] {
        [
            // Partial (0.3) 10:01–10:05: inside bad minutes 10:01–10:03, alone 10:03–10:05.
            incident("partial", .partial, "2026-10-05T10:01:00Z", "2026-10-05T10:05:00Z"),
            // Major 11:00–11:10: overlaps the bad minutes 11:05–11:10.
            incident("major", .major, "2026-10-05T11:00:00Z", "2026-10-05T11:10:00Z"),
        ]
    }

    let both = SLATerms {
        $0[TermKeys.uptime] = 99.99
        $0[TermKeys.credits] = [CreditTier(below: 99.99, credit: 10)]
        $0[TermKeys.downtime] = DowntimeTerms(source: .samplesAndIncidents, errorRateAbove: 5)
    }

    func testAMinuteThatIsBothCountsOnceAndAPartialIncidentInsideABadMinuteCountsOne() throws {
        let figures = SLAArithmetic.figures(for: site(rows, terms: both, incidents: incidents), now: now)
        let level = try XCTUnwrap(figures.level(plan: "pro", service: "api"))
        let oct = try XCTUnwrap(level.months.first { $0.month == ym("2026-10") })
        // w'(t) on 5 October:
        //   10:00–10:01 b = 1                        → 1.0
        //   10:01–10:03 max(0.3, 1) = 1 (2 minutes)  → 2.0 (the partial incident counts 1 there)
        //   10:03–10:05 w = 0.3 (2 minutes)          → 0.6
        //   11:00–11:10 w = 1 (11:05–11:10 also bad, counted once) → 10.0
        //   11:10–11:15 b = 1 (5 minutes)            → 5.0
        // downtime = 1 + 2 + 0.6 + 10 + 5 = 18.6 (samples alone: 3 + 10 = 13; incidents alone:
        // 4 × 0.3 + 10 = 11.2; added: 24.2).
        XCTAssertEqual(oct.downtimeMinutes!, 18.6, accuracy: 1e-9)
        // uptime = 100 × (44 640 − 18.6) / 44 640 = 99.958333… → 99.958; below 99.99: credit 10.
        XCTAssertEqual(oct.uptime!, 100 * (44_640 - 18.6) / 44_640, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.958)
        XCTAssertEqual(oct.source, .samplesAndIncidents)
        XCTAssertEqual(oct.met, false)
        XCTAssertEqual(oct.credit, 10)
        // The day's bar reads the same weight function: 18.6 on 5 October, 0 on the 6th.
        let day5 = try XCTUnwrap(level.days.first { $0.day == CalendarDay(year: 2026, month: 10, day: 5) })
        XCTAssertEqual(day5.downtimeMinutes!, 18.6, accuracy: 1e-9)
        XCTAssertEqual(day5.source, .samplesAndIncidents)
        let day6 = try XCTUnwrap(level.days.first { $0.day == CalendarDay(year: 2026, month: 10, day: 6) })
        XCTAssertEqual(day6.downtimeMinutes!, 0, accuracy: 1e-9)
    }

    func testWhatEachIncidentCountedLeavesTheBadMinutesToTheSamples() throws {
        let figures = SLAArithmetic.figures(for: site(rows, terms: both, incidents: incidents), now: now)
        let counts = SLAArithmetic.incidentCounts(figures.inputs[0][0].value)
        XCTAssertEqual(counts.count, 2)
        // partial: open 4 minutes; 10:01–10:03 a bad minute sets w' (2 minutes); it sets w' itself
        // 10:03–10:05 at 0.3: counted 2 × 0.3 = 0.6.
        XCTAssertEqual(counts[0].openMinutes, 4, accuracy: 1e-9)
        XCTAssertEqual(counts[0].measuredMinutes, 2, accuracy: 1e-9)
        XCTAssertEqual(counts[0].overlappedMinutes, 0, accuracy: 1e-9)
        XCTAssertEqual(counts[0].minutes, 0.6, accuracy: 1e-9)
        // major: weight 1 ties with the bad minutes 11:05–11:10, so it keeps them: 10 minutes.
        XCTAssertEqual(counts[1].minutes, 10, accuracy: 1e-9)
        XCTAssertEqual(counts[1].measuredMinutes, 0, accuracy: 1e-9)
        // The month's 18.6 = 0.6 + 10 (the incidents) + 1 + 2 + 5 (bad minutes no incident set).
        XCTAssertEqual(counts.map(\.minutes).reduce(0, +) + 8, 18.6, accuracy: 1e-9)
    }

    func testIncidentWeightsAndMaintenanceFollowTheTerms() throws {
        // Partial weighted 0.5 by the plan: 10:03–10:05 counts 2 × 0.5 = 1.0 (was 0.6), so the
        // month is 1 + 2 + 1.0 + 10 + 5 = 19.0.
        var terms = both
        terms[TermKeys.impactWeights] = [.partial: 0.5]
        let oct = SLAArithmetic.figures(for: site(rows, terms: terms, incidents: incidents), now: now)
            .level(plan: "pro", service: "api")!.months[0]
        XCTAssertEqual(oct.downtimeMinutes!, 19.0, accuracy: 1e-9)
        // Maintenance 11:00–11:07 (excluded by default): the major incident counts 0 inside it,
        // and the bad minutes 11:05 and 11:06 overlap it, so they have no error rate.
        // w': 10:00–10:05 as before = 3.6; 11:07–11:10 major = 3; 11:10–11:15 bad = 5 (11:07–11:10
        // bad too, counted once) → 11.6.
        let withMaintenance = incidents + [incident("window", .maintenance, "2026-10-05T11:00:00Z", "2026-10-05T11:07:00Z")]
        let oct2 = SLAArithmetic.figures(for: site(rows, terms: both, incidents: withMaintenance), now: now)
            .level(plan: "pro", service: "api")!.months[0]
        XCTAssertEqual(oct2.downtimeMinutes!, 11.6, accuracy: 1e-9)
    }

    func testOverlayKeepsTheIncidentOnATieAndFillsGaps() {
        let t0 = at("2026-10-05T10:00:00Z")
        func span(_ a: Int64, _ b: Int64, _ w: Double, cause: Int) -> AttributedSpan {
            AttributedSpan(start: t0.adding(seconds: a), end: t0.adding(seconds: b), weight: w, cause: cause, maintenanceExcluded: false)
        }
        // Incident 0 at 0.3 over [0, 600) and incident 1 at 1.0 over [600, 900); bad [300, 1200).
        let out = Downtime.overlay(
            [span(0, 600, 0.3, cause: 0), span(600, 900, 1, cause: 1)],
            bad: [WeightedSpan(start: t0.adding(seconds: 300), end: t0.adding(seconds: 1200), weight: 1)])
        XCTAssertEqual(out.map { [t0.seconds(to: $0.start), t0.seconds(to: $0.end)] }, [[0, 300], [300, 600], [600, 900], [900, 1200]])
        XCTAssertEqual(out.map(\.weight), [0.3, 1, 1, 1])
        XCTAssertEqual(out.map(\.measured), [false, true, false, true])
        // ∫ w' = 300 × 0.3 + 900 × 1 = 990 s = 16.5 minutes.
        XCTAssertEqual(Downtime.minutes(in: Downtime.weighted(out), from: t0, to: t0.adding(seconds: 1200)), 16.5, accuracy: 1e-9)
    }
}
