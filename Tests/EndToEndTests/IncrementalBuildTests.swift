import Foundation
import SLACore
import SiteBuild
import XCTest

/// Preview rebuilds reuse what did not change, and give exactly what a full build gives.
final class IncrementalBuildTests: XCTestCase {
    let now = Instant(seconds: 1_795_478_400)  // 2026-11-24T00:00:00Z

    func testAnIncidentEditRerendersOnlyThePagesThatShowIt() throws {
        let site = try Slasite.copyFixture("basic")
        let caches = BuildCaches()
        let pipeline = BuildPipeline(caches: caches)
        let request = BuildRequest(source: site, output: nil, now: now)
        let first = pipeline.run(request)
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
}
