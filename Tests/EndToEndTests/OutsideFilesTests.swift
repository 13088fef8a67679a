import Foundation
import XCTest

/// docs/spec.md §1: only files whose real path is inside the site folder are read (issue 17, point 9). A
/// site built from contributions (a pull-request preview in CI) must not publish the build
/// machine's files through a symbolic link, nor hang on a FIFO.
final class OutsideFilesTests: XCTestCase {
    let now = "2026-11-24T00:00:00Z"

    private func link(_ path: URL, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: target)
    }

    func testLinksLeadingOutAndSpecialFilesAreErrorsAndNothingIsPublished() throws {
        let site = try Slasite.copyFixture("basic")
        XCTAssertEqual(try Slasite.run(["build", "--source", site.path, "--now", now]).status, 0)
        let before = try Slasite.snapshot(site.appendingPathComponent("public"))

        // Outside the site: a secret file, the process environment, a system folder.
        let outside = site.deletingLastPathComponent().appendingPathComponent("outside.md")
        try "---\ntitle: Secret\n---\nSECRET-TEXT\n".write(to: outside, atomically: true, encoding: .utf8)
        let terms = site.appendingPathComponent("content/terms.md")
        try FileManager.default.removeItem(at: terms)
        try link(terms, to: outside.path)
        let assets = site.appendingPathComponent("themes/default/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try link(assets.appendingPathComponent("env.css"), to: "/proc/self/environ")
        try link(site.appendingPathComponent("content/status/incidents/etc"), to: "/etc")
        try link(site.appendingPathComponent("content/services/gone.md"), to: "missing.md")
        XCTAssertEqual(mkfifo(site.appendingPathComponent("content/services/pipe.md").path, 0o644), 0)

        let r = try Slasite.run(["build", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let realOutside = outside.resolvingSymlinksInPath().path
        XCTAssertTrue(
            lines.contains(
                "content/terms.md:0:0: this symbolic link leads outside the site folder (to \(realOutside)); only files inside the site are read"),
            r.stderr)
        XCTAssertTrue(
            lines.contains(
                "content/status/incidents/etc:0:0: this symbolic link leads outside the site folder (to /etc); only files inside the site are read"),
            r.stderr)
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("themes/default/assets/env.css:0:0: this symbolic link leads outside the site folder (to /proc/") },
            r.stderr)
        XCTAssertTrue(
            lines.contains(
                "content/services/pipe.md:0:0: this is a FIFO (named pipe), not a regular file or folder; only those are read"),
            r.stderr)
        XCTAssertTrue(
            lines.contains("content/services/gone.md:0:0: this symbolic link leads to nothing (missing.md does not exist)"),
            r.stderr)
        // /etc is not walked: one error for the link, none for what is behind it.
        XCTAssertFalse(r.stderr.contains("passwd"), r.stderr)
        XCTAssertTrue(lines.contains("5 errors"), r.stderr)
        // Nothing lost, nothing published.
        XCTAssertEqual(try Slasite.snapshot(site.appendingPathComponent("public")), before)
        let published = try Slasite.snapshot(site.appendingPathComponent("public")).values
        XCTAssertFalse(published.contains { String(decoding: $0, as: UTF8.self).contains("SECRET-TEXT") })

        // `check` reports the same.
        let check = try Slasite.run(["check", "--source", site.path, "--now", now])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("content/terms.md:0:0: this symbolic link leads outside the site folder"), check.stderr)
    }

    func testLinksThatStayInsideTheSiteAreFollowed() throws {
        let site = try Slasite.copyFixture("basic")
        // The terms page through a link to a file elsewhere in the site, an incident folder
        // through a link to a folder inside it, and a link back up (a loop) that is walked once.
        let terms = site.appendingPathComponent("content/terms.md")
        let kept = site.appendingPathComponent("content/status/terms-source.md")
        try FileManager.default.moveItem(at: terms, to: kept)
        try link(terms, to: "status/terms-source.md")
        let incidents = site.appendingPathComponent("content/status/incidents")
        try link(incidents.appendingPathComponent("loop"), to: "..")
        let r = try Slasite.run(["build", "--source", site.path, "--now", now])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOf: site.appendingPathComponent("public/terms/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("is any minute the service is unavailable."), "the terms page is the linked file's")
        // The loop is walked once: every incident has its page, none under loop/.
        XCTAssertFalse(r.stderr.contains("loop/"), r.stderr)
        let incidentFiles = try FileManager.default.contentsOfDirectory(atPath: incidents.path).filter { $0.hasSuffix(".md") }
        for file in incidentFiles {
            let slug = String(file.dropLast(3))
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: site.appendingPathComponent("public/incidents/\(slug)/index.html").path), slug)
        }
    }
}
