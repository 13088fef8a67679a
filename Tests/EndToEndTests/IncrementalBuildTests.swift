import Foundation
import SLACore
import SiteBuild
import XCTest

/// Preview rebuilds reuse what did not change, and give exactly what a full build gives.
final class IncrementalBuildTests: XCTestCase {
    let now = Instant(seconds: 1_795_478_400)  // 2026-11-24T00:00:00Z

    /// A preview's pipeline (with caches) over `site`, and its first build.
    private func preview(_ site: URL) -> (caches: BuildCaches, pipeline: BuildPipeline, request: BuildRequest, first: BuildResult) {
        let caches = BuildCaches()
        let pipeline = BuildPipeline(caches: caches)
        let request = BuildRequest(source: site, output: nil, now: now)
        return (caches, pipeline, request, pipeline.run(request))
    }

    /// Rebuilds with the preview's caches and requires, file by file, what a build without
    /// caches gives.
    @discardableResult
    private func rebuildMatchesFullBuild(_ pipeline: BuildPipeline, _ request: BuildRequest, after what: String) -> BuildResult {
        let edited = pipeline.run(request)
        XCTAssertTrue(edited.succeeded, "\(what): \(edited.diagnostics)")
        let full = BuildPipeline().run(request)
        XCTAssertEqual(edited.files.map(\.path), full.files.map(\.path), what)
        for (a, b) in zip(edited.files, full.files) where a != b { XCTFail("\(a.path) differs from a full build after \(what)") }
        return edited
    }

    func testAnIncidentEditRerendersOnlyThePagesThatShowIt() throws {
        let site = try Slasite.copyFixture("basic")
        let (caches, pipeline, request, first) = preview(site)
        XCTAssertTrue(first.succeeded)
        let pages = first.files.filter { $0.path.hasSuffix(".html") }.count
        XCTAssertEqual(caches.pages.lastRendered, pages)

        let unchanged = pipeline.run(request)
        XCTAssertEqual(caches.pages.lastRendered, 0)
        XCTAssertEqual(unchanged.files, first.files)

        // The October API outage's report changes; its figures do not. It shows on its own page,
        // on the API details pages of both plans covering the API (free and pro), and on status.
        let file = site.appendingPathComponent("content/status/incidents/api-oct.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Eight hours down.", with: "Eight hours down; root cause: a bad deploy.")
            .write(to: file, atomically: true, encoding: .utf8)
        let edited = pipeline.run(request)
        XCTAssertTrue(edited.succeeded)
        XCTAssertEqual(caches.pages.lastRendered, 4)
        XCTAssertEqual(caches.pages.lastReused, pages - 4)

        // Whatever was reused, the result is what a build without caches gives.
        let full = BuildPipeline().run(request)
        XCTAssertEqual(edited.files, full.files)
        XCTAssertNotEqual(edited.files, first.files)

        // A change that moves figures (a longer outage) re-renders the plan pages too, and still
        // matches a full build.
        try text.replacingOccurrences(of: "end: 2026-10-05T08:00:00Z", with: "end: 2026-10-05T09:00:00Z")
            .write(to: file, atomically: true, encoding: .utf8)
        let longer = pipeline.run(request)
        XCTAssertGreaterThan(caches.pages.lastRendered, 4)
        XCTAssertEqual(longer.files, BuildPipeline().run(request).files)
    }

    /// The figures of each plan × service are kept between preview builds: an edit to an
    /// incident's text computes none again, a new incident (which shifts every later incident's
    /// place in the list) or a removed one computes only the levels it counts against, and every
    /// build still gives exactly what a build without caches gives.
    func testKeptFiguresFollowAddedEditedAndRemovedIncidents() throws {
        let site = try Slasite.copyFixture("basic")
        let (caches, pipeline, request, first) = preview(site)
        XCTAssertTrue(first.succeeded)
        let levels = try XCTUnwrap(first.figures).plans.reduce(0) { $0 + $1.count }
        XCTAssertEqual(caches.figures.lastComputed, levels)

        func expectFullBuild(_ what: String) -> BuildResult { rebuildMatchesFullBuild(pipeline, request, after: what) }
        let incidents = site.appendingPathComponent("content/status/incidents")
        let file = incidents.appendingPathComponent("api-oct.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Eight hours down.", with: "Eight hours down; a bad deploy.")
            .write(to: file, atomically: true, encoding: .utf8)
        _ = expectFullBuild("a text edit")
        XCTAssertEqual(caches.figures.lastComputed, 0)
        XCTAssertEqual(caches.figures.lastKept, levels)

        // A new incident for the database only, sorted last (after the ongoing one): only Pro ×
        // database counts it.
        func write(_ name: String, start: String, end: String) throws {
            try """
                ---
                title: Database blip
                services: [db]
                impact: major
                start: \(start)
                end: \(end)
                ---
                An hour down.
                """.write(to: incidents.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("db-nov.md", start: "2026-11-23T23:30:00Z", end: "2026-11-23T23:45:00Z")
        let added = expectFullBuild("a new incident")
        XCTAssertEqual(caches.figures.lastComputed, 1)
        XCTAssertTrue(added.files.contains { $0.path == "incidents/db-nov/index.html" })

        // One sorted first moves every other incident's place in the list.
        try write("db-aug.md", start: "2026-08-20T00:00:00Z", end: "2026-08-20T01:00:00Z")
        _ = expectFullBuild("an incident sorted first")
        try FileManager.default.removeItem(at: incidents.appendingPathComponent("db-nov.md"))
        _ = expectFullBuild("a removed incident")
        XCTAssertEqual(caches.figures.lastComputed, 1)
    }

    /// Edits that change the maintenance calendar, badges and feeds (kept as fragments between
    /// preview builds) still give exactly what a full build gives, for the example site.
    func testMaintenanceAndTitleEditsMatchAFullBuild() throws {
        // A copy of the example site (site.yaml and content/).
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("slasite-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let repo = Slasite.repoRoot
        for item in ["site.yaml", "content"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent(item), to: site.appendingPathComponent(item))
        }
        let (_, pipeline, request, first) = preview(site)
        XCTAssertTrue(first.succeeded)
        let file = site.appendingPathComponent("content/status/incidents/2026-12-06-compute-database-maintenance.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edits: [(String, String)] = [
            ("title: \"", "title: \"Moved, "),  // the calendar's SUMMARY and the feeds
            ("impact: maintenance", "impact: major"),  // leaves the calendar, counts as downtime
        ]
        var current = text
        for (from, to) in edits {
            current = current.replacingOccurrences(of: from, with: to)
            try current.write(to: file, atomically: true, encoding: .utf8)
            rebuildMatchesFullBuild(pipeline, request, after: to)
        }
        let ics = String(decoding: try XCTUnwrap(pipeline.run(request).files.first { $0.path == "maintenance.ics" }).bytes, as: UTF8.self)
        XCTAssertFalse(ics.contains("Moved, "), "a major outage is not in the maintenance calendar")
    }
}
