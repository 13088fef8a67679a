import Foundation
import SLACore
import XCTest

final class CalendarTests: XCTestCase {
    func testRealMinutesPerMonthFollowDST() {
        // London: clocks go forward 2026-03-29 (31 days − 1 h = 44 640 − 60 = 44 580),
        // back 2026-10-25 (44 640 + 60 = 44 700); UTC March has 44 640.
        XCTAssertEqual(london.minutes(in: ym("2026-03")), 44_580)
        XCTAssertEqual(london.minutes(in: ym("2026-10")), 44_700)
        XCTAssertEqual(london.minutes(in: ym("2026-06")), 43_200)
        XCTAssertEqual(utc.minutes(in: ym("2026-03")), 44_640)
    }

    func testLeapYears() {
        // Feb 2024: 29 × 1440 = 41 760; Feb 2026: 28 × 1440 = 40 320; 1900 is not leap, 2000 is.
        XCTAssertEqual(utc.minutes(in: ym("2024-02")), 41_760)
        XCTAssertEqual(utc.minutes(in: ym("2026-02")), 40_320)
        XCTAssertEqual(utc.minutes(in: ym("2000-02")), 41_760)
        XCTAssertEqual(utc.minutes(in: ym("1900-02")), 40_320)
    }

    func testMonthEdgesAreInTheSiteZone() {
        // May 2026 starts at 00:00 BST = 2026-04-30T23:00:00Z in London.
        XCTAssertEqual(london.start(of: ym("2026-05")), at("2026-04-30T23:00:00Z"))
        XCTAssertEqual(london.month(containing: at("2026-04-30T23:30:00Z")), ym("2026-05"))
        XCTAssertEqual(utc.month(containing: at("2026-04-30T23:30:00Z")), ym("2026-04"))
    }

    func testTimesWithoutOffsetAreReadInTheSiteZone() {
        // 2026-07-31T23:30 in London (BST, +01:00) is 22:30Z; in UTC it is 23:30Z.
        XCTAssertEqual(at("2026-07-31T23:30:00", london), at("2026-07-31T22:30:00Z"))
        XCTAssertEqual(at("2026-01-15T09:00:00", london), at("2026-01-15T09:00:00Z"))
        XCTAssertEqual(at("2026-07-31T23:30:00+02:00", london), at("2026-07-31T21:30:00Z"))
    }

    func testWallTimeInTheSpringGapMovesForward() {
        // 2026-03-29 01:30 does not exist in London; read as 02:30 BST = 01:30Z.
        XCTAssertEqual(at("2026-03-29T01:30:00", london), at("2026-03-29T01:30:00Z"))
    }

    func testISO8601Forms() {
        XCTAssertEqual(at("2026-11-24T00:00:00Z").seconds, 1_795_478_400)
        XCTAssertEqual(at("2026-11-24T00:00:00.75Z"), at("2026-11-24T00:00:00Z"))
        XCTAssertEqual(at("2026-11-24 01:00+0100"), at("2026-11-24T00:00:00Z"))
        XCTAssertEqual(at("2026-11-24"), at("2026-11-24T00:00:00Z"))
        XCTAssertNil(LocalDateTime(iso8601: "2026-02-30T00:00:00Z"))
        XCTAssertNil(LocalDateTime(iso8601: "2026-11-24T24:00:00Z"))
        XCTAssertNil(LocalDateTime(iso8601: "24/11/2026"))
        XCTAssertNil(LocalDateTime(iso8601: "2026-11-24T10:00:00Zjunk"))
    }

    func testRFC3339Output() {
        XCTAssertEqual(Instant(seconds: 0).rfc3339, "1970-01-01T00:00:00Z")
        XCTAssertEqual(Instant(seconds: -1).rfc3339, "1969-12-31T23:59:59Z")
        XCTAssertEqual(at("2024-02-29T13:14:15Z").rfc3339, "2024-02-29T13:14:15Z")
        XCTAssertEqual(at("2024-02-29T13:14:15Z").basicUTC, "20240229T131415Z")
        // Digits written one by one (issue 23): padded years, the last second of a day, and the
        // years past 9999 that take the general path.
        XCTAssertEqual(Instant(seconds: -30_610_224_000).rfc3339, "1000-01-01T00:00:00Z")
        XCTAssertEqual(Instant(seconds: -62_135_596_801).basicUTC, "00001231T235959Z")
        XCTAssertEqual(Instant(seconds: 253_402_300_799).rfc3339, "9999-12-31T23:59:59Z")
        XCTAssertEqual(Instant(seconds: 253_402_300_800).rfc3339, "10000-01-01T00:00:00Z")
        XCTAssertEqual(Instant(seconds: 253_402_300_800).basicUTC, "100000101T000000Z")
        XCTAssertEqual(Instant(seconds: 1_795_000_000).utcDateString, "2026-11-18")
        XCTAssertEqual(YearMonth(year: 987, month: 3).description, "0987-03")
        XCTAssertEqual(YearMonth(year: 2026, month: 12).description, "2026-12")
        XCTAssertEqual(CalendarDay(year: 2026, month: 1, day: 5).description, "2026-01-05")
        XCTAssertEqual(CalendarDay(year: 2026, month: 1, day: 5).basic, "20260105")
        XCTAssertEqual(CalendarDay(year: 12345, month: 10, day: 31).basic, "123451031")
        // A level keeps a figure per month and per day, each naming its month or day: both are
        // stored in 8 bytes (issue 23), with the same values and order as before.
        XCTAssertEqual(MemoryLayout<YearMonth>.stride, 8)
        XCTAssertEqual(MemoryLayout<CalendarDay>.stride, 8)
        let d = CalendarDay(year: 2_000_000, month: 12, day: 31)
        XCTAssertEqual([d.year, d.month, d.day], [2_000_000, 12, 31])
        XCTAssertLessThan(CalendarDay(year: 2026, month: 12, day: 31), CalendarDay(year: 2027, month: 1, day: 1))
        XCTAssertEqual(Period(.quarter, containing: YearMonth(year: 2026, month: 1), startMonth: 11).first, YearMonth(year: 2025, month: 11))
    }

    /// The calendar answers offsets and abbreviations from a table of each zone's transitions;
    /// every answer equals Foundation's own, hour by hour around DST changes and at random
    /// instants from 1970 to 2100, for zones with summer time, half-hour and odd offsets, and UTC.
    func testZoneTableAgreesWithFoundation() throws {
        var seed: UInt64 = 7
        func random() -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64(seed >> 33) % 4_102_444_800
        }
        for id in ["UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo"] {
            let zone = try XCTUnwrap(TimeZone(identifier: id))
            let calendar = SiteCalendar(timeZone: zone)
            XCTAssertTrue(calendar.usesZoneTable, id)
            var instants: [Int64] = (0..<2000).map { _ in random() }
            // Every quarter hour through the spring and autumn changes of 2026.
            for start in [1_772_323_200, 1_790_812_800] as [Int64] {  // 2026-03-01, 2026-10-01
                instants += stride(from: start, to: start + 62 * 86_400, by: 900).map { $0 }
            }
            // The zone's CLDR short name in English, as Foundation's formatter writes it (issue 26).
            let names = DateFormatter()
            names.locale = Locale(identifier: "en_US")
            names.timeZone = zone
            names.dateFormat = "zzz"
            for s in instants {
                let date = Date(timeIntervalSince1970: TimeInterval(s))
                XCTAssertEqual(calendar.offset(at: Instant(seconds: s)), zone.secondsFromGMT(for: date), "\(id) at \(s)")
                // UTC is called UTC, where Foundation says GMT (issue 17: publish the zone as written).
                XCTAssertEqual(
                    calendar.abbreviation(at: Instant(seconds: s)), id == "UTC" ? "UTC" : names.string(from: date),
                    "\(id) at \(s)")
            }
        }
    }

    /// Issue 26, point 6: a zone's CLDR short name where English has one, else a GMT offset.
    func testShortZoneNamesAreCLDRs() throws {
        func name(_ id: String, _ text: String) throws -> String {
            SiteCalendar(timeZone: try XCTUnwrap(TimeZone(identifier: id))).abbreviation(at: at(text))
        }
        XCTAssertEqual(try name("America/Los_Angeles", "2026-12-06T18:00:00Z"), "PST")
        XCTAssertEqual(try name("America/Los_Angeles", "2026-06-06T18:00:00Z"), "PDT")
        XCTAssertEqual(try name("America/New_York", "2026-12-06T18:00:00Z"), "EST")
        XCTAssertEqual(try name("Europe/London", "2026-12-06T18:00:00Z"), "GMT")
        XCTAssertEqual(try name("Europe/London", "2026-06-06T18:00:00Z"), "GMT+1")
        XCTAssertEqual(try name("Asia/Kolkata", "2026-06-06T18:00:00Z"), "GMT+5:30")
    }
}
