import Foundation
import SLACore
import SiteContent
import XCTest
import SiteRender

/// Inputs found by fuzzing (docs/fuzzing.md, scripts/fuzz.sh) and the parser-level "Limits" cases of
/// issue 8: each must end in a diagnostic or a value, never a crash or a hang. No timing asserts:
/// a regression shows up as a hang or a crash of the test run.
final class FuzzRegressionTests: XCTestCase {
    // MARK: - Helpers

    /// The fixture site with `text` as the front matter of content/plans/pro.md.
    private func parsePlan(_ yaml: String, body: String = "Body.\n") -> ParsedSite {
        var f = SiteFixture()
        f["content/plans/pro.md"] = "---\n" + yaml + "\n---\n" + body
        return f.parse()
    }

    /// The fixture site with `bytes` as the file at `path` (as the content fuzzer builds it).
    private func parse(path: String, bytes: [UInt8]) -> ParsedSite {
        var files = SiteFixture().sourceFiles.filter { $0.path != path }
        files.append(SourceFile(path: path, bytes: bytes))
        return SiteParser.parse(files, options: .standard())
    }

    private func assertError(
        _ parsed: ParsedSite, containing text: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertNil(parsed.site, file: file, line: line)
        XCTAssertTrue(
            parsed.diagnostics.contains { $0.severity == .error && $0.message.contains(text) },
            "no error containing \"\(text)\" in \(parsed.diagnostics.map(\.description).prefix(5))", file: file, line: line)
    }

    /// A "billion laughs" document: nine levels of nine aliases, 9^9 scalars once expanded.
    private func aliasBomb() -> String {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
            previous = name
        }
        return lines.joined(separator: "\n")
    }

    /// `a0: &a0 [x]`, `a1: &a1 [*a0]`, …: each line one level deeper, with no indentation at all.
    private func aliasChain(_ count: Int) -> String {
        (["a0: &a0 [x]"] + (1..<count).map { "a\($0): &a\($0) [*a\($0 - 1)]" }).joined(separator: "\n")
    }

    // MARK: - Found by fuzzing

    /// Yams's duplicate-key check hashes every mapping key in full, aliases expanded: an alias
    /// bomb used as a key (`? *i`) hashed 9^9 nodes (a hang). Now rejected before composing.
    func testAliasBombAsAMappingKeyEndsInAnError() {
        assertError(parsePlan(aliasBomb() + "\n? *i\n: x"), containing: "once its aliases are expanded")
        assertError(parsePlan(aliasBomb() + "\n? [*i, *i]\n: x\n? [*h]\n: y"), containing: "alias bomb")
    }

    /// An alias chain builds nodes as deep as it is long without any nesting in the text, so hashing
    /// such a key (or freeing it) overflowed the stack. Now rejected before composing.
    func testDeepAliasChainEndsInAnError() {
        assertError(parsePlan(aliasChain(20_000) + "\n? *a19999\n: x"), containing: "nested deeper than")
        assertError(parsePlan(aliasChain(100_000)), containing: "nested deeper than")
    }

    /// A short chain of aliases is still fine (anchors and aliases are valid YAML).
    func testSharedTermsThroughAnAliasStillWork() throws {
        let parsed = parsePlan("""
            title: Pro
            summary: S
            services:
              api: &t {uptime: 99.9, credits: [{below: 99.9, credit: 10}]}
              db: *t
            """)
        XCTAssertEqual(parsed.diagnostics.errors, [])
        let site = try XCTUnwrap(parsed.site)
        XCTAssertEqual(site.terms(plan: site.plans[0], service: "db").uptime, 99.9)
    }

    // MARK: - Limits (issue 8), at the parser level

    func testAliasBombEndsInAnError() {
        assertError(parsePlan(aliasBomb() + "\ntitle: *i\nsummary: *i\nservices: *i"), containing: "alias bomb")
        var f = SiteFixture()
        f["site.yaml"] = aliasBomb() + "\ntitle: *i\n"
        assertError(f.parse(), containing: "alias bomb")
    }

    func testTenThousandDeepBlockNestingEndsInAnError() {
        // Block sequences nested on one line, and block mappings behind explicit keys.
        let sequences = String(repeating: "- ", count: 10_000) + "x"
        assertError(parsePlan("title: Pro\nsummary: S\nservices:\n" + sequences), containing: "nested deeper than")
        let keys = String(repeating: "? ", count: 10_000) + "x"
        let parsed = parsePlan("title: Pro\nsummary: S\nservices: {api: {}}\n" + keys)
        XCTAssertNil(parsed.site)
        XCTAssertTrue(parsed.diagnostics.hasErrors)
        // Indented block mappings (1 space a level; 10,000 levels would be a 50 MB file, so 2,000).
        let mappings = (0..<2_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x"
        assertError(parsePlan("title: Pro\nsummary: S\nservices: {api: {}}\n" + mappings), containing: "nested deeper than")
    }

    func testTenThousandDeepFlowNestingEndsInAnError() {
        let flow = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        assertError(parsePlan("title: Pro\nsummary: S\nservices: " + flow), containing: "nested deeper than")
        let maps = String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        assertError(parsePlan("title: Pro\nsummary: S\nservices: " + maps), containing: "nested deeper than")
        // A quote inside a plain scalar hid the brackets from the quick pre-check; libyaml's own
        // limit and the expanded-depth check still stop it.
        let hidden = "[a'b, " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_001)
        let parsed = parsePlan("title: Pro\nsummary: S\nservices: " + hidden)
        XCTAssertNil(parsed.site)
        XCTAssertTrue(parsed.diagnostics.hasErrors)
    }

    func testVeryLongSingleLineValueEndsInAValue() throws {
        let long = String(repeating: "x", count: 5_000_000)
        let parsed = parsePlan("title: Pro\nsummary: \(long)\nservices: {api: {}}")
        XCTAssertEqual(parsed.diagnostics.errors, [])
        XCTAssertEqual(try XCTUnwrap(parsed.site).plans[0].summary.count, 5_000_000)
        // The same in a quoted scalar, in site.yaml, and as one CSV line.
        XCTAssertNotNil(parsePlan("title: \"\(long)\"\nsummary: S\nservices: {api: {}}").site)
        var f = SiteFixture()
        f["site.yaml"] = f["site.yaml"]!.replacingOccurrences(of: "title: Example SLAs", with: "title: '\(long)'")
        XCTAssertNotNil(f.parse().site)
        let csv = parse(path: "content/status/measurements.csv", bytes: Array(("service,month,uptime\napi,2026-09," + long).utf8))
        XCTAssertNil(csv.site)
        XCTAssertTrue(csv.diagnostics.contains { $0.message.hasPrefix("uptime must be a number") })
    }

    /// libyaml allows implicit keys of up to 1024 characters: a longer one is a syntax error.
    func testVeryLongKeyEndsInAnError() {
        let long = String(repeating: "k", count: 1_000_000)
        assertError(parsePlan("title: Pro\nsummary: S\nservices: {api: {}}\n\(long): 1"), containing: "invalid YAML")
    }
}
