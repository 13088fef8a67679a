import SLACore
import SiteContent
import XCTest

/// Issue 26 points 7, 8 and 10: times as the author wrote them, wall times the site zone has
/// twice or never, and zone abbreviations.
final class WallTimeTests: XCTestCase {
    /// The fixture in Europe/Berlin, with one incident `outage.md` of these lines (file line 2 on).
    private func berlin(_ lines: String) -> SiteFixture {
        var f = SiteFixture()
        f["site.yaml"] = f["site.yaml"]!.replacingOccurrences(of: "timezone: UTC", with: "timezone: Europe/Berlin")
        f["content/status/incidents/outage.md"] = "---\ntitle: Outage\nservices: [api]\nimpact: major\n" + lines + "---\n"
        return f
    }

    /// Point 8: "end 2026-11-10 09:30 (Europe/Berlin) is before start …", not the two in UTC.
    /// Before: `end must not be before start (2026-11-10T09:00:00Z), got 2026-11-10T08:30:00Z`.
    func testAnEndBeforeItsStartIsShownAsWrittenWithTheZone() {
        let f = berlin("start: 2026-11-10 10:00\nend: 2026-11-10 09:30\n")
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:6:6: end 2026-11-10 09:30 (Europe/Berlin) is before start 2026-11-10 10:00 (Europe/Berlin)"])
        // One with an offset is shown as written, without a zone.
        let g = berlin("start: 2026-11-10 10:00\nend: 2026-11-10T08:30:00Z\n")
        XCTAssertEqual(
            g.messages(), ["content/status/incidents/outage.md:6:6: end 2026-11-10T08:30:00Z is before start 2026-11-10 10:00 (Europe/Berlin)"])
    }

    /// Point 8 for the timeline. Before, both times were in UTC (08:20Z, 08:30Z).
    func testUpdatesOutOfOrderAreShownAsWritten() {
        let f = berlin(
            "start: 2026-11-10 09:00\nend: 2026-11-10 11:00\nupdates:\n"
                + "  - {at: 2026-11-10 09:30, status: identified}\n  - {at: 2026-11-10 09:20, status: monitoring}\n")
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:9:10: updates must be in time order, oldest first: this one (2026-11-10 09:20 (Europe/Berlin)) is before the one above it (2026-11-10 09:30 (Europe/Berlin))"])
    }

    /// Point 7: Berlin's clocks go back from 03:00 CEST to 02:00 CET on 25 October 2026, so
    /// 02:30 happens at 00:30Z and again at 01:30Z. slasite reads the second (as before: the
    /// instant is unchanged), and says so. Before: no diagnostic at all.
    func testARepeatedWallTimeWarnsWhichInstantItTook() throws {
        let f = berlin("start: 2026-10-25 02:30\nend: 2026-10-25T03:30:00+01:00\n")
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:5:8: warning: start 2026-10-25 02:30 (Europe/Berlin) occurs twice: the clocks go back 1 h then; it is read as the second, 2026-10-25T02:30:00+01:00 (GMT+1) (write 2026-10-25T02:30:00+02:00 for the first, or 2026-10-25T02:30:00+01:00 to keep this one)"])
        // 2026-10-25T01:30:00Z = 1_792_891_800 s (20 751 days × 86 400 + 5 400).
        XCTAssertEqual(try XCTUnwrap(f.parse().site).incidents[0].start, Instant(seconds: 1_792_891_800))
        // Writing the offset chooses, and silences the warning.
        XCTAssertEqual(berlin("start: 2026-10-25T02:30:00+02:00\nend: 2026-10-25T03:30:00+01:00\n").messages(), [])
    }

    /// Point 7: Berlin's clocks go forward from 02:00 CET to 03:00 CEST on 29 March 2026, so
    /// 02:30 does not exist; it is read with the offset before the change, 01:30Z (03:30 CEST).
    func testASkippedWallTimeWarnsWhichInstantItTook() throws {
        let f = berlin("start: 2026-03-29 01:00\nend: 2026-03-29 02:30\nupdates:\n  - {at: 2026-03-29 02:15, status: investigating}\n")
        XCTAssertEqual(
            f.messages(),
            [
                "content/status/incidents/outage.md:6:6: warning: end 2026-03-29 02:30 (Europe/Berlin) does not exist: the clocks go forward 1 h then; it is read as 2026-03-29T03:30:00+02:00 (GMT+2) (write 2026-03-29T01:30:00+01:00 for the instant 1 h earlier, or 2026-03-29T03:30:00+02:00 to keep this one)",
                "content/status/incidents/outage.md:8:10: warning: at 2026-03-29 02:15 (Europe/Berlin) does not exist: the clocks go forward 1 h then; it is read as 2026-03-29T03:15:00+02:00 (GMT+2) (write 2026-03-29T01:15:00+01:00 for the instant 1 h earlier, or 2026-03-29T03:15:00+02:00 to keep this one)",
            ])
        // 2026-03-29T01:30:00Z = 20 541 days × 86 400 + 5 400 = 1_774_747_800 s.
        XCTAssertEqual(try XCTUnwrap(f.parse().site).incidents[0].end, Instant(seconds: 1_774_747_800))
    }

    /// The calendar's three cases, in Los Angeles (PDT ends 1 November 2026 at 02:00, PST
    /// starts 8 March 2026 at 02:00): 01:30 on 1 November is 08:30Z (PDT) and 09:30Z (PST).
    func testReadingsInLosAngeles() throws {
        let la = SiteCalendar(timeZone: try XCTUnwrap(TimeZone(identifier: "America/Los_Angeles")))
        let repeated = la.reading(LocalDateTime(year: 2026, month: 11, day: 1, hour: 1, minute: 30))
        // 2026-11-01 is day 20 758: 08:30Z = 1_793_521_800, 09:30Z = 1_793_525_400.
        let both = [Instant(seconds: 1_793_521_800), Instant(seconds: 1_793_525_400)]
        guard case let .repeated(taken, other) = repeated else { return XCTFail("\(repeated)") }
        XCTAssertEqual(Set([taken, other]), Set(both))
        XCTAssertEqual(taken, la.instant(LocalDateTime(year: 2026, month: 11, day: 1, hour: 1, minute: 30)))
        // 02:30 on 8 March (day 20 520) is skipped: read with PST, 10:30Z = 1_772_965_800.
        let skipped = la.reading(LocalDateTime(year: 2026, month: 3, day: 8, hour: 2, minute: 30))
        XCTAssertEqual(skipped, .skipped(taken: Instant(seconds: 1_772_965_800), other: Instant(seconds: 1_772_962_200)))
        XCTAssertEqual(
            la.reading(LocalDateTime(year: 2026, month: 7, day: 1, hour: 1, minute: 30)),
            .unique(la.instant(LocalDateTime(year: 2026, month: 7, day: 1, hour: 1, minute: 30))))
    }

    /// Point 10: `PST` where a zone goes. Before: only the edit-distance guess, or nothing.
    func testAZoneAbbreviationGetsTheIANANameOrTheOffset() {
        var f = SiteFixture()
        f["site.yaml"] = f["site.yaml"]!.replacingOccurrences(of: "timezone: UTC", with: "timezone: PST")
        XCTAssertEqual(
            f.messages(),
            ["site.yaml:4:11: timezone must be an IANA time zone like Europe/London, got \"PST\" (PST is an abbreviation, not a time zone: write the IANA name America/Los_Angeles, which follows its clock changes)"])
        let g = berlin("start: 2026-11-10 06:00 PST\n")
        XCTAssertEqual(
            g.messages(),
            ["content/status/incidents/outage.md:5:8: start must be an ISO 8601 date and time like 2026-03-14T09:30:00Z, got \"2026-11-10 06:00 PST\" (PST is an abbreviation, not an offset: write 2026-11-10T06:00:00-08:00, or set timezone: America/Los_Angeles in site.yaml and write no offset)"])
    }
}
