import Foundation
import SLACore
import SiteBuild
@testable import SiteRender
import XCTest

final class SLAJSONTests: XCTestCase {
    /// The directly written month line is the month object as the JSON writer writes it.
    func testMonthLinesMatchTheJSONWriter() throws {
        var months: [MonthFigure] = []
        for source in [".", "Tests/Fixtures/basic", "Tests/Fixtures/feeds"] {
            let figures = try XCTUnwrap(PageTestSupport.build(source).figures)
            months += figures.plans.flatMap { $0.flatMap(\.months) }
        }
        XCTAssertGreaterThan(months.count, 50)
        XCTAssertTrue(months.contains { $0.met == nil }, "a month without an objective")
        XCTAssertTrue(months.contains { $0.met == false && $0.final }, "a missed month")
        XCTAssertTrue(months.contains { !$0.final }, "the current month")
        XCTAssertTrue(months.contains { $0.measured }, "a measured month")
        for m in months {
            let line = String(decoding: SLAJSON.monthLine(m), as: UTF8.self)
            XCTAssertEqual(line, String(decoding: SLAJSON.month(m).fragment(level: 5), as: UTF8.self))
            XCTAssertFalse(line.contains("\n"))
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }
}
