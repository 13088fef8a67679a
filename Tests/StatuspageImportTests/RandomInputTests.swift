import SiteContent
import SiteRender
import XCTest

@testable import StatuspageImport

/// Randomized inputs with fixed seeds: the escaper against cmark-gfm, the importer against
/// damaged exports.
final class RandomInputTests: XCTestCase {
    /// SplitMix64: the same sequence on every machine.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// (While it was written it also ran 60,000 texts each with the seeds 123, 777, 2026 and 31337.)
    func testRandomTextRendersAsItselfWithNoMarkup() {
        // Everything Markdown, GFM and HTML give meaning to, and some plain text.
        let alphabet =
            Array("<>&;#*_-+=~`[]()!|\\:/.1aZ é\n\n\t\"'{}^$%@").map(String.init)
            + [
                "https://", "http://", "www.", "x.io", "a@b.io", "&amp;", "&#60;", "<b>", "<script>", "javascript:", "[x](", "](y)", "```",
                "1. ", "- ", "| --- |",
            ]
        var rng = Random(state: 16)
        let safe = MarkdownRenderer(unsafe: false)
        let unsafe = MarkdownRenderer(unsafe: true)
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 1...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let markdown = PlainText.markdown(text)
            for renderer in [safe, unsafe] {
                let html = renderer.html(markdown)
                let tags = Set(html.matches(of: /<\/?([a-zA-Z0-9]+)/).map { String($0.output.1) })
                XCTAssertTrue(tags.isSubset(of: ["p", "br", "a"]), "\(text.debugDescription) → \(html)")
                // Links only where the text has a web or e-mail address (GFM's autolinks).
                for href in html.matches(of: /href="([^"]*)"/).map({ String($0.output.1) }) {
                    XCTAssertTrue(
                        href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:"),
                        "\(text.debugDescription) → \(html)")
                }
                XCTAssertEqual(visible(html), squeeze(text), "\(text.debugDescription) → \(markdown.debugDescription) → \(html)")
            }
        }
    }

    func testDamagedExportsGiveDiagnosticsNeverACrash() throws {
        let fx = try ImportFixture()
        let original = try ImportFixture.export("incidents.json").bytes
        let pieces = Array("{}[],:\"\\0123456789.-eE tnulfaxyz\n".utf8) + [0xC3, 0xA9, 0xFF]
        var rng = Random(state: 5)
        var planned = 0
        for _ in 0..<150 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(pieces.randomElement(using: &rng)!, at: at)
                default: bytes[at] = pieces.randomElement(using: &rng)!
                }
            }
            let plan = fx.plan([("damaged.json", bytes)])
            if plan.canWrite {
                planned += 1
                // What it would write reads back without an error (the importer's own check).
                var site = fx
                site.apply(plan)
                XCTAssertEqual(SiteParser.parse(site.site, options: .standard()).diagnostics.errors.filter { $0.file.hasPrefix("content/status/") }, [])
            } else {
                XCTAssertTrue(plan.writes.isEmpty)
                XCTAssertTrue(
                    plan.diagnostics.errors.allSatisfy { $0.file == "damaged.json" || $0.file.hasPrefix("content/") }, "\(plan.diagnostics)"
                )
            }
        }
        // Some damage lands in text and still makes a valid export: both paths are exercised.
        XCTAssertGreaterThan(planned, 0)
    }

    func visible(_ html: String) -> String {
        var t = html.replacing(/<[^>]+>/, with: "")
        for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] { t = t.replacing(e, with: c) }
        return squeeze(t)
    }

    func squeeze(_ s: String) -> String { s.replacing(/\s+/, with: " ").trimmingCharacters(in: .whitespaces) }
}
