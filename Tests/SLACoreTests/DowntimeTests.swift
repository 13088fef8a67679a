import SLACore
import XCTest

final class DowntimeTests: XCTestCase {
    let now = at("2026-12-01T00:00:00Z")

    func minutes(_ incidents: [Incident], exclude: Bool = true, weights: ImpactWeights = .standard) -> Double {
        let spans = Downtime.spans(of: incidents, weights: weights, excludeMaintenance: exclude, now: now)
        return Downtime.minutes(in: spans, from: at("2026-11-01T00:00:00Z"), to: at("2026-12-01T00:00:00Z"))
    }

    func testSingleMajorCountsItsLength() {
        // 10:00–11:30 major, weight 1.0 → 90 min
        XCTAssertEqual(minutes([incident("a", .major, "2026-11-03T10:00:00Z", "2026-11-03T11:30:00Z")]), 90, accuracy: 1e-9)
    }

    func testPartialIsWeighted() {
        // 100 min partial × 0.3 = 30 min
        XCTAssertEqual(minutes([incident("a", .partial, "2026-11-03T10:00:00Z", "2026-11-03T11:40:00Z")]), 30, accuracy: 1e-9)
    }

    func testDegradedCountsNothing() {
        XCTAssertEqual(minutes([incident("a", .degraded, "2026-11-03T10:00:00Z", "2026-11-03T18:00:00Z")]), 0)
    }

    func testOverlapTakesTheMaximumNeverTheSum() {
        // partial 10:00–12:00, major 10:30–11:00 inside it:
        // 10:00–10:30 0.3×30 = 9; 10:30–11:00 max(1, 0.3)×30 = 30; 11:00–12:00 0.3×60 = 18 → 57
        let list = [
            incident("p", .partial, "2026-11-03T10:00:00Z", "2026-11-03T12:00:00Z"),
            incident("m", .major, "2026-11-03T10:30:00Z", "2026-11-03T11:00:00Z"),
        ]
        XCTAssertEqual(minutes(list), 57, accuracy: 1e-9)
    }

    func testOverlappingMajorsCountOnce() {
        // 10:00–11:00 and 10:30–11:30: the union 10:00–11:30 = 90 min, not 120
        let list = [
            incident("a", .major, "2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z"),
            incident("b", .major, "2026-11-03T10:30:00Z", "2026-11-03T11:30:00Z"),
        ]
        XCTAssertEqual(minutes(list), 90, accuracy: 1e-9)
    }

    func testMaintenanceExclusionZeroesEverythingOpenDuringTheWindow() {
        // maintenance 02:00–03:00, major 02:30–04:00.
        // excluded: only 03:00–04:00 counts → 60. Not excluded: 02:00–04:00 at weight 1 → 120.
        let list = [
            incident("w", .maintenance, "2026-11-03T02:00:00Z", "2026-11-03T03:00:00Z"),
            incident("m", .major, "2026-11-03T02:30:00Z", "2026-11-03T04:00:00Z"),
        ]
        XCTAssertEqual(minutes(list, exclude: true), 60, accuracy: 1e-9)
        XCTAssertEqual(minutes(list, exclude: false), 120, accuracy: 1e-9)
    }

    func testCustomImpactWeights() {
        // partial weight 0.5 × 60 min = 30
        var w = ImpactWeights.standard
        w.partial = 0.5
        let list = [incident("p", .partial, "2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z")]
        XCTAssertEqual(minutes(list, weights: w), 30, accuracy: 1e-9)
    }

    func testOpenIncidentRunsUntilNow() {
        // open since 2026-11-30T23:00Z, now = 2026-12-01T00:00Z → 60 min
        XCTAssertEqual(minutes([incident("o", .major, "2026-11-30T23:00:00Z", nil)]), 60, accuracy: 1e-9)
    }

    func testNothingAfterNowCounts() {
        // scheduled 2026-11-30T23:30Z–2026-12-01T02:00Z with now at 2026-12-01T00:00Z → 30 min
        XCTAssertEqual(minutes([incident("f", .major, "2026-11-30T23:30:00Z", "2026-12-01T02:00:00Z")]), 30, accuracy: 1e-9)
    }

    func testSpansAreDisjointAndSorted() {
        let list = (0..<200).map { k in
            incident("i\(k)", k % 3 == 0 ? .major : .partial, "2026-11-0\(1 + k % 9)T0\(k % 10):00:00Z", "2026-11-0\(1 + k % 9)T0\(k % 10):45:00Z")
        }
        let spans = Downtime.spans(of: list, weights: .standard, excludeMaintenance: true, now: now)
        for (a, b) in zip(spans, spans.dropFirst()) { XCTAssertLessThanOrEqual(a.end, b.start) }
        for s in spans { XCTAssertLessThan(s.start, s.end) }
    }
}
