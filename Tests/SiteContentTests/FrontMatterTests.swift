import XCTest

@testable import SiteContent

/// `FrontMatter.split` on the forms a content file can take.
final class FrontMatterTests: XCTestCase {
    private func split(_ text: String) -> FrontMatter? {
        if case let .success(fm) = FrontMatter.split(text, file: "x.md") { return fm }
        return nil
    }

    func testYAMLAndBodyWithTheirLines() throws {
        let fm = try XCTUnwrap(split("---\ntitle: A\nimpact: major\n---\n# Body\n\nText.\n"))
        XCTAssertEqual(fm.yaml, "title: A\nimpact: major")
        XCTAssertEqual(fm.yamlLine, 2)
        XCTAssertEqual(fm.body, "# Body\n\nText.\n")
        XCTAssertEqual(fm.bodyLine, 5)
    }

    func testFencesMayHaveTrailingSpacesAndCloseWithDots() throws {
        let fm = try XCTUnwrap(split("--- \t\na: 1\n... \nbody"))
        XCTAssertEqual(fm.yaml, "a: 1")
        XCTAssertEqual(fm.body, "body")
        XCTAssertEqual(fm.bodyLine, 4)
    }

    func testEmptyYAMLAndEmptyBody() throws {
        let a = try XCTUnwrap(split("---\n---"))
        XCTAssertEqual(a.yaml, "")
        XCTAssertEqual(a.body, "")
        XCTAssertEqual(a.bodyLine, 3)
        let b = try XCTUnwrap(split("---\n\n---\n"))
        XCTAssertEqual(b.yaml, "")
        XCTAssertEqual(b.body, "")
        XCTAssertEqual(b.bodyLine, 4)
    }

    func testNonASCIIIsKeptWhole() throws {
        let fm = try XCTUnwrap(split("---\ntitle: Café ☕︎\n---\nné\u{301}\n"))
        XCTAssertEqual(fm.yaml, "title: Café ☕︎")
        XCTAssertEqual(fm.body, "né\u{301}\n")
    }

    func testMissingOrUnclosedFences() {
        XCTAssertNil(split(""))
        XCTAssertNil(split("title: A\n"))
        XCTAssertNil(split("----\na: 1\n---\n"))
        XCTAssertNil(split("---"))
        XCTAssertNil(split("---\na: 1\n"))
        XCTAssertNil(split("---\na: 1\n-- \n"))
    }
}
