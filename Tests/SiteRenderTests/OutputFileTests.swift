import SLACore
import XCTest

@testable import SiteRender

final class OutputFileTests: XCTestCase {
    func testOnlyPathsInsideTheOutputFolderAreContained() {
        for good in ["index.html", "plans/pro/index.html", "badges/pro/api.svg", "a/.../b", ".well-known/x", "a..b/c"] {
            XCTAssertTrue(OutputFile(path: good, text: "").isContained, good)
        }
        for bad in ["", "/etc/passwd", "../x", "a/../b", "a/./b", "./a", "a/", "a//b", "a/..", "a/.", "a\\b", "a\u{0}b", ".", ".."] {
            XCTAssertFalse(OutputFile(path: bad, text: "").isContained, bad.debugDescription)
        }
    }

    func testContainsBytesFindsSubstringsByUTF8() {
        XCTAssertTrue("<p>a</p><th>x".containsBytes("<th"))
        XCTAssertTrue("abc".containsBytes(""))
        XCTAssertTrue("ééa<h1>".containsBytes("<h1"))
        XCTAssertFalse("<t h".containsBytes("<th"))
        XCTAssertFalse("<t".containsBytes("<th"))
        XCTAssertTrue(Substring("xx<h1").containsBytes("<h1"))
    }

    func testByteTextReplacesEveryOccurrence() {
        XCTAssertEqual(ByteText.replacing("<th>a</th><th>b", "<th>", with: "<th scope=\"col\">"), "<th scope=\"col\">a</th><th scope=\"col\">b")
        XCTAssertEqual(ByteText.replacing("aaaa", "aa", with: "b"), "bb")
        XCTAssertEqual(ByteText.replacing("xaa", "aa", with: ""), "x")
        XCTAssertEqual(ByteText.replacing("é<th>é", "<th>", with: "¡"), "é¡é")
        XCTAssertEqual(ByteText.replacing("short", "longer needle", with: "x"), "short")
        XCTAssertEqual(ByteText.replacing("", "a", with: "b"), "")
        XCTAssertEqual(ByteText.replacing("abc", "", with: "x"), "abc")
        // Both header-cell forms in one pass (BodyHTML.scopeHeaderCells), each where it occurs.
        XCTAssertEqual(
            BodyHTML.scopeHeaderCells("<tr><th>A</th><th align=\"right\">B</th></tr><thead>"),
            "<tr><th scope=\"col\">A</th><th scope=\"col\" align=\"right\">B</th></tr><thead>")
    }
}
