@testable import SiteContent
import XCTest

/// docs/spec.md §1's layout, and §2 Translations' `<name>.<code>.md` (read on UTF-8 bytes).
final class SourceKindTests: XCTestCase {
    func testPathsAreClassifiedByTheLayout() {
        XCTAssertEqual(SourceKind.classify("site.yaml"), .config)
        XCTAssertEqual(SourceKind.classify("content/terms.md"), .terms)
        XCTAssertEqual(SourceKind.classify("content/terms.fr.md"), .translation(.terms, id: "", code: "fr"))
        XCTAssertEqual(SourceKind.classify("content/services/api.md"), .service("api"))
        XCTAssertEqual(SourceKind.classify("content/plans/pro.md"), .plan("pro"))
        XCTAssertEqual(SourceKind.classify("content/plans/pro.de.md"), .translation(.plan, id: "pro", code: "de"))
        XCTAssertEqual(SourceKind.classify("content/services/api.pt-br.md"), .translation(.service, id: "api", code: "pt-br"))
        XCTAssertEqual(SourceKind.classify("content/status/incidents/2026-11-10-dns.md"), .incident("2026-11-10-dns"))
        XCTAssertEqual(
            SourceKind.classify("content/status/incidents/2026-11-10-dns.fr.md"), .translation(.incident, id: "2026-11-10-dns", code: "fr"))
        XCTAssertEqual(SourceKind.classify("content/status/samples/api.csv"), .samples("api"))
        XCTAssertEqual(SourceKind.classify("i18n/de.yaml"), .i18n("de"))
        XCTAssertEqual(SourceKind.classify("themes/mine/page.mustache"), .theme("mine", "page.mustache"))
        XCTAssertEqual(SourceKind.classify("content/notes.txt"), .other)
    }

    /// Only one dot, and a code of 2 to 12 lower-case ASCII letters or hyphens, makes a translation;
    /// anything else stays an id (checked as such later).
    func testOnlyALanguageCodeMakesATranslation() {
        XCTAssertEqual(SourceKind.classify("content/plans/pro.DE.md"), .plan("pro.DE"))
        XCTAssertEqual(SourceKind.classify("content/plans/pro.x.md"), .plan("pro.x"))
        XCTAssertEqual(SourceKind.classify("content/plans/pro.abcdefghijklm.md"), .plan("pro.abcdefghijklm"))
        XCTAssertEqual(SourceKind.classify("content/plans/a.b.de.md"), .plan("a.b.de"))
        XCTAssertEqual(SourceKind.classify("content/plans/.de.md"), .plan(".de"))
        XCTAssertEqual(SourceKind.classify("content/plans/pro.dé.md"), .plan("pro.dé"))
        // A name that is not ASCII before the dot keeps its characters whole.
        XCTAssertEqual(SourceKind.classify("content/plans/café.fr.md"), .translation(.plan, id: "café", code: "fr"))
        XCTAssertEqual(SourceKind.classify("content/plans/e\u{301}.fr.md"), .translation(.plan, id: "e\u{301}", code: "fr"))
    }
}
