import BuildSupport
import Foundation
import SLACore
import SiteBuild
import XCTest

/// docs/spec.md §2 `languages`, translations, `i18n/<code>.yaml`, §4 Languages: the basic
/// fixture in English and German.
final class LanguagesTests: XCTestCase {
    let now = Instant(seconds: 1_795_478_400)  // 2026-11-24T00:00:00Z

    /// The basic fixture with `languages` (English, then German) and the files in `extra`.
    private func site(languages: String = "  - {code: en, name: English, locale: en}\n  - {code: de, name: Deutsch, locale: de-DE}\n",
                      _ extra: [String: String] = [:]) throws -> URL {
        let site = try Slasite.copyFixture("basic")
        let yaml = site.appendingPathComponent("site.yaml")
        try (try String(contentsOf: yaml, encoding: .utf8) + "languages:\n" + languages).write(to: yaml, atomically: true, encoding: .utf8)
        for (path, text) in extra {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return site
    }

    private func build(_ site: URL, reuse: ReuseStore? = nil) -> BuildResult {
        BuildPipeline(reuse: reuse).run(BuildRequest(source: site, output: nil, now: now))
    }

    private func errors(_ r: BuildResult) -> [String] { r.diagnostics.filter { $0.severity == .error }.map(\.description) }

    private func text(_ r: BuildResult, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(r.files.first { $0.path == path }).bytes, as: UTF8.self)
    }

    func testTheFiguresAreComputedOnceWhateverTheLanguages() throws {
        // The preview's store counts each plan × service's figures it makes: a build of the
        // fixture in one language and one in two make the same number (basic: Free covers
        // api, Pro covers api and db: 3 levels).
        let one = ReuseStore()
        XCTAssertTrue(build(try Slasite.copyFixture("basic"), reuse: one).succeeded)
        let two = ReuseStore()
        let result = build(try site(), reuse: two)
        XCTAssertTrue(result.succeeded, "\(result.diagnostics)")
        XCTAssertEqual(one.lastCounts(.figures).made, 3)
        XCTAssertEqual(two.lastCounts(.figures).made, 3)
        // And both languages show the same figure: Pro × API in October 2026, 480 minutes down,
        // 100 × 44,160 / 44,640 = 98.925 (EXPECTED.md), a point in English, a comma in German.
        XCTAssertTrue(try text(result, "plans/pro/api/index.html").contains("<td class=\"num\">98.925%</td>"))
        XCTAssertTrue(try text(result, "de/plans/pro/api/index.html").contains("<td class=\"num\">98,925\u{00A0}%</td>"))
    }

    func testATranslationEditRerendersOnlyThatLanguagesPages() throws {
        let site = try site([
            "content/status/incidents/api-oct.de.md": "---\ntitle: API-Ausfall im Oktober\n---\nAcht Stunden Ausfall.\n"
        ])
        let store = ReuseStore()
        let pipeline = BuildPipeline(reuse: store)
        let request = BuildRequest(source: site, output: nil, now: now)
        let first = pipeline.run(request)
        XCTAssertTrue(first.succeeded, "\(first.diagnostics)")
        let pages = first.files.filter { $0.path.hasSuffix(".html") }.count
        XCTAssertEqual(store.lastCounts(.pages).made, pages)
        // Only the German incident page shows the German report.
        let file = site.appendingPathComponent("content/status/incidents/api-oct.de.md")
        try "---\ntitle: API-Ausfall im Oktober\n---\nAcht Stunden Ausfall; Ursache: ein fehlerhaftes Deployment.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let edited = pipeline.run(request)
        XCTAssertTrue(edited.succeeded)
        XCTAssertEqual(store.lastCounts(.pages).made, 1)
        XCTAssertEqual(store.lastCounts(.pages).reused, pages - 1)
        XCTAssertEqual(edited.files, build(site).files)
        XCTAssertTrue(try text(edited, "de/incidents/api-oct/index.html").contains("fehlerhaftes Deployment"))
        XCTAssertEqual(try text(edited, "incidents/api-oct/index.html"), try text(first, "incidents/api-oct/index.html"))
    }

    func testATranslationCarriesTextOnly() throws {
        let r = build(try site(["content/plans/pro.de.md": "---\ntitle: Pro\nuptime: 99\n---\nText.\n"]))
        XCTAssertEqual(
            errors(r),
            [
                "content/plans/pro.de.md:3:1: a translation carries text only: \"uptime\" comes from content/plans/pro.md in every language; set it there (a translation may set \"title\", \"summary\", \"price\", \"revisions\" and the body)"
            ])
    }

    /// The incident of the basic fixture with two updates, and a plan note (docs/spec.md §2:
    /// a translation carries the text fields, an update's and a revision's note among them).
    private let updatedIncident = """
        ---
        title: API outage in October
        services: [api]
        impact: major
        start: 2026-10-05T00:00:00Z
        end: 2026-10-05T08:00:00Z
        updates:
          - {at: 2026-10-05T01:00:00Z, status: investigating, note: We are looking into it.}
          - {at: 2026-10-05T08:00:00Z, status: resolved, note: The API is back.}
        ---
        Eight hours down.

        """

    func testATranslationCarriesTheNotesOfUpdatesAndRevisionsByPosition() throws {
        let r = build(
            try site([
                "content/status/incidents/api-oct.md": updatedIncident,
                // The first update's note translated; the second keeps the English one.
                "content/status/incidents/api-oct.de.md": "---\nupdates:\n  - note: Wir sehen uns das an.\n---\n",
            ]))
        XCTAssertTrue(r.succeeded, "\(r.diagnostics)")
        let de = try text(r, "de/incidents/api-oct/index.html")
        XCTAssertTrue(de.contains("<p>Wir sehen uns das an.</p>"), de)
        XCTAssertTrue(de.contains("<p>The API is back.</p>"))
        XCTAssertFalse(de.contains("We are looking into it."))
        // The English page and the machine-readable outputs keep the original's notes.
        let en = try text(r, "incidents/api-oct/index.html")
        XCTAssertTrue(en.contains("<p>We are looking into it.</p>") && !en.contains("Wir sehen"))
        XCTAssertFalse(try text(r, "sla.json").contains("Wir sehen"))
    }

    func testATranslatedNoteBeyondTheOriginalsOrWithATimeIsAnError() throws {
        let r = build(
            try site([
                "content/status/incidents/api-oct.md": updatedIncident,
                "content/status/incidents/api-oct.de.md":
                    "---\nupdates:\n  - note: Eins.\n  - note: Zwei.\n  - note: Drei.\n---\n",
                "content/status/incidents/api-sept.de.md":
                    "---\nupdates:\n  - {at: 2026-09-01T00:00:00Z, note: Eins.}\n---\n",
                // Pro has no revisions: any note translates none.
                "content/plans/pro.de.md": "---\nrevisions:\n  - note: Keine.\n---\n",
            ]))
        XCTAssertEqual(
            errors(r),
            [
                "content/status/incidents/api-sept.de.md:3:6: a translation carries text only: the update's \"at\" comes from content/status/incidents/api-sept.md in every language; set it there (an entry of a translation's updates sets \"note\" alone; the n-th entry translates the n-th update of content/status/incidents/api-sept.md)"
            ])
        let second = build(
            try site([
                "content/status/incidents/api-oct.md": updatedIncident,
                "content/status/incidents/api-oct.de.md":
                    "---\nupdates:\n  - note: Eins.\n  - note: Zwei.\n  - note: Drei.\n---\n",
                "content/plans/pro.de.md": "---\nrevisions:\n  - note: Keine.\n---\n",
            ]))
        XCTAssertEqual(
            errors(second),
            [
                "content/plans/pro.de.md:3:5: this translation's revisions has 1 entries, but content/plans/pro.md has 0 revisions: entry 1 translates none (the n-th entry translates the n-th revision of the original, in its order; add the revision there first)",
                "content/status/incidents/api-oct.de.md:5:5: this translation's updates has 3 entries, but content/status/incidents/api-oct.md has 2 updates: entry 3 translates none (the n-th entry translates the n-th update of the original, in its order; add the update there first)",
            ])
    }

    func testATranslationNeedsALanguageOfTheSiteAndAnOriginal() throws {
        let r = build(
            try site([
                "content/plans/pro.fr.md": "---\ntitle: Pro\n---\n",
                "content/plans/gold.de.md": "---\ntitle: Gold\n---\n",
            ]))
        XCTAssertEqual(
            errors(r),
            [
                "content/plans/gold.de.md:1:1: this translates content/plans/gold.md, which does not exist",
                "content/plans/pro.fr.md:1:1: \"fr\" is not one of the site's languages (site.yaml languages: en, de)",
            ])
    }

    func testAnI18nTableIsCheckedAsStringsAre() throws {
        let r = build(
            try site([
                "i18n/de.yaml": "view_full_detail: Details\nnav_overview: \"Start {plan}\"\nchart_missed_few: \"{n} x\"\n",
                "i18n/it.yaml": "nav_overview: Panoramica\n",
            ]))
        XCTAssertEqual(
            errors(r),
            [
                "i18n/de.yaml:1:1: unknown key \"view_full_detail\" in strings (did you mean \"view_full_details\"?)",
                "i18n/de.yaml:2:15: strings.nav_overview has no {plan} (it takes no placeholders), got \"Start {plan}\"",
                "i18n/it.yaml:1:1: \"it\" is not one of the site's languages (site.yaml languages: en, de)",
            ])
    }

    func testLanguagesAreCheckedWhereWritten() throws {
        let r = build(try site(languages: "  - {code: en, name: English, locale: en}\n  - {code: plans, name: X, locale: de}\n  - {code: en, name: E, locale: \"de DE\"}\n"))
        XCTAssertEqual(
            errors(r),
            [
                // A code is 2–3 letters (and subtags), so it never names an output folder.
                "site.yaml:11:12: code must be a language code of lowercase letters like de or pt-br, got \"plans\"",
                "site.yaml:12:12: language \"en\" is listed twice",
                "site.yaml:12:33: locale must be a BCP 47 tag like de-DE or fr, got \"de DE\"",
            ])
    }

    func testGermanPagesSpeakGermanWithCLDRForms() throws {
        let r = build(try site(["i18n/de.yaml": "nav_status: Betriebsstatus\n"]))
        XCTAssertTrue(r.succeeded, "\(r.diagnostics)")
        let page = try text(r, "de/plans/pro/api/index.html")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"de-DE\">"))
        // The shipped table, the site's own i18n override, and CLDR's month names and percent.
        XCTAssertTrue(page.contains("<h2 id=\"credits\">Gutschriften</h2>") || page.contains(">Gutschriften</h2>"))
        XCTAssertTrue(page.contains(">Betriebsstatus</a>"))
        XCTAssertTrue(page.contains("Oktober 2026"))
        XCTAssertTrue(page.contains("99,9\u{00A0}% monatliche Verfügbarkeit"))
        // The English page keeps site.yaml's wording and the English forms.
        let en = try text(r, "plans/pro/api/index.html")
        XCTAssertTrue(en.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(en.contains("99.9% monthly uptime") && en.contains(">Status</a>"))
        // Untranslated content files fall back to English, and check says so once per language.
        XCTAssertTrue(r.diagnostics.contains { $0.severity == .warning && $0.message.contains("have no de translation") })
    }
}
