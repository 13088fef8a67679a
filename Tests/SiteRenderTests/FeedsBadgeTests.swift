import SLACore
@testable import SiteRender
import XCTest

final class FeedsBadgeTests: XCTestCase {
    func testBadgesForEveryPlanAndServiceWithStates() throws {
        // pro/api in 2026-11: no incident → 100.000% (3 decimals, always), on track. free/api: no objective.
        let files = Badge.files(FeedsTestSupport.context(FeedsTestSupport.site()))
        XCTAssertEqual(files.map(\.path), ["badges/pro/api.svg", "badges/free/api.svg"])
        let pro = try XCTUnwrap(FeedsTestSupport.text(files, "badges/pro/api.svg"))
        XCTAssertEqual(FeedsTestSupport.elementTexts("text", in: pro), ["uptime", "uptime", "100.000%", "100.000%"])
        XCTAssertTrue(pro.contains(Badge.State.met.colour))
        let free = try XCTUnwrap(FeedsTestSupport.text(files, "badges/free/api.svg"))
        XCTAssertEqual(FeedsTestSupport.elementTexts("text", in: free).last, "no commitment")
        XCTAssertEqual(FeedsTestSupport.elementTexts("title", in: free), ["Free · API: no uptime commitment"])
    }

    func testMissedCurrentMonthIsRed() throws {
        // 2026-11 so far: 23 days = 33,120 min, 720 min down → 97.826%.
        let site = FeedsTestSupport.site(incidents: [
            FeedsTestSupport.incident("down", .major, "2026-11-23T12:00:00Z", nil)
        ])
        let svg = try XCTUnwrap(FeedsTestSupport.text(Badge.files(FeedsTestSupport.context(site)), "badges/pro/api.svg"))
        XCTAssertEqual(FeedsTestSupport.elementTexts("text", in: svg).last, "97.826%")
        XCTAssertTrue(svg.contains(Badge.State.missed.colour))
        XCTAssertEqual(
            FeedsTestSupport.elementTexts("title", in: svg),
            ["Pro · API: 97.826% uptime in November 2026 so far, objective 99.9%, below objective"])
    }

    func testEveryTextIsEscaped() {
        let site = FeedsTestSupport.site(planTitle: "Pro <b>&</b>", serviceTitle: "\"API\" 'v2'")
        let svg = Badge.files(FeedsTestSupport.context(site))[0]
        let text = String(decoding: svg.bytes, as: UTF8.self)
        XCTAssertTrue(FeedsTestSupport.isWellFormedXML(text))
        XCTAssertFalse(text.contains("<b>"))
        XCTAssertEqual(FeedsTestSupport.elementTexts("title", in: text).first?.hasPrefix("Pro <b>&</b> · \"API\" 'v2':"), true)
        let odd = Badge(label: "a<b", value: "c&d\u{1}", state: .noData, title: "t\"'", idPrefix: "x")
        XCTAssertTrue(FeedsTestSupport.isWellFormedXML(odd.svg()))
    }

    func testWidthsGrowWithText() {
        XCTAssertGreaterThan(Badge.textWidth("99.982%"), Badge.textWidth("100%"))
        XCTAssertGreaterThan(Badge.textWidth("no commitment"), Badge.textWidth("uptime"))
        XCTAssertEqual(Badge.half(49), "24.5")
        XCTAssertEqual(Badge.half(146), "73")
    }
}
