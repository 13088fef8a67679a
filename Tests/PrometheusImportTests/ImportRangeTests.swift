import Foundation
import PrometheusImport
import SLACore
import XCTest

final class ImportRangeTests: XCTestCase {
    let oneMinute = SampleInterval(minutes: 1)!
    let later = at("2027-01-01T00:00:00Z")

    private func range(_ from: String, _ to: String, _ interval: SampleInterval? = nil, calendar: SiteCalendar = utc, now: Instant? = nil)
        -> Result<ImportRange, ImportRange.Problem>
    {
        ImportRange.make(from: from, to: to, interval: interval ?? oneMinute, calendar: calendar, now: now ?? later)
    }

    func testIntervalsParse() {
        XCTAssertEqual(SampleInterval("1m")?.seconds, 60)
        XCTAssertEqual(SampleInterval("30m")?.seconds, 1800)
        for bad in ["2m", "60s", "1h", "m", "", "5"] { XCTAssertNil(SampleInterval(bad), bad) }
    }

    func testDaysIncludeTheLastDay() throws {
        let r = try range("2026-10-01", "2026-10-31").get()
        XCTAssertEqual(r.from, at("2026-10-01T00:00:00Z"))
        XCTAssertEqual(r.to, at("2026-11-01T00:00:00Z"))
        XCTAssertEqual(r.count, 31 * 1440)
        let oneDay = try range("2026-10-04", "2026-10-04").get()
        XCTAssertEqual(oneDay.count, 1440)
    }

    func testDaysAndLocalTimesAreReadInTheSiteZone() throws {
        let berlin = SiteCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        // 2026-10-01 00:00 CEST (+02:00) = 2026-09-30T22:00Z; the end of 2026-10-31 is
        // 2026-11-01 00:00 CET (+01:00) = 2026-10-31T23:00Z. Summer time ends on 2026-10-25,
        // so October has 31 × 1440 + 60 = 44,700 minutes.
        let r = try range("2026-10-01", "2026-10-31", calendar: berlin).get()
        XCTAssertEqual(r.from, at("2026-09-30T22:00:00Z"))
        XCTAssertEqual(r.to, at("2026-10-31T23:00:00Z"))
        XCTAssertEqual(r.count, 44_700)
        let local = try range("2026-10-01T12:00", "2026-10-01T13:00", calendar: berlin).get()
        XCTAssertEqual(local.from, at("2026-10-01T10:00:00Z"))
        XCTAssertEqual(local.count, 60)
    }

    func testATimeToIsExclusive() throws {
        // 00:00Z to 02:00+01:00 (= 01:00Z): rows start at 00:00 … 00:59, 60 of them; 01:00 is not imported.
        let r = try range("2026-10-01T00:00:00Z", "2026-10-01T02:00:00+01:00").get()
        XCTAssertEqual(r.count, 60)
        XCTAssertTrue(r.contains(at("2026-10-01T00:59:00Z")))
        XCTAssertFalse(r.contains(at("2026-10-01T01:00:00Z")))
        XCTAssertFalse(r.contains(at("2026-09-30T23:59:00Z")))
    }

    func testEmptyAndReversedRanges() {
        XCTAssertEqual(range("2026-10-01T00:00:00Z", "2026-10-01T01:00:00+01:00"), .failure(.empty(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:00:00Z"))))
        XCTAssertEqual(range("2026-10-02", "2026-10-01T12:00:00Z"), .failure(.empty(from: at("2026-10-02T00:00:00Z"), to: at("2026-10-01T12:00:00Z"))))
        XCTAssertEqual(range("2026-10-1", "2026-10-02"), .failure(.notADate(option: "--from", text: "2026-10-1")))
        XCTAssertEqual(range("2026-10-01", "yesterday"), .failure(.notADate(option: "--to", text: "yesterday")))
    }

    func testTimesOffTheGridAreRefusedWithTheNearestOnes() {
        let five = SampleInterval(minutes: 5)!
        XCTAssertEqual(
            range("2026-10-01T00:02:00Z", "2026-10-02", five),
            .failure(.offGrid(option: "--from", at: at("2026-10-01T00:02:00Z"), interval: five, before: at("2026-10-01T00:00:00Z"), after: at("2026-10-01T00:05:00Z"))))
        // Kathmandu is UTC+05:45: its midnight is 18:15Z, on the 15-minute grid but not the 30-minute one.
        let kathmandu = SiteCalendar(timeZone: TimeZone(identifier: "Asia/Kathmandu")!)
        XCTAssertNoThrow(try range("2026-10-01", "2026-10-01", SampleInterval(minutes: 15)!, calendar: kathmandu).get())
        let thirty = SampleInterval(minutes: 30)!
        XCTAssertEqual(
            range("2026-10-01", "2026-10-01", thirty, calendar: kathmandu),
            .failure(.offGrid(option: "--from", at: at("2026-09-30T18:15:00Z"), interval: thirty, before: at("2026-09-30T18:00:00Z"), after: at("2026-09-30T18:30:00Z"))))
        XCTAssertEqual(
            ImportRange.Problem.offGrid(option: "--from", at: at("2026-10-01T00:02:00Z"), interval: five, before: at("2026-10-01T00:00:00Z"), after: at("2026-10-01T00:05:00Z")).description,
            "--from 2026-10-01T00:02:00Z is not on the 5m grid (every 5m from 00:00 UTC): use 2026-10-01T00:00:00Z or 2026-10-01T00:05:00Z")
    }

    func testTheRangeStopsAtTheLastIntervalEndedByNow() throws {
        // now 12:34:56: the last whole minute ended at 12:34, so rows start up to 12:33.
        let r = try range("2026-10-01", "2026-10-01", now: at("2026-10-01T12:34:56Z")).get()
        XCTAssertEqual(r.to, at("2026-10-01T12:34:00Z"))
        XCTAssertEqual(r.count, 12 * 60 + 34)
        XCTAssertEqual(
            range("2026-10-02", "2026-10-02", now: at("2026-10-01T12:34:56Z")),
            .failure(.allInFuture(from: at("2026-10-02T00:00:00Z"), now: at("2026-10-01T12:34:00Z"))))
    }
}
