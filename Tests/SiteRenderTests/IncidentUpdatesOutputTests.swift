import Foundation
import SLACore
@testable import SiteRender
import XCTest

/// Issue 16, point 1: the updates in sla.json and the feeds.
final class IncidentUpdatesOutputTests: XCTestCase {
    private func site(unsafe: Bool = false) -> Site {
        var outage = FeedsTestSupport.incident("api-outage", .major, "2026-10-20T00:00:00Z", nil)
        outage.updates = [
            IncidentUpdate(at: FeedsTestSupport.at("2026-10-20T00:10:00Z"), status: .investigating, note: "Errors *up*. <script>alert(1)</script>"),
            IncidentUpdate(at: FeedsTestSupport.at("2026-10-20T02:00:00Z"), status: .monitoring, note: "[x](javascript:alert(1))"),
            // After *now* (2026-11-24): not yet posted at the build's reference time.
            IncidentUpdate(at: FeedsTestSupport.at("2026-11-30T00:00:00Z"), status: .resolved, note: "Later."),
        ]
        var s = FeedsTestSupport.site(incidents: [outage, FeedsTestSupport.incident("maint", .maintenance, "2026-12-04T02:00:00Z", "2026-12-04T06:00:00Z")])
        s.config.markdownUnsafe = unsafe
        return s
    }

    func testSLAJSONCarriesStatusAndUpdatesRenderedAsSafelyAsBodies() throws {
        let site = site()
        let context = FeedsTestSupport.context(site)
        let doc = SLAJSON.document(site: site, figures: context.figures, urls: context.urls, updateHTML: context.updateHTML)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(doc.bytes())) as? [String: Any])
        let incidents = try XCTUnwrap(parsed["incidents"] as? [[String: Any]])
        let outage = incidents[0]
        // Open at now; the latest update at or before now says monitoring.
        XCTAssertEqual(outage["status"] as? String, "monitoring")
        // The maintenance window starts after now and has no updates: scheduled.
        XCTAssertEqual(incidents[1]["status"] as? String, "scheduled")
        let updates = try XCTUnwrap(outage["updates"] as? [[String: Any]])
        XCTAssertEqual(updates.map { $0["at"] as? String }, ["2026-10-20T00:10:00Z", "2026-10-20T02:00:00Z"])
        XCTAssertEqual(updates.map { $0["status"] as? String }, ["investigating", "monitoring"])
        let first = try XCTUnwrap(updates[0]["note_html"] as? String)
        let second = try XCTUnwrap(updates[1]["note_html"] as? String)
        XCTAssertTrue(first.contains("<em>up</em>"), first)
        XCTAssertFalse(first.contains("<script"), first)
        XCTAssertFalse(second.contains("javascript:"), second)
        // With markdown.unsafe, raw HTML passes but the tag filter still disarms <script>.
        let unsafe = self.site(unsafe: true)
        let unsafeContext = FeedsTestSupport.context(unsafe)
        XCTAssertEqual(unsafeContext.updateHTML[0][0], MarkdownRenderer(unsafe: true).html(unsafe.incidents[0].updates[0].note))
        XCTAssertFalse(unsafeContext.updateHTML[0][0].contains("<script>"))
    }

    func testTheFeedItemIsModifiedByItsLatestUpdate() throws {
        let context = FeedsTestSupport.context(site())
        let item = try XCTUnwrap(FeedItems.items(context).first { $0.id.hasSuffix("/incidents/api-outage/#incident") })
        // Open (no end); the 2026-11-30 update is after now, so 02:00 is the latest posted.
        XCTAssertEqual(item.modified, FeedsTestSupport.at("2026-10-20T02:00:00Z"))
        let feed = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(JSONFeed.document(items: [item], context: context).bytes())) as? [String: Any])
        let entries = try XCTUnwrap(feed["items"] as? [[String: Any]])
        XCTAssertEqual(entries.first?["date_modified"] as? String, "2026-10-20T02:00:00Z")
        let atom = AtomFeed.xml(items: [item], context: context)
        XCTAssertEqual(FeedsTestSupport.elementTexts("updated", in: atom).last, "2026-10-20T02:00:00Z")
    }
}
