import PrometheusImport
import SLACore
import XCTest

final class QueryWindowTests: XCTestCase {
    /// Every evaluation time of the windows, in request order.
    private func times(_ windows: [QueryWindow]) -> [Int64] {
        windows.flatMap { w in stride(from: w.start.seconds, through: w.end.seconds, by: Int(w.step)).map { $0 } }
    }

    func testAMonthOfMinutesIsFiveRequestsThatCoverEveryIntervalOnce() {
        // October 2026 in UTC: 31 days × 1440 = 44,640 one-minute intervals.
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-11-01T00:00:00Z"), interval: SampleInterval(minutes: 1)!)
        XCTAssertEqual(range.count, 44_640)
        let windows = QueryWindow.windows(for: range)
        // 44,640 = 4 × 10,000 + 4,640 points.
        XCTAssertEqual(windows.map(\.points), [10_000, 10_000, 10_000, 10_000, 4_640])
        // The row starting 00:00 is evaluated at 00:01; the last row (23:59 on the 31st) at 2026-11-01T00:00.
        XCTAssertEqual(windows.first?.start, at("2026-10-01T00:01:00Z"))
        XCTAssertEqual(windows.last?.end, at("2026-11-01T00:00:00Z"))
        // The first join: point 10,000 is at 00:01 + 9,999 min = 2026-10-07T22:40Z; the next window starts a minute later.
        XCTAssertEqual(windows[0].end, at("2026-10-07T22:40:00Z"))
        XCTAssertEqual(windows[1].start, at("2026-10-07T22:41:00Z"))
        // No step twice, none missing: exactly the interval ends from 00:01 to the month's end.
        let expected = stride(from: at("2026-10-01T00:01:00Z").seconds, through: at("2026-11-01T00:00:00Z").seconds, by: 60).map { $0 }
        XCTAssertEqual(times(windows), expected)
        // Prometheus refuses (end − start) / step > 11,000.
        for w in windows { XCTAssertLessThanOrEqual(w.start.seconds(to: w.end) / w.step, 11_000) }
    }

    func testJoinsAtOtherSizesNeitherRepeatNorSkip() {
        let interval = SampleInterval(minutes: 5)!
        // 1 day of 5-minute rows = 288 intervals.
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-02T00:00:00Z"), interval: interval)
        let expected = stride(from: at("2026-10-01T00:05:00Z").seconds, through: at("2026-10-02T00:00:00Z").seconds, by: 300).map { $0 }
        XCTAssertEqual(expected.count, 288)
        for maxPoints: Int64 in [1, 7, 96, 144, 287, 288, 289, 10_000] {
            let windows = QueryWindow.windows(for: range, maxPoints: maxPoints)
            XCTAssertEqual(times(windows), expected, "maxPoints \(maxPoints)")
            // ⌈288 / maxPoints⌉ requests.
            XCTAssertEqual(Int64(windows.count), (288 + maxPoints - 1) / maxPoints, "maxPoints \(maxPoints)")
            XCTAssertTrue(windows.allSatisfy { $0.points <= maxPoints && $0.step == 300 })
        }
    }

    func testOneInterval() {
        let range = ImportRange(from: at("2026-10-01T00:04:00Z"), to: at("2026-10-01T00:05:00Z"), interval: SampleInterval(minutes: 1)!)
        XCTAssertEqual(QueryWindow.windows(for: range), [QueryWindow(start: at("2026-10-01T00:05:00Z"), end: at("2026-10-01T00:05:00Z"), step: 60)])
    }
}
