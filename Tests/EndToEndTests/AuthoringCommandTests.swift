import Foundation
import SLACore
import SiteBuild
import XCTest

/// `new`, `check` and the diagnostics format, through the real binary (issue 7).
final class AuthoringCommandTests: XCTestCase {
    let now = "2026-11-24T00:00:00Z"

    func tempDir() throws -> URL {
        let dir = Slasite.scratch("new")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Issue 26 point 13: the scaffold builds at once; its example incident is marked, so `check`
    /// warns and `check --strict` fails until the author edits it (before: it passed, and the
    /// example could be published as a real major incident).
    func testNewSiteBuildsAtOnceAndFlagsItsExampleIncident() throws {
        let dir = try tempDir().appendingPathComponent("mysla")
        let created = try Slasite.run(["new", "site", dir.path])
        XCTAssertEqual(created.status, 0, created.stderr)
        let build = try Slasite.run(["build", "--source", dir.path, "--now", now])
        XCTAssertEqual(build.status, 0, build.stderr)
        let example =
            "content/status/incidents/example-incident.md:3:1: warning: this is the example incident that slasite new site wrote: make it a real incident and delete this line, or delete the file"
        XCTAssertTrue(build.stderr.hasPrefix(example + "\n"), build.stderr)
        XCTAssertEqual(build.stderr.components(separatedBy: "warning:").count, 2, "one warning: \(build.stderr)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("public/sla.json").path))
        let strict = try Slasite.run(["check", "--strict", "--source", dir.path, "--now", now])
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertTrue(strict.stderr.contains(example), strict.stderr)
        let file = dir.appendingPathComponent("content/status/incidents/example-incident.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("title: \"Example incident: elevated error rates\"\nexample: true "), text)
        // Edited into a real incident: the mark is gone, and check --strict passes.
        try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("example:") }.joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let check = try Slasite.run(["check", "--strict", "--source", dir.path, "--now", now])
        XCTAssertEqual(check.status, 0, check.stderr)

        // Adding a plan, a service and an incident keeps it building.
        XCTAssertEqual(try Slasite.run(["new", "plan", "pro", "--source", dir.path]).status, 0)
        XCTAssertEqual(try Slasite.run(["new", "service", "storage", "--source", dir.path]).status, 0)
        let inc = try Slasite.run(["new", "incident", "2026-11-20-api-errors", "--source", dir.path, "--now", "2026-11-20T10:00:00Z"])
        XCTAssertEqual(inc.status, 0, inc.stderr)
        let incidentText = try String(contentsOf: dir.appendingPathComponent("content/status/incidents/2026-11-20-api-errors.md"), encoding: .utf8)
        XCTAssertTrue(incidentText.contains("start: 2026-11-20T10:00:00+00:00"), incidentText)
        // Issue 16: the scaffold starts the timeline, and it builds (the update is read and checked).
        XCTAssertTrue(incidentText.contains("updates:") && incidentText.contains("\n  - at: 2026-11-20T10:00:00+00:00\n    status: investigating"), incidentText)
        let again = try Slasite.run(["build", "--source", dir.path, "--now", now])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.isEmpty || !again.stderr.contains("warning"), again.stderr)
    }

    func testNewNeverOverwrites() throws {
        let dir = try tempDir().appendingPathComponent("s")
        XCTAssertEqual(try Slasite.run(["new", "site", dir.path]).status, 0)
        let plan = dir.appendingPathComponent("content/plans/standard.md")
        try "mine".write(to: plan, atomically: true, encoding: .utf8)
        let r = try Slasite.run(["new", "plan", "standard", "--source", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("already exists"), r.stderr)
        XCTAssertEqual(try String(contentsOf: plan, encoding: .utf8), "mine")
        XCTAssertEqual(try Slasite.run(["new", "site", dir.path]).status, 1)
        XCTAssertEqual(try Slasite.run(["new", "plan", "Bad_Id", "--source", dir.path]).status, 2)
    }

    func testCheckFindsABrokenLinkAndAnUnknownPlan() throws {
        let site = try Slasite.copyFixture("basic")
        let plan = site.appendingPathComponent("content/plans/pro.md")
        try (try String(contentsOf: plan, encoding: .utf8) + "\nSee [the old terms](/terms/2019/) and [terms](/terms/).\n")
            .write(to: plan, atomically: true, encoding: .utf8)
        var r = try Slasite.run(["check", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 1)
        // The body starts on line 20 of pro.md; the link is on its 3rd line, column 21.
        XCTAssertTrue(
            r.stderr.contains("content/plans/pro.md:22:21: broken link \"/terms/2019/\": the site has no page at /terms/2019/"), r.stderr)
        XCTAssertFalse(r.stderr.contains("\"/terms/\""), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path), "check writes nothing")

        let incident = site.appendingPathComponent("content/status/incidents/api-oct.md")
        let text = try String(contentsOf: incident, encoding: .utf8).replacingOccurrences(of: "impact: major\n", with: "impact: major\nplans: [enterprize]\n")
        try text.write(to: incident, atomically: true, encoding: .utf8)
        r = try Slasite.run(["check", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("content/status/incidents/api-oct.md:5:9: unknown plan \"enterprize\""), r.stderr)
    }

    func testStrictTurnsWarningsIntoFailure() throws {
        let site = try Slasite.copyFixture("basic")
        let plan = site.appendingPathComponent("content/plans/pro.md")
        let text = try String(contentsOf: plan, encoding: .utf8).replacingOccurrences(of: "uptime: 99.9\n", with: "uptime: 99.99999\n")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let plain = try Slasite.run(["check", "--source", site.path, "--now", now])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("warning: uptime 99.99999 allows 0.3 s of downtime a month"), plain.stderr)
        // Issue 26, point 4: after listing a warning, the summary counts it (no "no problems").
        XCTAssertNotNil(plain.stdout.range(of: "^1 warning, no errors, in [0-9]+ files\n$", options: .regularExpression), plain.stdout)
        XCTAssertFalse(plain.stdout.contains("no problems"), plain.stdout)
        XCTAssertEqual(try Slasite.run(["check", "--strict", "--source", site.path, "--now", now]).status, 1)
        let build = try Slasite.run(["build", "--source", site.path, "--now", now], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(build.status, 0, "warnings do not fail a build")
        // A build to a folder lets go of the sources it does not quote before the pages (issue
        // 23), and still shows the line a warning is about under it.
        XCTAssertTrue(build.stderr.contains("warning: uptime 99.99999"), build.stderr)
        XCTAssertTrue(build.stderr.contains("uptime: 99.99999\n"), build.stderr)
        let result = BuildPipeline().run(
            BuildRequest(source: site, output: site.appendingPathComponent("public"), now: Instant(seconds: 1_795_478_400)))  // now
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(result.sourceFiles.map(\.path), ["content/plans/pro.md"])
        XCTAssertNotNil(result.sources["content/plans/pro.md"])
    }

    func testCaretLandsUnderTheColumnOnAMultiByteLine() throws {
        let site = try Slasite.copyFixture("basic")
        let plan = site.appendingPathComponent("content/plans/pro.md")
        let text = try String(contentsOf: plan, encoding: .utf8).replacingOccurrences(
            of: "  response: {critical: 15m, normal: 1 business day}",
            with: "  response: {critical: 15m, high: über-schnell, normal: bald}")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let r = try Slasite.run(["build", "--source", site.path, "--now", now], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(r.status, 1)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("content/plans/pro.md:") && $0.contains("got \"bald\"") })
        XCTAssertTrue(lines[head].hasPrefix("content/plans/pro.md:14:"), lines[head])
        let source = lines[head + 1]
        let caret = lines[head + 2]
        let bar = try XCTUnwrap(source.range(of: " | "))
        let sourceText = String(source[bar.upperBound...])
        let caretText = String(caret[try XCTUnwrap(caret.range(of: " | ")).upperBound...])
        // The caret sits under the "b" of "bald", counted in characters, not bytes.
        let expected = try XCTUnwrap(sourceText.range(of: "bald")).lowerBound
        XCTAssertEqual(caretText.count - 1, sourceText.distance(from: sourceText.startIndex, to: expected))
        XCTAssertTrue(caretText.hasSuffix("^"))
        XCTAssertFalse(r.stderr.contains("\u{1B}["), "no escape codes with NO_COLOR or without a terminal")
    }

    func testVersionAndCompletions() throws {
        let v = try Slasite.run(["--version"])
        XCTAssertEqual(v.status, 0)
        XCTAssertFalse(v.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let c = try Slasite.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(c.status, 0)
        XCTAssertTrue(c.stdout.contains("slasite"))
    }
}
