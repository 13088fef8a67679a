import SLACore
import XCTest

@testable import SiteRender

/// docs/spec.md §2: slasite ships complete `de` and `fr` tables.
final class ShippedStringsTests: XCTestCase {
    func testEachTableIsCompleteAndKeepsEveryPlaceholder() {
        for (name, texts) in [("de", ShippedStrings.deTexts), ("fr", ShippedStrings.frTexts)] {
            XCTAssertEqual(Set(texts.keys).subtracting(StringID.allCases.map(\.rawValue)), [], "\(name): keys that name no string")
            for id in StringID.allCases {
                guard let text = texts[id.rawValue] else {
                    XCTFail("\(name) has no \(id.rawValue)")
                    continue
                }
                let problems = StringTable.problems(id: id, text: text)
                XCTAssertNil(problems.error, "\(name): \(problems.error ?? "")")
                XCTAssertNil(problems.warning, "\(name): \(problems.warning ?? "")")
            }
        }
    }

    /// The shipped tables take each term's German and French from its description.
    func testTheTablesHoldTheTermsWords() throws {
        let german = try XCTUnwrap(ShippedStrings.overrides(for: Language(code: "de", name: "Deutsch", locale: "de")))
        let french = try XCTUnwrap(ShippedStrings.overrides(for: Language(code: "fr", name: "Français", locale: "fr")))
        for word in TermWords.all {
            XCTAssertEqual(german.words[word.id], word.de)
            XCTAssertEqual(french.words[word.id], word.fr)
        }
        XCTAssertEqual(german.words["term_credit_cap"], "Höchstbetrag der Gutschrift")
    }

    func testALanguageIsMatchedByCodeThenLocale() {
        XCTAssertEqual(ShippedStrings.overrides(for: Language(code: "de", name: "Deutsch", locale: "de-AT"))?.texts[.navOverview], "Übersicht")
        XCTAssertEqual(ShippedStrings.overrides(for: Language(code: "ch", name: "Français", locale: "fr-CH"))?.texts[.navOverview], "Vue d’ensemble")
        XCTAssertNil(ShippedStrings.overrides(for: Language(code: "it", name: "Italiano", locale: "it-IT")))
    }

    func testAnotherLanguageFallsBackToTheDefaultLanguageStringByString() {
        var config = SiteConfig(title: "T", provider: "P", baseURL: "https://x.example/")
        config.languages = [.english, Language(code: "it", name: "Italiano", locale: "it")]
        config.strings = WrittenStrings(texts: ["nav_status": "Live status"])
        config.i18n = ["it": WrittenStrings(texts: ["nav_overview": "Panoramica"])]
        let it = LanguageStrings.table(for: 1, of: config)
        XCTAssertEqual(it[.navOverview], "Panoramica")
        XCTAssertEqual(it[.navStatus], "Live status")  // the default language's, override included
        // Every id but nav_overview, the terms' words included (none of them has an Italian text).
        XCTAssertEqual(LanguageStrings.untranslated(1, of: config).count, StringTable.ids.count - 1)
        XCTAssertEqual(StringTable.ids.count, StringID.allCases.count + TermWords.all.count)
        XCTAssertTrue(LanguageStrings.untranslated(1, of: config).contains("term_credit_cap"))
    }
}
