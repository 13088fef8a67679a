import SLACore
import SiteContent
import XCTest

/// Issue 16, point 1: an incident's `updates` (docs/spec.md §2), read and checked where they are written.
final class IncidentUpdatesTests: XCTestCase {
    private let head = "---\ntitle: Outage\nservices: [api]\nimpact: major\nstart: 2026-10-03T10:00:00Z\nend: 2026-10-03T11:00:00Z\nupdates:\n"

    func testUpdatesAreReadInOrderWithTheirNotes() throws {
        var f = SiteFixture()
        f["site.yaml"] = f["site.yaml"]!.replacingOccurrences(of: "timezone: UTC", with: "timezone: Europe/Berlin")
        f["content/status/incidents/outage.md"] =
            head + "  - {at: 2026-10-03T10:05:00Z, status: investigating, note: \"Errors *up*.\"}\n"
            + "  - at: 2026-10-03T12:20:00\n    status: identified\n"
            + "  - {at: 2026-10-03T11:00:00Z, status: resolved, note: Fixed.}\n---\nReport.\n"
        XCTAssertEqual(f.messages(), [])
        let incident = try XCTUnwrap(f.parse().site?.incidents.first)
        // 12:20 without an offset is read in the site zone: CEST is UTC+2 in October, so 10:20Z.
        XCTAssertEqual(
            incident.updates,
            [
                IncidentUpdate(at: Instant(seconds: 1_791_021_900), status: .investigating, note: "Errors *up*."),
                IncidentUpdate(at: Instant(seconds: 1_791_022_800), status: .identified, note: ""),
                IncidentUpdate(at: Instant(seconds: 1_791_025_200), status: .resolved, note: "Fixed."),
            ])
        XCTAssertEqual(incident.updates.map(\.at.rfc3339), ["2026-10-03T10:05:00Z", "2026-10-03T10:20:00Z", "2026-10-03T11:00:00Z"])
    }

    func testABadTimeAnUnknownStatusAndAMissingKeyAreAllReported() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            head + "  - {at: yesterday, status: investigating}\n"
            + "  - {at: 2026-10-03T10:10:00Z, status: investigatin}\n"
            + "  - {at: 2026-10-03T10:20:00Z, status: completed}\n"
            + "  - {at: 2026-10-03, status: monitoring}\n"
            + "  - {status: monitoring, notes: x}\n---\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/status/incidents/outage.md:8:10: at must be an ISO 8601 date and time like 2026-03-14T09:30:00Z, got \"yesterday\"",
                "content/status/incidents/outage.md:9:40: status of an incident update must be one of investigating, identified, monitoring or resolved, got \"investigatin\" (did you mean \"investigating\"?)",
                "content/status/incidents/outage.md:10:40: status of an incident update must be one of investigating, identified, monitoring or resolved, got \"completed\"",
                "content/status/incidents/outage.md:11:10: at must be an ISO 8601 date and time like 2026-03-14T09:30:00Z, got \"2026-10-03\"",
                "content/status/incidents/outage.md:12:5: update is missing the required key \"at\"",
                "content/status/incidents/outage.md:12:26: unknown key \"notes\" in update (did you mean \"note\"?)",
            ])
    }

    func testMaintenanceHasItsOwnStatuses() throws {
        var f = SiteFixture()
        let maintenance = "---\ntitle: Upgrade\nservices: [db]\nimpact: maintenance\nstart: 2026-10-10T01:00:00Z\nend: 2026-10-10T02:00:00Z\nupdates:\n"
        f["content/status/incidents/upgrade.md"] =
            maintenance + "  - {at: 2026-10-01T09:00:00Z, status: scheduled}\n  - {at: 2026-10-10T01:00:00Z, status: in_progress}\n"
            + "  - {at: 2026-10-10T02:00:00Z, status: completed}\n---\n"
        XCTAssertEqual(f.messages(), [])
        XCTAssertEqual(try XCTUnwrap(f.parse().site?.incidents.last).updates.map(\.status), [.scheduled, .inProgress, .completed])
        f["content/status/incidents/upgrade.md"] = maintenance + "  - {at: 2026-10-10T01:00:00Z, status: resolved}\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/upgrade.md:8:40: status of a maintenance window update must be one of scheduled, in_progress or completed, got \"resolved\""])
    }

    func testOrderAndNothingAfterResolved() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            head + "  - {at: 2026-10-03T10:30:00Z, status: identified}\n"
            + "  - {at: 2026-10-03T10:20:00Z, status: monitoring}\n"
            + "  - {at: 2026-10-03T10:30:00Z, status: resolved}\n"
            + "  - {at: 2026-10-03T10:40:00Z, status: monitoring}\n---\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/status/incidents/outage.md:9:10: updates must be in time order, oldest first: this one (2026-10-03T10:20:00Z) is before the one above it (2026-10-03T10:30:00Z)",
                "content/status/incidents/outage.md:11:5: an update after the resolved one (2026-10-03T10:30:00Z): resolved must be the last update",
            ])
    }

    func testAResolvedUpdateWithoutAnEndIsAWarning() {
        var f = SiteFixture()
        f["content/status/incidents/outage.md"] =
            "---\ntitle: Outage\nservices: [api]\nimpact: major\nstart: 2026-10-03T10:00:00Z\nupdates:\n"
            + "  - {at: 2026-10-03T10:30:00Z, status: resolved}\n---\n"
        XCTAssertEqual(
            f.messages(),
            ["content/status/incidents/outage.md:7:5: warning: this resolved update has no end: the incident counts as open until it has one (set end: 2026-10-03T10:30:00Z)"])
        f["content/status/incidents/outage.md"] = "---\ntitle: Outage\nservices: [api]\nimpact: major\nstart: 2026-10-03T10:00:00Z\nupdates: open\n---\n"
        XCTAssertEqual(f.messages(), ["content/status/incidents/outage.md:6:10: updates must be a list of {at, status, note}, got \"open\""])
    }

    /// docs/spec.md §2 *status* at *now*.
    func testStatusAtNow() {
        func t(_ h: Int) -> Instant { Instant(seconds: 1_791_000_000 + Int64(h) * 3600) }
        var incident = Incident(
            id: "i", title: "I", services: ["api"], impact: .major, start: t(0), end: t(5),
            updates: [IncidentUpdate(at: t(1), status: .identified), IncidentUpdate(at: t(3), status: .monitoring)])
        XCTAssertEqual(incident.status(at: t(0)), .investigating)  // before any update
        XCTAssertEqual(incident.status(at: t(1)), .identified)  // an update at now counts
        XCTAssertEqual(incident.status(at: t(4)), .monitoring)
        XCTAssertEqual(incident.status(at: t(5)), .resolved)  // end at now
        incident.end = nil
        XCTAssertEqual(incident.status(at: t(9)), .monitoring)  // still open
        let window = Incident(id: "m", title: "M", services: ["api"], impact: .maintenance, start: t(2), end: t(4))
        XCTAssertEqual(window.status(at: t(1)), .scheduled)
        XCTAssertEqual(window.status(at: t(2)), .inProgress)
        XCTAssertEqual(window.status(at: t(4)), .completed)
        XCTAssertFalse(window.isOpen(at: t(1)))
        XCTAssertTrue(window.isOpen(at: t(2)))
        XCTAssertFalse(window.isOpen(at: t(4)))
    }
}
