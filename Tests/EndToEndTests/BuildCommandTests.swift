import Foundation
import XCTest

final class BuildCommandTests: XCTestCase {
    let now = "2026-11-24T00:00:00Z"

    func slaJSON(_ site: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: site.appendingPathComponent("public/sla.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func month(_ doc: [String: Any], plan: String, service: String, month: String) throws -> [String: Any] {
        let plans = try XCTUnwrap(doc["plans"] as? [[String: Any]])
        let p = try XCTUnwrap(plans.first { $0["id"] as? String == plan })
        let services = try XCTUnwrap(p["services"] as? [[String: Any]])
        let s = try XCTUnwrap(services.first { $0["id"] as? String == service })
        let months = try XCTUnwrap(s["months"] as? [[String: Any]])
        return try XCTUnwrap(months.first { $0["month"] as? String == month })
    }

    /// The numbers of Tests/Fixtures/basic, computed by hand in its EXPECTED.md.
    func testSLAJSONNumbersMatchTheHandComputation() throws {
        let site = try Slasite.copyFixture("basic")
        let r = try Slasite.run(["build", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try slaJSON(site)
        XCTAssertEqual(doc["generated_at"] as? String, now)
        XCTAssertEqual(doc["base_url"] as? String, "https://sla.basic.example/")

        let sep = try month(doc, plan: "pro", service: "api", month: "2026-09")
        XCTAssertEqual(sep["uptime"] as? Double, 99.583)
        XCTAssertEqual(sep["downtime_minutes"] as? Double, 180)
        XCTAssertEqual(sep["met"] as? Bool, false)
        XCTAssertEqual(sep["credit"] as? Double, 10)
        XCTAssertEqual(sep["final"] as? Bool, true)
        XCTAssertEqual(sep["budget_minutes"] as? Double, 43.2)
        XCTAssertEqual(sep["termination_right"] as? Bool, false)

        let oct = try month(doc, plan: "pro", service: "api", month: "2026-10")
        XCTAssertEqual(oct["uptime"] as? Double, 98.925)
        XCTAssertEqual(oct["downtime_minutes"] as? Double, 480)
        XCTAssertEqual(oct["credit"] as? Double, 20, "25 % tier capped at 20")
        XCTAssertEqual(oct["termination_right"] as? Bool, true)
        XCTAssertEqual(oct["budget_minutes"] as? Double, 44.6)

        let nov = try month(doc, plan: "pro", service: "api", month: "2026-11")
        XCTAssertEqual(nov["uptime"] as? Double, 99.819)
        XCTAssertEqual(nov["downtime_minutes"] as? Double, 60, "maintenance excluded, open incident runs to now")
        XCTAssertEqual(nov["final"] as? Bool, false)
        XCTAssertEqual(nov["credit"] as? Double, 0)
        XCTAssertEqual(nov["budget_left_minutes"] as? Double, -16.8)

        let dbSep = try month(doc, plan: "pro", service: "db", month: "2026-09")
        XCTAssertEqual(dbSep["uptime"] as? Double, 99.99)
        XCTAssertEqual(dbSep["downtime_minutes"] as? Double, 4.3)
        XCTAssertEqual(dbSep["met"] as? Bool, true)
        XCTAssertEqual(dbSep["measured"] as? Bool, true)

        let dbOct = try month(doc, plan: "pro", service: "db", month: "2026-10")
        XCTAssertEqual(dbOct["uptime"] as? Double, 99.597)
        XCTAssertEqual(dbOct["downtime_minutes"] as? Double, 180)
        XCTAssertEqual(dbOct["credit"] as? Double, 10)

        let free = try month(doc, plan: "free", service: "api", month: "2026-10")
        XCTAssertTrue(free["met"] is NSNull)
        XCTAssertEqual(free["credit"] as? Double, 0)

        let plans = try XCTUnwrap(doc["plans"] as? [[String: Any]])
        XCTAssertEqual(plans.map { $0["id"] as? String }, ["free", "pro"], "ordered by `order`")
        let pro = try XCTUnwrap(plans.last?["services"] as? [[String: Any]])
        XCTAssertEqual(pro[0]["uptime"] as? Double, 99.9)
        XCTAssertEqual(pro[0]["budget_minutes_per_month"] as? Double, 43.8)
        XCTAssertEqual(pro[1]["budget_minutes_per_month"] as? Double, 21.9)
        XCTAssertEqual(pro[0]["credit_cap"] as? Double, 20)
        XCTAssertEqual(pro[0]["url"] as? String, "https://sla.basic.example/plans/pro/api/")
        let freeServices = try XCTUnwrap(plans.first?["services"] as? [[String: Any]])
        XCTAssertTrue(freeServices[0]["uptime"] is NSNull)
    }

    func testSameContentAndNowGiveByteIdenticalOutput() throws {
        let site = try Slasite.copyFixture("basic")
        let out1 = site.appendingPathComponent("out1")
        let out2 = site.appendingPathComponent("out2")
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--output", out1.path, "--now", now]).status, 0)
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--output", out2.path, "--now", now]).status, 0)
        let a = try Slasite.snapshot(out1)
        let b = try Slasite.snapshot(out2)
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b)
    }

    func testSourceDateEpochIsTheReferenceTime() throws {
        let site = try Slasite.copyFixture("basic")
        // 2026-11-24T00:00:00Z
        let r = try Slasite.run(["build", "--source", site.path], environment: ["SOURCE_DATE_EPOCH": "1795478400"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try slaJSON(site)["generated_at"] as? String, now)
    }

    func testABrokenEditLeavesThePreviousOutputIntact() throws {
        let site = try Slasite.copyFixture("basic")
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--now", now]).status, 0)
        let before = try Slasite.snapshot(site.appendingPathComponent("public"))
        XCTAssertFalse(before.isEmpty)

        let plan = site.appendingPathComponent("content/plans/pro.md")
        var text = try String(contentsOf: plan, encoding: .utf8)
        text = text.replacingOccurrences(of: "uptime: 99.9\n", with: "uptime: 99,9\n")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let incident = site.appendingPathComponent("content/status/incidents/api-oct.md")
        try "---\ntitle: x\nservices: [apii]\nimpact: major\nstart: 2026-10-05T00:00:00Z\n---\n".write(
            to: incident, atomically: true, encoding: .utf8)

        let r = try Slasite.run(["build", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.stderr.contains("content/plans/pro.md:6:9: uptime must be a number between 0 and 100, got \"99,9\""), r.stderr)
        XCTAssertTrue(
            r.stderr.contains("content/status/incidents/api-oct.md:3:12: unknown service \"apii\""), r.stderr)
        XCTAssertTrue(r.stderr.contains("2 errors"), r.stderr)
        XCTAssertEqual(try Slasite.snapshot(site.appendingPathComponent("public")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("slasite-tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testUsageErrorsExitWith2() throws {
        let site = try Slasite.copyFixture("basic")
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--now", "yesterday"]).status, 2)
        XCTAssertEqual(try Slasite.run(["build", "--bogus"]).status, 2)
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--base-url", "ftp://x"]).status, 2)
        // The output folder must never be the source folder, which a build would replace.
        let r = try Slasite.run(["build", "--source", site.path, "--output", site.path, "--now", now])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("site.yaml").path))
    }

    func testStaleTemporaryFoldersOfKilledBuildsAreRemoved() throws {
        let site = try Slasite.copyFixture("basic")
        // A folder left by a build whose process (pid 999999) no longer exists.
        let stale = site.appendingPathComponent(".public.slasite-tmp-999999")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--now", now]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
    }

    func testBaseURLOverride() throws {
        let site = try Slasite.copyFixture("basic")
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--now", now, "--base-url", "https://preview.example/sla"]).status, 0)
        XCTAssertEqual(try slaJSON(site)["base_url"] as? String, "https://preview.example/sla/")
    }

    /// A template syntax error is reported like a content error: the theme file's path, line
    /// and column, the source line with a caret; `check` finds it too, and the output stays.
    func testATemplateSyntaxErrorNamesTheFileLineAndColumn() throws {
        let site = try Slasite.copyFixture("basic")
        let theme = site.appendingPathComponent("themes/default")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        // Line 3, column 1: `{{/histry}}` closes `{{#history}}` with the wrong name.
        try "<main>\n{{#history}}<p>{{month}}</p>\n{{/histry}}\n</main>\n"
            .write(to: theme.appendingPathComponent("details.mustache"), atomically: true, encoding: .utf8)
        for command in ["check", "build"] {
            let r = try Slasite.run([command, "--source", site.path, "--now", now])
            XCTAssertEqual(r.status, 1, command)
            XCTAssertTrue(r.stderr.contains("themes/default/details.mustache:3:"), r.stderr)
            XCTAssertTrue(r.stderr.contains("{{/histry}}"), "the source line is shown: \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("does not match its opening tag"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    /// A name the details page's view model does not have is an error in `check` and `build`.
    func testAMisspeltTemplateNameIsAnError() throws {
        let site = try Slasite.copyFixture("basic")
        let theme = site.appendingPathComponent("themes/default")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        let details = try String(
            contentsOf: Slasite.repoRoot.appendingPathComponent("themes/default/details.mustache"), encoding: .utf8)
        try details.replacingOccurrences(of: "{{objective_text}}", with: "{{objective_txt}}")
            .write(to: theme.appendingPathComponent("details.mustache"), atomically: true, encoding: .utf8)
        for command in ["check", "build"] {
            let r = try Slasite.run([command, "--source", site.path, "--now", now])
            XCTAssertEqual(r.status, 1, command)
            XCTAssertTrue(r.stderr.contains("themes/default/details.mustache:"), r.stderr)
            XCTAssertTrue(r.stderr.contains("unknown name \"objective_txt\""), r.stderr)
        }
    }

    /// Issue 17, point 5: the zone is published as the author wrote it. Foundation calls the UTC
    /// zone "GMT"; a contract that says UTC must not read GMT anywhere.
    func testTheTimeZoneIsPublishedAsWritten() throws {
        for written in ["UTC", "Etc/UTC", "Europe/London"] {
            let site = try Slasite.copyFixture("basic")
            let config = site.appendingPathComponent("site.yaml")
            let yaml = try String(contentsOf: config, encoding: .utf8)
            try yaml.replacingOccurrences(of: "timezone: UTC", with: "timezone: \(written)")
                .write(to: config, atomically: true, encoding: .utf8)
            let r = try Slasite.run(["build", "--source", site.path, "--now", now])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(try slaJSON(site)["timezone"] as? String, written)
            let incident = try String(
                contentsOf: site.appendingPathComponent("public/incidents/api-sept/index.html"), encoding: .utf8)
            XCTAssertTrue(incident.contains("Times are in the \(written) time zone"), written)
            let status = try String(contentsOf: site.appendingPathComponent("public/status/index.html"), encoding: .utf8)
            if written == "Europe/London" {
                // 24 November: London is on GMT, and says so.
                XCTAssertTrue(status.contains(" GMT"), written)
            } else {
                XCTAssertFalse(status.contains("GMT"), written)
                XCTAssertTrue(status.contains(" UTC"), written)
            }
        }
    }

    /// Issue 14: `check` warns when a plan body quotes an uptime that is none of the plan's
    /// objectives or thresholds in force (the basic fixture's pro: 99.9, db 99.95, tiers 99.9, 99).
    func testCheckWarnsOfAnUptimeInProseThatTheTermsDoNotHave() throws {
        let site = try Slasite.copyFixture("basic")
        let plan = site.appendingPathComponent("content/plans/pro.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try (text + "We promise 99.99% for the API and 99.9 % overall.\n").write(to: plan, atomically: true, encoding: .utf8)
        let r = try Slasite.run(["check", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(
            r.stderr.contains(
                "content/plans/pro.md:21:12: warning: the text quotes 99.99 %, which is none of this plan's objectives or credit thresholds in any version (99.95 %, 99.9 %, 99 %): is the text behind the terms, or a 9 misplaced?"),
            r.stderr)
        XCTAssertFalse(r.stderr.contains("quotes 99.9 %"), "99.9 is the objective in force")
        let strict = try Slasite.run(["check", "--strict", "--source", site.path, "--now", now])
        XCTAssertEqual(strict.status, 1)
    }

    /// Issue 26 point 12: a body may state the plan's history. 99.9 % was pro's objective
    /// until a revision raised it to 99.99 % (and its tiers to 99.95 %, 99 %), so it is in no
    /// term in force now, but in the first version: no warning (before: a warning on every
    /// check). 99.98 % is in no version: still a warning.
    func testCheckAcceptsAPercentageOfAnyVersionOfThePlan() throws {
        let site = try Slasite.copyFixture("basic")
        let plan = site.appendingPathComponent("content/plans/pro.md")
        let revision =
            "revisions:\n  - date: 2026-10-01\n    note: Raised the objective.\n    uptime: 99.99\n"
            + "    credits: [{below: 99.95, credit: 10}, {below: 99.0, credit: 25}]\n---\nPro terms.\n"
        let text = try String(contentsOf: plan, encoding: .utf8).replacingOccurrences(of: "---\nPro terms.\n", with: revision)
        // The body's second line is file line 26.
        try (text + "Until October the API's objective was 99.9 %; 99.98 % was never promised.\n")
            .write(to: plan, atomically: true, encoding: .utf8)
        let r = try Slasite.run(["check", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(
            r.stderr.contains(
                "content/plans/pro.md:26:47: warning: the text quotes 99.98 %, which is none of this plan's objectives or credit thresholds in any version (99.99 %, 99.95 %, 99.9 %, 99 %): is the text behind the terms, or a 9 misplaced?\n"),
            r.stderr)
        XCTAssertFalse(r.stderr.contains("quotes 99.9 %"), r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "warning:").count, 2, r.stderr)
    }

    /// A site theme "mine" with its own terms page (line 3 includes `partial`) and the given partials.
    private func siteWithTheme(terms partial: String, partials: [String: String]) throws -> URL {
        let site = try Slasite.copyFixture("basic")
        let config = site.appendingPathComponent("site.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "theme: mine\n").write(to: config, atomically: true, encoding: .utf8)
        let theme = site.appendingPathComponent("themes/mine")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "{{<layout}}\n{{$main}}\n<h1>{{title}}</h1>{{>\(partial)}}\n{{/main}}\n{{/layout}}\n"
            .write(to: theme.appendingPathComponent("terms.mustache"), atomically: true, encoding: .utf8)
        for (name, text) in partials {
            try text.write(to: theme.appendingPathComponent("partials/\(name).mustache"), atomically: true, encoding: .utf8)
        }
        return site
    }

    /// Issue 26 (the review's catch-all "rendering failed"): a partial that includes itself.
    /// Before: `check` and `build` overflowed the stack and died with SIGSEGV (status 139).
    func testATemplateThatIncludesItselfIsAnErrorAtTheTag() throws {
        let site = try siteWithTheme(terms: "partials/loop", partials: ["loop": "x{{>partials/loop}}"])
        for command in ["check", "build"] {
            let r = try Slasite.run([command, "--source", site.path, "--now", now])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(
                r.stderr.hasPrefix(
                    "themes/mine/partials/loop.mustache:1:2: this include closes a loop of templates (partials/loop → partials/loop): a template cannot include itself, even through others, or the page would never end\n"),
                r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    /// A loop through a page template: the error is at the tag in the site's own file.
    func testALoopThroughThePagesIsNamedInTheSitesFile() throws {
        let site = try siteWithTheme(terms: "partials/bullets", partials: ["bullets": "{{>details}}"])
        let r = try Slasite.run(["check", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(
            r.stderr.hasPrefix(
                "themes/mine/partials/bullets.mustache:1:1: this include closes a loop of templates (details → partials/bullets → details)"),
            r.stderr)
    }

    /// An include of a template the theme does not have. Before: the page was built without it.
    func testAMissingPartialIsAnErrorAtTheTag() throws {
        let site = try siteWithTheme(terms: "partials/bulets", partials: [:])
        let r = try Slasite.run(["build", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 1, r.stderr)
        // "<h1>{{title}}</h1>" is 18 characters: the tag starts in column 19.
        XCTAssertTrue(
            r.stderr.hasPrefix(
                "themes/mine/terms.mustache:3:19: the theme has no template partials/bulets to include (its partials: partials/bullets, partials/incident)\n"),
            r.stderr)
    }
}
