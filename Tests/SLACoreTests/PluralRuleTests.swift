import SLACore
import XCTest

/// CLDR plural rules for whole numbers (plurals.xml), by hand from the rules' text.
final class PluralRuleTests: XCTestCase {
    func testGermanOneIsOnlyOne() {
        let de = PluralRule(language: "de-DE")
        XCTAssertEqual(de, .oneOther)
        XCTAssertEqual([0, 1, 2, 5, 21, 101].map(de.category), [.other, .one, .other, .other, .other, .other])
    }

    func testFrenchCountsZeroAsOneAndMillionsAsMany() {
        let fr = PluralRule(language: "fr")
        // one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0 (integers).
        XCTAssertEqual([0, 1, 2, 1_000, 1_000_000, 2_000_000, 1_000_001].map(fr.category), [.one, .one, .other, .other, .many, .many, .other])
    }

    func testPolishHasFewAndMany() {
        let pl = PluralRule(language: "pl")
        // one: i = 1; few: i % 10 = 2..4 and i % 100 != 12..14; many: the rest (integers).
        XCTAssertEqual(
            [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 24, 25, 104, 112].map(pl.category),
            [.many, .one, .few, .few, .many, .many, .many, .many, .many, .few, .few, .many, .few, .many])
    }

    func testACountedStringTakesTheLanguagesForm() {
        // Polish: 1 miesiąc, 2–4 miesiące, 5 miesięcy (and 22 miesiące, 12 miesięcy).
        let pl = StringOverrides(
            texts: [.chartMissedOne: "{n} miesiąc", .chartMissedOther: "{n} miesiąca"],
            plurals: [.chartMissedOther: [.few: "{n} miesiące", .many: "{n} miesięcy"]])
        let table = StringTable(StringTable(), layers: [pl], rule: .polish)
        func say(_ n: Int) -> String { table.plural(n, one: .chartMissedOne, other: .chartMissedOther) }
        XCTAssertEqual([1, 2, 5, 12, 22].map(say), ["1 miesiąc", "2 miesiące", "5 miesięcy", "12 miesięcy", "22 miesiące"])
        // A language without the forms, or a table without them, falls back to `other`.
        let en = StringTable()
        XCTAssertEqual(en.plural(2, one: .chartMissedOne, other: .chartMissedOther), "2 final months missed the objective")
        let plWithoutForms = StringTable(StringTable(), layers: [], rule: .polish)
        XCTAssertEqual(plWithoutForms.plural(5, one: .chartMissedOne, other: .chartMissedOther), "5 final months missed the objective")
    }
}
