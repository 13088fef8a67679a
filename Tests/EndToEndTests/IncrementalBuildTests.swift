import BuildSupport
import Foundation
import SLACore
import SiteBuild
import XCTest

/// Preview rebuilds reuse what did not change, and give exactly what a full build gives.
final class IncrementalBuildTests: XCTestCase {
    let now = Instant(seconds: 1_795_478_400)  // 2026-11-24T00:00:00Z

    /// A preview's pipeline (with its store of kept values) over `site`, and its first build.
    private func preview(_ site: URL) -> (caches: ReuseStore, pipeline: BuildPipeline, request: BuildRequest, first: BuildResult) {
        let caches = ReuseStore()
        let pipeline = BuildPipeline(reuse: caches)
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
        XCTAssertEqual(caches.lastCounts(.pages).made, pages)

        let unchanged = pipeline.run(request)
        XCTAssertEqual(caches.lastCounts(.pages).made, 0)
        XCTAssertEqual(unchanged.files, first.files)

        // The October API outage's report changes; its figures do not. Only its own page shows
        // the report (details and status pages list its title and times).
        let file = site.appendingPathComponent("content/status/incidents/api-oct.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Eight hours down.", with: "Eight hours down; root cause: a bad deploy.")
            .write(to: file, atomically: true, encoding: .utf8)
        let edited = pipeline.run(request)
        XCTAssertTrue(edited.succeeded)
        XCTAssertEqual(caches.lastCounts(.pages).made, 1)
        XCTAssertEqual(caches.lastCounts(.pages).reused, pages - 1)

        // Whatever was reused, the result is what a build without caches gives.
        let full = BuildPipeline().run(request)
        XCTAssertEqual(edited.files, full.files)
        XCTAssertNotEqual(edited.files, first.files)

        // A change that moves figures (a longer outage) re-renders the plan pages too, and still
        // matches a full build.
        try text.replacingOccurrences(of: "end: 2026-10-05T08:00:00Z", with: "end: 2026-10-05T09:00:00Z")
            .write(to: file, atomically: true, encoding: .utf8)
        let longer = pipeline.run(request)
        XCTAssertGreaterThan(caches.lastCounts(.pages).made, 1)
        XCTAssertEqual(longer.files, BuildPipeline().run(request).files)
    }

    /// An incident page's key holds what the incident counted per plan and month through its
    /// level's inputs (`CountedAt`): when another incident of the level changes the level's
    /// figures in another month, the level's inputs are new, yet the page is kept, because what
    /// it counted is the same; the edited incident's own page is made again. The resolved terms
    /// are kept while their layers are equal, and made again when a plan's terms change.
    func testAnIncidentPageIsKeptWhenItsLevelChangesElsewhere() throws {
        let site = try Slasite.copyFixture("basic")
        let (caches, pipeline, request, first) = preview(site)
        XCTAssertTrue(first.succeeded)
        XCTAssertGreaterThan(caches.lastCounts(.terms).made, 0)
        func page(_ result: BuildResult, _ path: String) throws -> [UInt8] {
            try XCTUnwrap(result.files.first { $0.path == path }, path).bytes
        }
        // A longer October outage moves the API's October figures, not September's.
        let file = site.appendingPathComponent("content/status/incidents/api-oct.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "end: 2026-10-05T08:00:00Z", with: "end: 2026-10-05T11:00:00Z")
            .write(to: file, atomically: true, encoding: .utf8)
        let longer = rebuildMatchesFullBuild(pipeline, request, after: "a longer October outage")
        XCTAssertGreaterThan(caches.lastCounts(.figures).made, 0, "the API's levels are computed again")
        XCTAssertEqual(caches.lastCounts(.terms).made, 0, "no terms changed")
        // A kept page is the last build's bytes themselves; a page made again is new storage.
        XCTAssertTrue(sharesStorage(try page(longer, "incidents/api-sept/index.html"), try page(first, "incidents/api-sept/index.html")))
        XCTAssertFalse(sharesStorage(try page(longer, "incidents/api-oct/index.html"), try page(first, "incidents/api-oct/index.html")))
        XCTAssertNotEqual(try page(longer, "incidents/api-oct/index.html"), try page(first, "incidents/api-oct/index.html"))

        // A plan's objective changes: its terms are resolved again, and every page still matches.
        let planFile = site.appendingPathComponent("content/plans/pro.md")
        let plan = try String(contentsOf: planFile, encoding: .utf8)
        let edited = plan.replacingOccurrences(of: "uptime: 99.9\n", with: "uptime: 99.5\n")
        XCTAssertNotEqual(edited, plan, "the fixture's Pro plan writes uptime: 99.9")
        try edited.write(to: planFile, atomically: true, encoding: .utf8)
        rebuildMatchesFullBuild(pipeline, request, after: "a plan's objective")
        XCTAssertGreaterThan(caches.lastCounts(.terms).made, 0)
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
        XCTAssertEqual(caches.lastCounts(.figures).made, levels)

        func expectFullBuild(_ what: String) -> BuildResult { rebuildMatchesFullBuild(pipeline, request, after: what) }
        let incidents = site.appendingPathComponent("content/status/incidents")
        let file = incidents.appendingPathComponent("api-oct.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Eight hours down.", with: "Eight hours down; a bad deploy.")
            .write(to: file, atomically: true, encoding: .utf8)
        _ = expectFullBuild("a text edit")
        // The figures read no text: the whole is kept, and no level is even asked for.
        XCTAssertEqual(caches.lastCounts(.siteFigures).reused, 1)
        XCTAssertEqual(caches.lastCounts(.figures).made, 0)
        XCTAssertEqual(caches.lastCounts(.figures).reused, 0)

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
        XCTAssertEqual(caches.lastCounts(.figures).made, 1)
        XCTAssertTrue(added.files.contains { $0.path == "incidents/db-nov/index.html" })

        // One sorted first moves every other incident's place in the list.
        try write("db-aug.md", start: "2026-08-20T00:00:00Z", end: "2026-08-20T01:00:00Z")
        _ = expectFullBuild("an incident sorted first")
        try FileManager.default.removeItem(at: incidents.appendingPathComponent("db-nov.md"))
        _ = expectFullBuild("a removed incident")
        XCTAssertEqual(caches.lastCounts(.figures).made, 1)
    }

    /// Edits that change the maintenance calendar, badges and feeds (kept as fragments between
    /// preview builds) still give exactly what a full build gives, for the example site.
    func testMaintenanceAndTitleEditsMatchAFullBuild() throws {
        // A copy of the example site (site.yaml and content/).
        let site = Slasite.scratch("example-site")
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

    /// Renaming an incident file changes its slug on every page, feed and sla.json that names it
    /// (a preview once kept the old links: page keys then held the file's bytes, not its name).
    func testARenamedIncidentIsRenamedEverywhere() throws {
        let site = try Slasite.copyFixture("basic")
        let (caches, pipeline, request, first) = preview(site)
        XCTAssertTrue(first.succeeded)
        let incidents = site.appendingPathComponent("content/status/incidents")
        try FileManager.default.moveItem(
            at: incidents.appendingPathComponent("api-oct.md"), to: incidents.appendingPathComponent("api-october.md"))
        let renamed = rebuildMatchesFullBuild(pipeline, request, after: "a renamed incident")
        XCTAssertTrue(renamed.files.contains { $0.path == "incidents/api-october/index.html" })
        XCTAssertFalse(renamed.files.contains { $0.path == "incidents/api-oct/index.html" })
        for file in renamed.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".json") || file.path.hasSuffix(".xml") {
            XCTAssertFalse(String(decoding: file.bytes, as: UTF8.self).contains("incidents/api-oct/"), file.path)
        }
        // The old page is no longer kept: the store holds one entry per page of this build.
        let pages = renamed.files.filter { $0.path.hasSuffix(".html") }.count
        XCTAssertEqual(caches.keptCount(.pages), pages)
    }

    /// A theme file edit and a site.yaml edit (inputs no page key lists) re-render every page and
    /// match a full build.
    func testThemeAndConfigurationEditsMatchAFullBuild() throws {
        let site = try Slasite.copyFixture("basic")
        let (caches, pipeline, request, first) = preview(site)
        XCTAssertTrue(first.succeeded)
        let pages = first.files.filter { $0.path.hasSuffix(".html") }.count
        let theme = site.appendingPathComponent("themes/default/partials")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        let partial = try String(
            contentsOf: Slasite.repoRoot.appendingPathComponent("themes/default/partials/incident.mustache"), encoding: .utf8)
        try ("<!-- themed -->" + partial).write(to: theme.appendingPathComponent("incident.mustache"), atomically: true, encoding: .utf8)
        _ = rebuildMatchesFullBuild(pipeline, request, after: "a theme override")
        XCTAssertEqual(caches.lastCounts(.pages).made, pages)
        let config = site.appendingPathComponent("site.yaml")
        let yaml = try String(contentsOf: config, encoding: .utf8)
        try yaml.replacingOccurrences(of: "timezone: UTC", with: "timezone: America/New_York")
            .write(to: config, atomically: true, encoding: .utf8)
        _ = rebuildMatchesFullBuild(pipeline, request, after: "a time zone change")
    }

    /// Issue 15: a preview reads again only the samples file that changed, computes Downtime
    /// from samples again only for it, and still gives exactly what a full build gives.
    func testASamplesEditRereadsOnlyThatFile() throws {
        let site = try Slasite.copyFixture("basic")
        let plan = site.appendingPathComponent("content/plans/pro.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "services:\n", with: "downtime: {source: samples, interval: 5}\nservices:\n")
            .write(to: plan, atomically: true, encoding: .utf8)
        let samples = site.appendingPathComponent("content/status/samples")
        try FileManager.default.createDirectory(at: samples, withIntermediateDirectories: true)
        try "start,total,errors\n2026-10-02T10:00:00Z,100,7\n".write(to: samples.appendingPathComponent("api.csv"), atomically: true, encoding: .utf8)
        try "start,total,errors\n2026-10-02T10:00:00Z,100,0\n".write(to: samples.appendingPathComponent("db.csv"), atomically: true, encoding: .utf8)
        let (caches, pipeline, request, first) = preview(site)
        XCTAssertTrue(first.succeeded, "\(first.diagnostics)")
        XCTAssertEqual(first.figures?.level(plan: "pro", service: "api")?.months.first { $0.month.description == "2026-10" }?.downtimeMinutes, 5)
        let samplesMade = caches.lastCounts(.figures).made

        try "start,total,errors\n2026-10-02T10:00:00Z,100,7\n2026-10-02T10:05:00Z,100,9\n"
            .write(to: samples.appendingPathComponent("api.csv"), atomically: true, encoding: .utf8)
        let edited = rebuildMatchesFullBuild(pipeline, request, after: "a samples edit")
        // Of the site's files only api.csv is read again (every other file is the last build's
        // bytes themselves); only the levels it feeds are computed again.
        XCTAssertEqual(reread(first, edited), ["content/status/samples/api.csv"])
        XCTAssertLessThan(caches.lastCounts(.figures).made, samplesMade)
        XCTAssertEqual(edited.figures?.level(plan: "pro", service: "api")?.months.first { $0.month.description == "2026-10" }?.downtimeMinutes, 10)

        try FileManager.default.removeItem(at: samples.appendingPathComponent("api.csv"))
        let removed = rebuildMatchesFullBuild(pipeline, request, after: "a samples file removed")
        XCTAssertEqual(reread(edited, removed), [])
        XCTAssertFalse(removed.sourceFiles.contains { $0.path.hasSuffix("api.csv") })
    }

    /// The files of `b` that `a` did not have as they are: a file of bytes read again is new
    /// storage (a kept one is the last build's bytes themselves); a samples file (kept decoded,
    /// without its bytes) counts when its samples differ.
    private func reread(_ a: BuildResult, _ b: BuildResult) -> [String] {
        let before = Dictionary(a.sourceFiles.map { ($0.path, $0) }, uniquingKeysWith: { x, _ in x })
        return b.sourceFiles.filter { file in
            guard let old = before[file.path] else { return true }
            return file.samples != nil ? file != old : !sharesStorage(file.bytes, old.bytes)
        }.map(\.path)
    }

    /// The build's figures (on all cores, kept by the preview) are the core's sequential ones.
    func testScheduledAndKeptFiguresAreTheCoresFigures() throws {
        let site = try XCTUnwrap(BuildPipeline().run(BuildRequest(source: Slasite.repoRoot, output: nil, now: now)).site)
        let reference = SLAArithmetic.figures(for: site, now: now).plans
        XCTAssertEqual(BuildPipeline.figures(for: site, now: now).plans, reference)
        let store = ReuseStore()
        XCTAssertEqual(BuildPipeline.figures(for: site, now: now, reuse: store).plans, reference)
        store.endBuild(succeeded: true)
        XCTAssertEqual(BuildPipeline.figures(for: site, now: now, reuse: store).plans, reference)
        store.endBuild(succeeded: true)
        // The same site: the whole is kept and no level is asked for.
        XCTAssertEqual(store.lastCounts(.siteFigures).reused, 1)
        XCTAssertEqual(store.lastCounts(.figures).made + store.lastCounts(.figures).reused, 0)
        // A change the figures read but no level does (the site's title in site.yaml): the whole
        // is made again from the levels the kept whole carried over.
        var retitled = site
        retitled.config.title += " (renamed)"
        XCTAssertEqual(BuildPipeline.figures(for: retitled, now: now, reuse: store).plans, reference)
        store.endBuild(succeeded: true)
        XCTAssertEqual(store.lastCounts(.siteFigures).made, 1)
        XCTAssertEqual(store.lastCounts(.figures).made, 0)
        // Every level's months, and the one Downtime from samples (Enterprise × Object Storage).
        XCTAssertEqual(store.lastCounts(.figures).reused, reference.reduce(0) { $0 + $1.count } + 1)
    }
}
