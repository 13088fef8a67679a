@testable import PreviewServer
import SiteContent
import XCTest

final class ChangeTests: XCTestCase {
    func testChangeSetBetweenScans() {
        let a = ["site.yaml": FileStamp(modified: 1, size: 10), "content/terms.md": FileStamp(modified: 1, size: 5)]
        let b = ["site.yaml": FileStamp(modified: 2, size: 10), "content/plans/pro.md": FileStamp(modified: 1, size: 3)]
        XCTAssertEqual(
            ChangeSet.between(a, b),
            ChangeSet(added: ["content/plans/pro.md"], removed: ["content/terms.md"], modified: ["site.yaml"]))
        XCTAssertTrue(ChangeSet.between(a, a).isEmpty)
    }

    func testChangeKinds() {
        XCTAssertEqual(ChangeKind.of(ChangeSet(modified: ["themes/default/style.css"]), theme: "default"), .styles)
        XCTAssertEqual(ChangeKind.of(ChangeSet(modified: ["themes/other/style.css"]), theme: "default"), .none)
        XCTAssertEqual(ChangeKind.of(ChangeSet(modified: ["themes/default/page.mustache"]), theme: "default"), .site)
        XCTAssertEqual(ChangeKind.of(ChangeSet(modified: ["themes/default/style.css", "content/terms.md"]), theme: "default"), .site)
        XCTAssertEqual(ChangeKind.of(ChangeSet(added: ["content/status/incidents/x.md"]), theme: "default"), .site)
        XCTAssertEqual(ChangeKind.of(ChangeSet(modified: ["README.md"]), theme: "default"), .none)
    }
}
