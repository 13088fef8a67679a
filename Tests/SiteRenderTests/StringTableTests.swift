import SLACore
import XCTest

@testable import SiteRender

/// The strings table's storage and filling (issue 23: both run for most figures of every page).
final class StringTableTests: XCTestCase {
    /// Every id reads its own slot: an override for each id, each with its own text, comes back
    /// under that id and no other (the table finds a slot from the id's position, not a hash).
    func testEveryIdHasItsOwnSlot() {
        let all = StringID.allCases
        var overrides: [StringID: String] = [:]
        for (k, id) in all.enumerated() { overrides[id] = "text \(k)" }
        let table = StringTable(overrides: overrides)
        for (k, id) in all.enumerated() { XCTAssertEqual(table[id], "text \(k)", id.rawValue) }
        let defaults = StringTable()
        for id in all { XCTAssertEqual(defaults[id], id.defaultText, id.rawValue) }
    }

    /// Placeholders are filled where the values know them; anything else is kept as written.
    func testFillReplacesKnownPlaceholdersAndKeepsTheRest() {
        let table = StringTable(overrides: [
            .footerPublished: "{provider} – {provider}, {unknown}, {pro{provider}}, {}, {provider",
            .navOverview: "Übersicht {x} ✓",
        ])
        XCTAssertEqual(
            table(.footerPublished, ["provider": "Nimbus é"]),
            "Nimbus é – Nimbus é, {unknown}, {proNimbus é}, {}, {provider")
        XCTAssertEqual(table(.navOverview, ["y": "1"]), "Übersicht {x} ✓")
        XCTAssertEqual(table(.navOverview), "Übersicht {x} ✓")
        XCTAssertEqual(table(.footerPublished, ["provider": "{provider}"]), "{provider} – {provider}, {unknown}, {pro{provider}}, {}, {provider")
    }

    /// The plural form is chosen by the count and `{n}` is filled with it.
    func testPluralFillsTheCount() {
        XCTAssertEqual(StringTable().plural(1, one: .responseMinutesOne, other: .responseMinutesOther), StringID.responseMinutesOne.defaultText.replacingOccurrences(of: "{n}", with: "1"))
        XCTAssertEqual(StringTable().plural(15, one: .responseMinutesOne, other: .responseMinutesOther), StringID.responseMinutesOther.defaultText.replacingOccurrences(of: "{n}", with: "15"))
    }

    func testResponseTimesInWords() {
        XCTAssertEqual(ResponseTime(parsing: "immediate")?.phrase(StringTable()), "immediately")
        XCTAssertEqual(ResponseTime(parsing: "10m")?.phrase(StringTable()), "within 10 minutes")
        XCTAssertEqual(ResponseTime(parsing: "1h")?.phrase(StringTable()), "within 1 hour")
        XCTAssertEqual(ResponseTime(parsing: "48h")?.phrase(StringTable()), "within 48 hours")
        XCTAssertEqual(ResponseTime(parsing: "1 business day")?.phrase(StringTable()), "within 1 business day")
    }
}
