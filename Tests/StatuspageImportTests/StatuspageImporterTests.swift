import Foundation
import SLACore
import SiteContent
import XCTest

@testable import StatuspageImport

final class StatuspageImporterTests: XCTestCase {
    func testEachIncidentBecomesAFileWithItsTimesImpactAndUpdates() throws {
        var fx = try ImportFixture()
        let plan = try fx.plan()
        XCTAssertEqual(plan.diagnostics, [])
        fx.apply(plan)
        let incidents = try fx.incidents()

        // "API errors": started_at 07:58-06:00 = 13:58Z; resolved_at 09:40-06:00 = 15:40Z. The
        // worst new_status of a mapped component is API's major_outage (the Marketing website's is
        // left out by the mapping), so major, although the incident's own impact (critical) also
        // says major. The first update is shown at display_at 08:00-06:00 = 14:00Z, not created_at.
        let api = try XCTUnwrap(incidents["2026-10-12-api-errors"])
        XCTAssertEqual(api.title, "API errors")
        XCTAssertEqual(api.services, ["api"])
        XCTAssertEqual(api.impact, .major)
        XCTAssertEqual(api.start, utc("2026-10-12T13:58:00Z"))
        XCTAssertEqual(api.end, utc("2026-10-12T15:40:00Z"))
        XCTAssertEqual(api.updates.map(\.status), [.investigating, .identified, .monitoring, .resolved])
        XCTAssertEqual(
            api.updates.map(\.at), ["14:00", "14:30", "15:10", "15:40"].map { utc("2026-10-12T\($0):00Z") })

        // "Slow database queries": no started_at, so created_at (10:00Z); no affected components,
        // so its impact "minor" → degraded. The postmortem update is the report, not an update.
        let db = try XCTUnwrap(incidents["2026-10-03-slow-database-queries"])
        XCTAssertEqual(db.impact, .degraded)
        XCTAssertEqual(db.start, utc("2026-10-03T10:00:00Z"))
        XCTAssertEqual(db.end, utc("2026-10-03T11:30:00Z"))
        XCTAssertEqual(db.updates.map(\.status), [.investigating, .resolved])
        XCTAssertTrue(db.body.hasPrefix("## Postmortem\n\n\\# Root cause\\\nA missing index \\<b\\>"), db.body)

        // Open: no resolved_at and no resolving update; Dashboard went partial_outage → partial
        // (its own impact "major" would also say partial).
        let open = try XCTUnwrap(incidents["2026-11-23-dashboard-login-failures"])
        XCTAssertNil(open.end)
        XCTAssertEqual(open.impact, .partial)
        XCTAssertEqual(open.services, ["web"])

        // One incident object: its impact "critical" would say major, but the component it names
        // went only to degraded_performance, and the components win.
        let single = try XCTUnwrap(incidents["2026-11-02-webhooks-delayed"])
        XCTAssertEqual(single.impact, .degraded)
        XCTAssertEqual(single.start, utc("2026-11-02T08:45:00Z"))  // 09:45+01:00

        // Maintenance: scheduled_for 01:00Z to resolved_at 02:10Z (completed), "verifying" → in_progress.
        let upgrade = try XCTUnwrap(incidents["2026-10-25-database-upgrade"])
        XCTAssertEqual(upgrade.impact, .maintenance)
        XCTAssertEqual(upgrade.start, utc("2026-10-25T01:00:00Z"))
        XCTAssertEqual(upgrade.end, utc("2026-10-25T02:10:00Z"))
        XCTAssertEqual(upgrade.updates.map(\.status), [.scheduled, .inProgress, .inProgress, .completed])
        // Not yet completed: it ends when it is scheduled to.
        let network = try XCTUnwrap(incidents["2026-12-05-network-maintenance"])
        XCTAssertEqual(network.impact, .maintenance)
        XCTAssertEqual(network.end, utc("2026-12-06T02:00:00Z"))
    }

    func testTimesAreWrittenInTheSiteZoneWithTheirOffset() throws {
        var fx = try ImportFixture()
        fx.apply(try fx.plan())
        // Europe/Berlin: CEST (+02:00) before 2026-10-25 01:00Z, CET (+01:00) from then on.
        let upgrade = try XCTUnwrap(fx.file("content/status/incidents/2026-10-25-database-upgrade.md"))
        XCTAssertTrue(upgrade.contains("\nstart: 2026-10-25T02:00:00+01:00\n"), upgrade)
        XCTAssertTrue(upgrade.contains("\n  - at: 2026-10-18T12:00:00+02:00\n    status: scheduled\n"), upgrade)
    }

    func testNamesAndDaysMakeStableSlugsAndCollisionsANumber() throws {
        let plan = try ImportFixture().plan()
        let byID = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.statuspageID, $0) })
        // Same name, same day: the earlier (08:00Z) gets the plain slug, the later (13:00Z) "-2".
        XCTAssertEqual(byID["aaaa00000001"]?.path, "content/status/incidents/2026-10-15-elevated-error-rates.md")
        XCTAssertEqual(byID["bbbb00000002"]?.path, "content/status/incidents/2026-10-15-elevated-error-rates-2.md")
        // The day is the site zone's: 2026-11-23T21:10Z is 22:10 in Berlin, still the 23rd; and
        // 2026-12-05T22:00Z is 23:00 on the 5th.
        XCTAssertEqual(byID["mnt000000002"]?.path, "content/status/incidents/2026-12-05-network-maintenance.md")
        let cal = SiteCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        // In Tokyo (+09:00) the same instant is already the 6th.
        XCTAssertEqual(
            ImportedIncidentFile.slug(name: "Network maintenance", start: utc("2026-12-05T22:00:00Z"), calendar: cal, fallback: "x"),
            "2026-12-06-network-maintenance")
        XCTAssertEqual(
            ImportedIncidentFile.slug(
                name: "  Café: API — 5xx errors!! (EU) ", start: utc("2026-01-02T00:00:00Z"), calendar: cal, fallback: "x"),
            "2026-01-02-cafe-api-5xx-errors-eu")
        XCTAssertEqual(
            ImportedIncidentFile.slug(name: "障害", start: utc("2026-01-02T00:00:00Z"), calendar: cal, fallback: "incident"),
            "2026-01-02-incident")
        let long = ImportedIncidentFile.slug(
            name: String(repeating: "word ", count: 60), start: utc("2026-01-02T00:00:00Z"), calendar: cal, fallback: "x")
        // 10 + 1 + at most 84, without a trailing dash: room left for "-999" within 100.
        XCTAssertLessThanOrEqual(long.count, 95)
        XCTAssertFalse(long.hasSuffix("-"))
    }

    func testAHandWrittenFileIsNeverReplacedAndAnIncidentWithoutServicesIsSkipped() throws {
        let fx = try ImportFixture()
        let before = fx.file("content/status/incidents/2026-10-20-dashboard-slow.md")
        let plan = try fx.plan()
        let byID = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.statuspageID, $0) })
        XCTAssertEqual(byID["hand00000001"]?.action, .keptHandWritten)
        XCTAssertEqual(byID["hand00000001"]?.path, "content/status/incidents/2026-10-20-dashboard-slow.md")
        XCTAssertFalse(plan.writes.contains { $0.path.hasSuffix("dashboard-slow.md") })
        XCTAssertNotNil(before)
        XCTAssertEqual(byID["nocomp000001"]?.action, .skipped)
        XCTAssertEqual(byID["nocomp000001"]?.reason, "it names no component, so it affects no service")
        XCTAssertEqual(plan.entries.filter { $0.action == .added }.count, 8)
    }

    func testARerunRewritesOnlyItsOwnUneditedFiles() throws {
        var fx = try ImportFixture()
        let first = try fx.plan()
        fx.apply(first)
        // The same exports again: nothing to write, every file unchanged, byte for byte.
        let again = try fx.plan()
        XCTAssertEqual(again.writes.count, 0)
        XCTAssertEqual(again.entries.filter { $0.action == .unchanged }.count, 8)

        // A newer export of "API errors" (one more update) rewrites its file; an edited file
        // ("Slow database queries", a sentence added by hand) is kept as it is.
        let edited = "content/status/incidents/2026-10-03-slow-database-queries.md"
        let text = try XCTUnwrap(fx.file(edited)) + "\nAdded by hand.\n"
        fx.site.removeAll { $0.path == edited }
        fx.site.append(SourceFile(path: edited, text: text))
        var incidents = try JSONSerialization.jsonObject(with: Data(try ImportFixture.export("incidents.json").bytes)) as! [String: Any]
        var list = incidents["incidents"] as! [[String: Any]]
        let k = list.firstIndex { $0["id"] as? String == "p31zjtct2jer" }!
        var updates = list[k]["incident_updates"] as! [[String: Any]]
        updates.insert(
            ["id": "u-a5", "status": "resolved", "body": "A fuller account follows.", "created_at": "2026-10-12T10:00:00.000-06:00"], at: 0)
        list[k]["incident_updates"] = updates
        list[k]["updated_at"] = "2026-10-12T10:00:00.000-06:00"
        incidents["incidents"] = list
        let newer = try JSONSerialization.data(withJSONObject: incidents)
        let third = fx.plan([("incidents.json", [UInt8](newer))])
        XCTAssertEqual(third.diagnostics, [])
        let byID = Dictionary(uniqueKeysWithValues: third.entries.map { ($0.statuspageID, $0) })
        XCTAssertEqual(byID["p31zjtct2jer"]?.action, .changed)
        XCTAssertEqual(byID["vz2hgt9lq4xb"]?.action, .keptEdited)
        XCTAssertEqual(third.writes.map(\.path), ["content/status/incidents/2026-10-12-api-errors.md"])
        // The second "resolved" joins the resolution's note (docs/spec.md §2: resolved is the last update).
        fx.apply(third)
        let api = try XCTUnwrap(try fx.incidents()["2026-10-12-api-errors"])
        XCTAssertEqual(api.updates.count, 4)
        XCTAssertEqual(
            api.updates.last?.note,
            "This incident has been resolved.\n\nUpdate at 2026-10-12T18:00:00+02:00 (resolved)\\\nA fuller account follows.")
    }

    func testAnIncidentThatEndsBeforeItStartsIsAnErrorAtItsPlace() throws {
        let text = #"{"id": "x1", "name": "Backwards", "status": "resolved", "created_at": "2026-10-01T10:00:00Z", "resolved_at": "2026-10-01T09:00:00Z", "components": [{"id": "8kbf7d35c070"}]}"#
        let plan = try ImportFixture().plan([("one.json", Array(text.utf8))])
        XCTAssertEqual(
            plan.diagnostics.map(\.description),
            [
                "one.json:1:1: $: the incident ends (2026-10-01T09:00:00Z) before it starts (2026-10-01T10:00:00Z); check started_at, resolved_at, scheduled_for and scheduled_until"
            ])
    }

    func testTwoFilesClaimingOneIncidentStopTheImport() throws {
        var fx = try ImportFixture()
        fx.apply(try fx.plan(["single-incident.json"]))
        let original = try XCTUnwrap(fx.file("content/status/incidents/2026-11-02-webhooks-delayed.md"))
        fx.site.append(SourceFile(path: "content/status/incidents/copy.md", text: original))
        let plan = try fx.plan(["single-incident.json"])
        XCTAssertEqual(
            plan.diagnostics.map(\.description),
            [
                "content/status/incidents/copy.md:0:0: this file and content/status/incidents/2026-11-02-webhooks-delayed.md both say they hold Statuspage incident single000001; delete one of them"
            ])
        XCTAssertEqual(plan.writes.count, 0)
    }

    func testTheSameIncidentInTwoExportsIsTakenFromTheNewer() throws {
        let fx = try ImportFixture()
        let json = try ImportFixture.export("single-incident.json")
        var older = try JSONSerialization.jsonObject(with: Data(json.bytes)) as! [String: Any]
        older["name"] = "Webhooks delayed (first report)"
        older["updated_at"] = "2026-11-02T10:05:00.000+01:00"
        let plan = fx.plan([json, ("older.json", [UInt8](try JSONSerialization.data(withJSONObject: older)))])
        XCTAssertEqual(plan.entries.map(\.name), ["Webhooks delayed"])
    }

    func testUnmappedComponentsAndBadFieldsAreAllReportedWhereTheyAreAndNothingIsPlanned() throws {
        let plan = try ImportFixture().plan(["malformed-fields.json", "malformed.json"])
        XCTAssertEqual(plan.writes.count, 0)
        XCTAssertFalse(plan.canWrite)
        let text = plan.diagnostics.map(\.description)
        // Positions as in the fixture files (pretty-printed by Python's json.dump, indent 2).
        XCTAssertEqual(
            text,
            [
                #"malformed-fields.json:10:5: $.incidents[0]: the required field "name" is missing"#,
                #"malformed-fields.json:14:21: $.incidents[0].created_at: created_at must be an ISO 8601 time with an offset like 2026-03-14T09:30:00.000Z, got "yesterday""#,
                #"malformed-fields.json:35:21: $.incidents[0].incident_updates[0].status: status must be one of investigating, identified, monitoring, resolved, postmortem, got "fixed""#,
                // The unmapped component is reported with the mapping key it is closest to.
                #"malformed-fields.json:56:9: $.incidents[1].components[0]: component "Databse" (id zz0000000001) is not mapped to a service: add "Databse": <service id> under import.statuspage.components in site.yaml (or null to leave it out) (did you mean "Database"?)"#,
                // `,}`: the `}` is the 35th character of line 3.
                #"malformed.json:3:35: invalid JSON: expected a key in double quotes, found "}""#,
            ])
    }

    func testTextWithAnyCharacterReadsBackUnchanged() throws {
        var fx = try ImportFixture()
        let name = "Tricky: \"quotes\" \\ back\\slash # not a comment, {flow}: [list] 'single' \u{2028} tab\there ⚠️ <b>x</b>"
        let incident: [String: Any] = [
            "id": "tricky000001", "name": name, "status": "resolved", "impact": "major",
            "created_at": "2026-11-01T10:00:00Z", "resolved_at": "2026-11-01T11:00:00Z",
            "components": [["id": "8kbf7d35c070", "name": "API"]],
            "incident_updates": [["status": "investigating", "body": name, "created_at": "2026-11-01T10:00:00Z"]],
        ]
        let plan = fx.plan([("one.json", [UInt8](try JSONSerialization.data(withJSONObject: incident)))])
        XCTAssertEqual(plan.diagnostics, [])
        fx.apply(plan)
        let written = try XCTUnwrap(fx.incidents().values.first { $0.title.hasPrefix("Tricky") })
        XCTAssertEqual(written.title, name)
        XCTAssertEqual(written.updates.first?.note, PlainText.markdown(name))
    }

    func testAListOfIncidentObjectsIsReadAsTheManageAPIGivesIt() throws {
        let fx = try ImportFixture()
        let single = try ImportFixture.export("single-incident.json")
        let list = [UInt8]("[".utf8) + single.bytes + [UInt8]("]".utf8)
        let plan = fx.plan([("list.json", list)])
        XCTAssertEqual(plan.diagnostics, [])
        XCTAssertEqual(plan.writes.map(\.path), ["content/status/incidents/2026-11-02-webhooks-delayed.md"])
        XCTAssertEqual(plan.writes.map(\.text), fx.plan([single]).writes.map(\.text))
        let bad = fx.plan([("bad.json", [UInt8]("[1]".utf8)), ("worse.json", [UInt8]("\"x\"".utf8))])
        XCTAssertEqual(
            bad.diagnostics.map(\.description),
            [
                #"bad.json:1:2: $[0]: an incident must be an object, got 1"#,
                #"worse.json:1:1: $: expected Statuspage API v2 JSON: an object or a list of incidents, got "x""#,
            ])
    }

    func testSameExportsGiveTheSameBytes() throws {
        let a = try ImportFixture().plan()
        let b = try ImportFixture().plan(ImportFixture.all.reversed())
        XCTAssertEqual(a.writes.map(\.path), b.writes.map(\.path))
        XCTAssertEqual(a.writes.map(\.text), b.writes.map(\.text))
    }

    func testRulesMapStatusesAndImpacts() {
        XCTAssertEqual(
            StatuspageIncident.incidentStatuses.map { StatuspageRules.updateStatus($0, maintenance: false) },
            ["investigating", "identified", "monitoring", "resolved", nil])
        XCTAssertEqual(
            StatuspageIncident.maintenanceStatuses.map { StatuspageRules.updateStatus($0, maintenance: true) },
            ["scheduled", "in_progress", "in_progress", "completed"])
        XCTAssertEqual(
            StatuspageIncident.componentStatuses.map(StatuspageRules.impact(componentStatus:)),
            [nil, .degraded, .partial, .major, nil])
        XCTAssertEqual(
            StatuspageIncident.impacts.map(StatuspageRules.impact(incidentImpact:)), [.degraded, .degraded, .partial, .major, .maintenance])
        XCTAssertEqual(StatuspageRules.impact(incidentImpact: nil), .degraded)
    }
}
