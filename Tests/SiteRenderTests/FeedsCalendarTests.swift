import SLACore
@testable import SiteRender
import XCTest

final class FeedsCalendarTests: XCTestCase {
    func testShortLinesAreNotFolded() {
        let line = String(repeating: "a", count: 75)
        XCTAssertEqual(MaintenanceCalendar.fold(line), line)
    }

    func testFoldingKeepsLinesWithin75OctetsAndNeverSplitsUTF8() {
        let line = "SUMMARY:" + String(repeating: "région é ☃ 🚀 ", count: 20)
        let folded = MaintenanceCalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(physical.count, 1)
        for (k, part) in physical.enumerated() {
            XCTAssertLessThanOrEqual(part.utf8.count, 75, part)
            if k > 0 { XCTAssertTrue(part.hasPrefix(" ")) }
            // Each line is whole scalars: it survives a round trip through UTF-8 on its own.
            XCTAssertEqual(String(decoding: Array(part.utf8), as: UTF8.self), part)
        }
        // RFC 5545 §3.1: unfolding removes each CRLF followed by one space.
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), line)
        XCTAssertTrue(physical.dropLast().allSatisfy { $0.utf8.count >= 72 }, "lines are filled before folding")
    }

    func testTextEscaping() {
        XCTAssertEqual(
            MaintenanceCalendar.escapeText("a;b,c\\d\r\ne\nf\rg\u{7}h\ti"),
            "a\\;b\\,c\\\\d\\ne\\nf\\ng" + "h\ti")
        // A control character between CR and LF ends the pair: two line breaks. DEL is dropped;
        // text with nothing to escape (here not ASCII) comes back as it was.
        XCTAssertEqual(MaintenanceCalendar.escapeText("x\r\u{7}\ny\u{7F}"), "x\\n\\ny")
        XCTAssertEqual(MaintenanceCalendar.escapeText("Dienstverfügbarkeit 99,9 %"), "Dienstverfügbarkeit 99\\,9 %")
        XCTAssertEqual(MaintenanceCalendar.escapeText("résumé"), "résumé")
        XCTAssertEqual(MaintenanceCalendar.escapeText(""), "")
    }

    func testUIDHost() {
        XCTAssertEqual(MaintenanceCalendar.uidHost(baseURL: "https://sla.example.com/"), "sla.example.com")
        XCTAssertEqual(MaintenanceCalendar.uidHost(baseURL: "https://user@SLA.Example.com:8443/sla/"), "sla.example.com")
        XCTAssertEqual(MaintenanceCalendar.uidHost(baseURL: "http://[::1]:8080/"), "[::1]")
    }

    func testOnlyMaintenanceWindowsWithStableUIDsInUTC() {
        let site = FeedsTestSupport.site(incidents: [
            FeedsTestSupport.incident("outage", .major, "2026-10-20T00:00:00Z", "2026-10-20T08:00:00Z"),
            FeedsTestSupport.incident(
                "past", .maintenance, "2026-10-04T02:00:00+02:00", "2026-10-04T06:00:00+02:00",
                title: "Upgrade; db, network"),
            FeedsTestSupport.incident("future", .maintenance, "2026-12-05T01:00:00Z", "2026-12-05T03:00:00Z"),
        ])
        let ics = MaintenanceCalendar.text(FeedsTestSupport.context(site))
        XCTAssertTrue(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertTrue(ics.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        let lines = ics.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("UID:") }, ["UID:past@sla.example.com", "UID:future@sla.example.com"])
        // Offsets in content become UTC; DTSTAMP is the start, not the clock.
        XCTAssertTrue(lines.contains("DTSTART:20261004T000000Z"))
        XCTAssertTrue(lines.contains("DTEND:20261004T040000Z"))
        XCTAssertTrue(lines.contains("DTSTAMP:20261004T000000Z"))
        XCTAssertTrue(lines.contains("SUMMARY:Upgrade\\; db\\, network"))
        XCTAssertFalse(ics.contains("outage@"))
    }

    func testOpenWindowEndsAtNowAndFinishedWindowsDoNotDependOnNow() {
        let finished = FeedsTestSupport.site(incidents: [
            FeedsTestSupport.incident("m", .maintenance, "2026-10-04T02:00:00Z", "2026-10-04T06:00:00Z")
        ])
        XCTAssertEqual(
            MaintenanceCalendar.text(FeedsTestSupport.context(finished)),
            MaintenanceCalendar.text(FeedsTestSupport.context(finished, now: FeedsTestSupport.at("2026-12-31T00:00:00Z"))))

        let open = FeedsTestSupport.site(incidents: [
            FeedsTestSupport.incident("m", .maintenance, "2026-11-23T22:00:00Z", nil)
        ])
        let lines = MaintenanceCalendar.text(FeedsTestSupport.context(open)).components(separatedBy: "\r\n")
        XCTAssertTrue(lines.contains("DTEND:20261124T000000Z"))
    }
}
