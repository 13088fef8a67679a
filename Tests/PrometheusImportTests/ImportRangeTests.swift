import Foundation
import PrometheusImport
import SLACore
import XCTest

final class ImportRangeTests: XCTestCase {
    let oneMinute = SampleInterval(minutes: 1)!
    let later = at("2027-01-01T00:00:00Z")

    /// A bound at `time` (RFC 3339), shown as `shown` (by default as `time` itself).
    private func bound(_ time: String, shown: String? = nil) -> ImportRange.Bound {
        ImportRange.Bound(at(time), shown: shown ?? time)
    }

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
        XCTAssertEqual(
            range("2026-10-01T00:00:00Z", "2026-10-01T01:00:00+01:00"),
            .failure(.empty(from: bound("2026-10-01T00:00:00Z"), to: bound("2026-10-01T00:00:00Z", shown: "2026-10-01T01:00:00+01:00"))))
        XCTAssertEqual(
            range("2026-10-02", "2026-10-01T12:00:00Z"),
            .failure(.empty(from: bound("2026-10-02T00:00:00Z", shown: "2026-10-02 (UTC)"), to: bound("2026-10-01T12:00:00Z"))))
        XCTAssertEqual(range("2026-10-1", "2026-10-02"), .failure(.notADate(option: "--from", text: "2026-10-1")))
        XCTAssertEqual(range("2026-10-01", "yesterday"), .failure(.notADate(option: "--to", text: "yesterday")))
    }

    func testTimesOffTheGridAreRefusedWithTheNearestOnes() {
        let five = SampleInterval(minutes: 5)!
        XCTAssertEqual(
            range("2026-10-01T00:02:00Z", "2026-10-02", five),
            .failure(
                .offGrid(
                    option: "--from", at: bound("2026-10-01T00:02:00Z"), interval: five, before: bound("2026-10-01T00:00:00Z"),
                    after: bound("2026-10-01T00:05:00Z"))))
        // Kathmandu is UTC+05:45: its midnight is 18:15Z, on the 15-minute grid but not the 30-minute one.
        let kathmandu = SiteCalendar(timeZone: TimeZone(identifier: "Asia/Kathmandu")!)
        XCTAssertNoThrow(try range("2026-10-01", "2026-10-01", SampleInterval(minutes: 15)!, calendar: kathmandu).get())
        let thirty = SampleInterval(minutes: 30)!
        XCTAssertEqual(
            range("2026-10-01", "2026-10-01", thirty, calendar: kathmandu),
            .failure(
                .offGrid(
                    option: "--from", at: bound("2026-09-30T18:15:00Z", shown: "2026-10-01 (Asia/Kathmandu)"), interval: thirty,
                    before: bound("2026-09-30T18:00:00Z", shown: "2026-09-30T23:45:00+05:45"),
                    after: bound("2026-09-30T18:30:00Z", shown: "2026-10-01T00:15:00+05:45"))))
        // Issue 26 point 8: written in the site zone, the times are shown there, with offsets to
        // copy (before: "--from 2026-09-30T18:15:00Z … use 2026-09-30T18:00:00Z or …").
        XCTAssertEqual(
            problem(range("2026-10-01", "2026-10-01", thirty, calendar: kathmandu)),
            "--from 2026-10-01 (Asia/Kathmandu) is not on the 30m grid (every 30m from 00:00 UTC): use 2026-09-30T23:45:00+05:45 or 2026-10-01T00:15:00+05:45")
        XCTAssertEqual(
            ImportRange.Problem.offGrid(
                option: "--from", at: bound("2026-10-01T00:02:00Z"), interval: five, before: bound("2026-10-01T00:00:00Z"),
                after: bound("2026-10-01T00:05:00Z")
            ).description,
            "--from 2026-10-01T00:02:00Z is not on the 5m grid (every 5m from 00:00 UTC): use 2026-10-01T00:00:00Z or 2026-10-01T00:05:00Z")
    }

    /// Issue 26 point 8: a reversed range of days in Berlin. Before: "--to (2026-10-01T22:00:00Z)
    /// must be later than --from (2026-10-01T22:00:00Z)", two equal UTC times for two days.
    func testAnEmptyRangeIsShownAsWritten() {
        let berlin = SiteCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        XCTAssertEqual(
            problem(range("2026-10-02", "2026-10-01", calendar: berlin)),
            "--to 2026-10-01 (Europe/Berlin) must be later than --from 2026-10-02 (Europe/Berlin)")
    }

    /// Issue 26 point 7 for the options: Berlin's 02:30 on 25 October 2026 occurs twice, on
    /// 29 March it does not exist. Before: no warning.
    func testRepeatedAndSkippedWallTimesWarn() {
        let berlin = SiteCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        XCTAssertEqual(
            ImportRange.wallTimeWarnings(from: "2026-03-29T02:30", to: "2026-10-25T02:30", calendar: berlin),
            [
                "--from 2026-03-29T02:30 (Europe/Berlin) does not exist: the clocks go forward 1 h then; it is read as 2026-03-29T03:30:00+02:00 (GMT+2) (write 2026-03-29T01:30:00+01:00 for the instant 1 h earlier, or 2026-03-29T03:30:00+02:00 to keep this one)",
                "--to 2026-10-25T02:30 (Europe/Berlin) occurs twice: the clocks go back 1 h then; it is read as the second, 2026-10-25T02:30:00+01:00 (GMT+1) (write 2026-10-25T02:30:00+02:00 for the first, or 2026-10-25T02:30:00+01:00 to keep this one)",
            ])
        XCTAssertEqual(ImportRange.wallTimeWarnings(from: "2026-10-25T02:30:00+02:00", to: "2026-10-25", calendar: berlin), [])
    }

    private func problem(_ result: Result<ImportRange, ImportRange.Problem>) -> String? {
        if case let .failure(p) = result { return p.description }
        return nil
    }

    func testTheRangeStopsAtTheLastIntervalEndedByNow() throws {
        // now 12:34:56: the last whole minute ended at 12:34, so rows start up to 12:33.
        let r = try range("2026-10-01", "2026-10-01", now: at("2026-10-01T12:34:56Z")).get()
        XCTAssertEqual(r.to, at("2026-10-01T12:34:00Z"))
        XCTAssertEqual(r.count, 12 * 60 + 34)
        XCTAssertEqual(
            range("2026-10-02", "2026-10-02", now: at("2026-10-01T12:34:56Z")),
            .failure(.allInFuture(from: bound("2026-10-02T00:00:00Z", shown: "2026-10-02 (UTC)"), now: at("2026-10-01T12:34:00Z"))))
    }
}
