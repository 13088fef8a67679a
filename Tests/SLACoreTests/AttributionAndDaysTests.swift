import Foundation
import SLACore
import XCTest

/// Issue 16, points 3 and 4: who set w(t) (the sweep's attribution), what each incident counted,
/// and the daily figures, all from the one sweep. Expected values by hand beside them.
final class AttributionAndDaysTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    func site(_ incidents: [Incident], zone: String = "UTC", measured: [MeasuredUptime] = []) -> Site {
        var config = SiteConfig(
            title: "T", provider: "P", baseURL: "https://t.example/", timeZone: TimeZone(identifier: zone)!, timeZoneName: zone)
        config.defaults = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
        }
        let plan = Plan(
            id: "pro", title: "Pro", effective: LocalDateTime(iso8601: "2026-09-01T00:00:00")!, services: [PlanService(id: "api")])
        return Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: [plan], incidents: incidents.sorted { ($0.start, $0.id) < ($1.start, $1.id) }, measurements: measured)
    }

    /// On 2026-10-05 (UTC), minutes after 10:00:
    /// a major [0, 60), b partial [30, 90) (weight 0.3), c major [10, 20) (inside a),
    /// m maintenance [100, 120) (excluded by default), d major [110, 130), z degraded [200, 210) (weight 0).
    var incidents: [Incident] {
        func t(_ minutes: Int) -> String {
            let h = 10 + minutes / 60, m = minutes % 60
            return "2026-10-05T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m):00Z"
        }
        return [
            incident("a", .major, t(0), t(60)), incident("b", .partial, t(30), t(90)), incident("c", .major, t(10), t(20)),
            incident("m", .maintenance, t(100), t(120)), incident("d", .major, t(110), t(130)),
            incident("z", .degraded, t(200), t(210)),
        ]
    }

    func testAttributedSpansNameWhoSetTheWeightWithTheTieRule() {
        let s = site(incidents)
        let spans = Downtime.attributedSpans(of: s.incidents, weights: .standard, excludeMaintenance: true, now: now)
        let ids = s.incidents.map(\.id)
        // [0,60) a (c is as heavy but starts later), [60,90) b at 0.3, [100,120) m excluding
        // (d is open from 110 but maintenance wins), [120,130) d, [200,210) z at weight 0.
        XCTAssertEqual(spans.map { ids[$0.cause] }, ["a", "b", "m", "d", "z"])
        XCTAssertEqual(spans.map(\.weight), [1, 0.3, 0, 1, 0])
        XCTAssertEqual(spans.map(\.maintenanceExcluded), [false, false, true, false, false])
        XCTAssertEqual(spans.map { $0.start.seconds(to: $0.end) / 60 }, [60, 30, 20, 10, 10])
        // The weighted spans are exactly the old sweep's: weight > 0, merged.
        XCTAssertEqual(
            Downtime.spans(of: s.incidents, weights: .standard, excludeMaintenance: true, now: now),
            [
                WeightedSpan(start: at("2026-10-05T10:00:00Z"), end: at("2026-10-05T11:00:00Z"), weight: 1),
                WeightedSpan(start: at("2026-10-05T11:00:00Z"), end: at("2026-10-05T11:30:00Z"), weight: 0.3),
                WeightedSpan(start: at("2026-10-05T12:00:00Z"), end: at("2026-10-05T12:10:00Z"), weight: 1),
            ])
        // Two equally heavy incidents starting together: the first in the sequence (id order).
        let twins = [incident("x", .major, "2026-10-01T00:00:00Z", "2026-10-01T01:00:00Z"), incident("y", .major, "2026-10-01T00:00:00Z", "2026-10-01T02:00:00Z")]
        let tied = Downtime.attributedSpans(of: twins, weights: .standard, excludeMaintenance: true, now: now)
        XCTAssertEqual(tied.map(\.cause), [0, 1])
        XCTAssertEqual(tied.map { $0.start.seconds(to: $0.end) / 60 }, [60, 60])
    }

    func testWhatEachIncidentCountedSumsToTheMonth() throws {
        let figures = SLAArithmetic.figures(for: site(incidents), now: now)
        let level = try XCTUnwrap(figures.level(plan: "pro", service: "api"))
        let october = try XCTUnwrap(level.months.firstIndex { $0.month == ym("2026-10") })
        let ids = figures.counting[0][0].map { site(incidents).incidents[$0].id }
        let all = SLAArithmetic.incidentCounts(figures.inputs[0][0].value)
        let counts = Dictionary(uniqueKeysWithValues: all.map { (ids[$0.incident], $0) })
        XCTAssertTrue(all.allSatisfy { $0.month == october })
        // One incident alone gives its own counts.
        XCTAssertEqual(SLAArithmetic.incidentCounts(figures.inputs[0][0].value, incident: 1), all.filter { $0.incident == 1 })
        // a: 60 min at 1.0; b: 30 min at 0.3 = 9 (its first 30 inside a); c: 0, all 10 inside a;
        // m: 0, its 20 excluded; d: 10 (its first 10 inside m); z: 0 at weight 0.
        XCTAssertEqual(counts["a"]!.minutes, 60, accuracy: 1e-9)
        XCTAssertEqual(counts["b"]!.minutes, 9, accuracy: 1e-9)
        XCTAssertEqual(counts["b"]!.overlappedMinutes, 30)
        XCTAssertEqual(counts["c"]!.minutes, 0)
        XCTAssertEqual(counts["c"]!.overlappedMinutes, 10)
        XCTAssertEqual(counts["m"]!.minutes, 0)
        XCTAssertEqual(counts["m"]!.maintenanceMinutes, 20)
        XCTAssertEqual(counts["d"]!.minutes, 10)
        XCTAssertEqual(counts["d"]!.maintenanceMinutes, 10)
        XCTAssertEqual(counts["z"]!.minutes, 0)
        XCTAssertEqual(counts["z"]!.openMinutes, 10)
        XCTAssertEqual(counts["z"]!.overlappedMinutes, 0)
        // 60 + 9 + 10 = 79 minutes: the month's downtime, and the sum of what each counted.
        let month = level.months[october]
        XCTAssertEqual(try XCTUnwrap(month.downtimeMinutes), 79, accuracy: 1e-9)
        XCTAssertEqual(all.map(\.minutes).reduce(0, +), month.downtimeMinutes!, accuracy: 1e-9)
    }

    func testAMonthsDaysSumToTheMonthAcrossDayEdgesInTheSiteZone() throws {
        // Europe/London: BST (UTC+1) until 2026-10-25 01:00Z, then GMT.
        // o1: 2026-10-01 23:30 BST → 10-02 00:45 BST: 30 min on the 1st, 45 on the 2nd.
        // o2: 2026-10-25 00:30 BST → 03:00 GMT (= 23:30Z on the 24th → 03:00Z): 180 min on the
        //     25th (a 25-hour day), at partial 0.3 = 54 min.
        // o3: 2026-10-31 23:00 GMT → 11-01 01:00 GMT: 60 min on the 31st, 60 in November.
        let s = site(
            [
                incident("o1", .major, "2026-10-01T22:30:00Z", "2026-10-01T23:45:00Z"),
                incident("o2", .partial, "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z"),
                incident("o3", .major, "2026-10-31T23:00:00Z", "2026-11-01T01:00:00Z"),
                incident("mw", .maintenance, "2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z"),
            ], zone: "Europe/London")
        let level = try XCTUnwrap(SLAArithmetic.figures(for: s, now: now).level(plan: "pro", service: "api"))
        XCTAssertEqual(level.days.count, 90)
        // The last 90 days up to 2026-11-24: from 2026-08-27.
        XCTAssertEqual(level.days.first?.day, CalendarDay(year: 2026, month: 8, day: 27))
        XCTAssertEqual(level.days.last?.day, CalendarDay(year: 2026, month: 11, day: 24))
        let byDay = Dictionary(uniqueKeysWithValues: level.days.map { ($0.day.description, $0) })
        XCTAssertEqual(byDay["2026-10-25"]!.minutes, 1500)  // clocks go back: 25 hours
        XCTAssertEqual(byDay["2026-10-24"]!.minutes, 1440)
        XCTAssertEqual(byDay["2026-10-01"]!.downtimeMinutes, 30)
        XCTAssertEqual(byDay["2026-10-02"]!.downtimeMinutes, 45)
        XCTAssertEqual(byDay["2026-10-24"]!.downtimeMinutes!, 0, accuracy: 1e-9)
        XCTAssertEqual(byDay["2026-10-25"]!.downtimeMinutes!, 54, accuracy: 1e-9)
        XCTAssertEqual(byDay["2026-10-31"]!.downtimeMinutes, 60)
        XCTAssertEqual(byDay["2026-11-01"]!.downtimeMinutes, 60)
        // The maintenance window, 02:00–04:00 BST on the 10th: apart, not downtime.
        XCTAssertEqual(byDay["2026-10-10"]!.downtimeMinutes, 0)
        XCTAssertEqual(byDay["2026-10-10"]!.maintenanceMinutes, 120)
        // October's days sum to October: 30 + 45 + 54 + 60 = 189.
        let october = level.days.filter { $0.day.yearMonth == ym("2026-10") }
        XCTAssertEqual(october.count, 31)
        let month = try XCTUnwrap(level.months.first { $0.month == ym("2026-10") })
        XCTAssertEqual(month.downtimeMinutes!, 189, accuracy: 1e-9)
        XCTAssertEqual(october.compactMap(\.downtimeMinutes).reduce(0, +), month.downtimeMinutes!, accuracy: 1e-9)
        // Real minutes: October 2026 in London has 31 × 1440 + 60.
        XCTAssertEqual(october.map(\.minutes).reduce(0, +), month.minutes)
        // Today counts until now (00:00Z on the 24th = 00:00 GMT): nothing yet.
        XCTAssertEqual(byDay["2026-11-24"]!.downtimeMinutes, 0)
        // Days before the plan's first month are not covered: no figure.
        XCTAssertNil(byDay["2026-08-27"]!.downtimeMinutes)
        XCTAssertEqual(byDay["2026-08-27"]!.source, .none)
    }

    func testAMeasuredMonthHasNoDailyFiguresAndItsIncidentsCountNothing() throws {
        let s = site(incidents, measured: [MeasuredUptime(service: "api", month: ym("2026-10"), uptime: 99.5)])
        let figures = SLAArithmetic.figures(for: s, now: now)
        let level = try XCTUnwrap(figures.level(plan: "pro", service: "api"))
        XCTAssertTrue(level.days.filter { $0.day.yearMonth == ym("2026-10") }.allSatisfy { $0.downtimeMinutes == nil && $0.source == .measurements })
        let counts = SLAArithmetic.incidentCounts(figures.inputs[0][0].value)
        XCTAssertEqual(counts.count, 6)
        XCTAssertTrue(counts.allSatisfy { $0.minutes == 0 })
    }
}
