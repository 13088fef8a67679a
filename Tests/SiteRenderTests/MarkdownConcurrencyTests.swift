import Dispatch
import SiteRender
import Synchronization
import XCTest

/// cmark-gfm adds an extension's special characters (`:` and `w` for autolinks, `~` for
/// strikethrough) to one table shared by every parser when a parse starts, and removes them
/// when it ends, so a parse on another thread could miss its autolinks: pages differed from
/// build to build. Renders many documents at once and wants each as rendered alone.
final class MarkdownConcurrencyTests: XCTestCase {
    func testRenderingOnManyThreadsGivesTheSameHTMLAsAlone() {
        let renderer = MarkdownRenderer()
        let documents = (0..<64).map { "Item \($0): see https://status.example.com/\($0) and www.example.org, ~~old~~ | a |\n\n" + String(repeating: "More text. ", count: $0) }
        let alone = documents.map(renderer.html)
        XCTAssertTrue(alone.allSatisfy { $0.contains("<a href=\"https://status.example.com/") && $0.contains("<del>old</del>") })
        let differing = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 4000) { k in
            if renderer.html(documents[k % documents.count]) != alone[k % documents.count] {
                differing.add(1, ordering: .relaxed)
            }
        }
        XCTAssertEqual(differing.load(ordering: .relaxed), 0)
    }
}
