import SiteRender
import XCTest

@testable import StatuspageImport

final class PlainTextTests: XCTestCase {
    /// Bodies as Statuspage users write them, with everything that Markdown or HTML would read
    /// as markup.
    let tricky = [
        #"The cause is a bad deploy. <script>alert("x")</script> & <img src=x onerror=alert(1)>"#,
        "See [the runbook](javascript:alert(1)) or ![x](javascript:alert(2)) or <javascript:alert(3)>",
        "**bold** _it_ ~~struck~~ `code` \\escaped\\ | a | b |",
        "# Not a heading\n- not a list\n+ nor this\n> nor a quote\n1. nor numbered\n2) nor this\n---\n===",
        "    indented code? no\n\ttabbed",
        "Entities: &amp; &lt;b&gt; &#x3C;script&#x3E; &copy;",
        "[ref]: javascript:alert(1)\n[ref]",
        "<!-- comment --> <![CDATA[x]]> <?php echo 1; ?>",
        "Line one\r\nLine two\r\rParagraph two   \n\n\n\nParagraph three",
        "Emoji 🚀 and ünïcödé and 日本語",
    ]

    func testTrickyBodiesRenderAsTheirOwnTextWithNoMarkup() {
        for unsafe in [false, true] {
            let renderer = MarkdownRenderer(unsafe: unsafe)
            for text in tricky {
                let html = renderer.html(PlainText.markdown(text))
                let tags = Set(html.matches(of: /<\/?([a-zA-Z0-9]+)/).map { String($0.output.1) })
                // Only paragraphs and hard line breaks: no element that came from the text.
                XCTAssertTrue(tags.isSubset(of: ["p", "br"]), "\(text) → \(html)")
                XCTAssertEqual(visibleText(html), expectedText(text), "unsafe \(unsafe): \(text) → \(html)")
            }
        }
    }

    func testWebAddressesStayLinksAsOnStatuspage() {
        let html = MarkdownRenderer().html(
            PlainText.markdown("Details: https://acme.example/runbooks/api_errors?x=1&y=2 and www.acme.example/a*b"))
        XCTAssertTrue(html.contains(#"<a href="https://acme.example/runbooks/api_errors?x=1&amp;y=2">"#), html)
        XCTAssertTrue(html.contains(#"<a href="http://www.acme.example/a*b">"#), html)
    }

    func testLineBreaksAndParagraphsAreKept() {
        // Statuspage shows a line break as a line break: a hard break (backslash) here.
        XCTAssertEqual(PlainText.markdown("one\ntwo\n\n\nthree\n"), "one\\\ntwo\n\nthree")
        XCTAssertEqual(PlainText.markdown("  \n\n "), "")
        XCTAssertEqual(PlainText.markdown("1. Retry"), "1\\. Retry")
        XCTAssertEqual(PlainText.markdown("# x"), "\\# x")
    }

    func testYAMLQuotingEscapesWhatYAMLWouldReadDifferently() {
        XCTAssertEqual(PlainText.yamlQuoted(#"a "b" \ c"#), #""a \"b\" \\ c""#)
        XCTAssertEqual(PlainText.yamlQuoted("x\ny\tz"), #""x\ny\tz""#)
        // U+2028 is a line break to YAML, U+0085 a next-line, U+FEFF a byte-order mark.
        XCTAssertEqual(PlainText.yamlQuoted("a\u{2028}b\u{85}c\u{FEFF}d\u{7}"), #""a\u2028b\u0085c\uFEFFd\u0007""#)
    }

    /// What a reader sees: tags dropped, entities read, whitespace runs made one.
    func visibleText(_ html: String) -> String {
        var t = html.replacing(/<[^>]+>/, with: "")
        for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] { t = t.replacing(e, with: c) }
        return squeeze(t)
    }

    func expectedText(_ text: String) -> String { squeeze(text) }

    func squeeze(_ s: String) -> String {
        s.replacing(/\s+/, with: " ").trimmingCharacters(in: .whitespaces)
    }
}
