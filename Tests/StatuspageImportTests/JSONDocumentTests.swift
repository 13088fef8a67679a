import Foundation
import XCTest

@testable import StatuspageImport

final class JSONDocumentTests: XCTestCase {
    func parse(_ text: String) -> Result<JSONNode, JSONSyntaxError> { JSONDocument.parse(Array(text.utf8)) }

    func testValuesKeepTheirLineAndColumn() throws {
        let text = "{\n  \"a\": [1, \"x\"],\n  \"é\": {\"b\": null}\n}"
        let root = try parse(text).get()
        XCTAssertEqual([root.line, root.column], [1, 1])
        let a = try XCTUnwrap(root["a"])
        // `[` is the 8th character of line 2: two spaces, "a" (3), ":" and a space.
        XCTAssertEqual([a.line, a.column], [2, 8])
        guard case let .array(items) = a.value else { return XCTFail("a is a list") }
        XCTAssertEqual([items[1].line, items[1].column], [2, 12])
        // Columns count characters, not bytes: "é" is two bytes but one column, so `null` is
        // the 14th: 2 spaces, `"é"` (3), `:`, space, `{`, `"b"` (3), `:`, space.
        let b = try XCTUnwrap(root["é"]?["b"])
        XCTAssertEqual([b.line, b.column], [3, 14])
        XCTAssertTrue(b.isNull)
    }

    func testStringsUnescapeAsJSONSerializationDoes() throws {
        // Escapes, a surrogate pair (U+1F600), raw UTF-8 and an escaped solidus.
        let inputs = [
            #"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00 ü", -0.5e+3, 0, true, false, null, {}]"#,
            #"{"nested": [[[]], {"k": "v"}], "n": 12345678901234}"#,
        ]
        for text in inputs {
            let ours = try parse(text).get()
            let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            // Both trees written back by the same serializer, keys sorted.
            let a = try JSONSerialization.data(withJSONObject: plain(ours), options: [.sortedKeys, .fragmentsAllowed])
            let b = try JSONSerialization.data(withJSONObject: theirs, options: [.sortedKeys, .fragmentsAllowed])
            XCTAssertEqual(String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self), text)
        }
    }

    func testStrictJSONIsRequiredWithThePlaceOfTheProblem() {
        let cases: [(String, Int, Int, String)] = [
            ("{\"a\": 1,}", 1, 9, "expected a key in double quotes"),
            ("[1, 2", 1, 6, "the file ends inside a list"),
            ("{\n  'a': 1}", 2, 3, "expected a key in double quotes"),
            ("[01]", 1, 2, "must not start with 0"),
            ("[\"a\nb\"]", 1, 4, "control character"),
            ("[\"\\ud83d\"]", 1, 3, "surrogate pair"),
            ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key \"a\""),
            ("[1] x", 1, 5, "after the JSON value"),
            ("// comment\n[]", 1, 1, "expected a value"),
        ]
        for (text, line, column, words) in cases {
            guard case let .failure(e) = parse(text) else {
                XCTFail("accepted \(text)")
                continue
            }
            XCTAssertEqual([e.line, e.column], [line, column], text)
            XCTAssertTrue(e.message.contains(words), "\(text): \(e.message)")
            // Foundation agrees, except that it lets a trailing comma and a repeated key pass.
            if !text.hasSuffix(",}") && !text.contains("\"a\": 2") {
                XCTAssertNil(try? JSONSerialization.jsonObject(with: Data(text.utf8)), text)
            }
        }
    }

    func testDeepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        guard case let .failure(e) = parse(text) else { return XCTFail("accepted") }
        XCTAssertTrue(e.message.contains("nested deeper than \(JSONDocument.maxDepth)"))
    }

    func testInvalidUTF8IsRefused() {
        guard case let .failure(e) = JSONDocument.parse([0x5B, 0x22, 0xFF, 0x22, 0x5D]) else { return XCTFail("accepted") }
        XCTAssertTrue(e.message.contains("UTF-8"))
    }

    /// Our tree as Foundation objects, to compare with JSONSerialization's.
    func plain(_ n: JSONNode) -> Any {
        switch n.value {
        case .null: return NSNull()
        case let .bool(b): return NSNumber(value: b)
        case let .number(x, text): return Int(text).map { NSNumber(value: $0) } ?? NSNumber(value: x)
        case let .string(s): return NSString(string: s)
        case let .array(items): return NSArray(array: items.map(plain))
        case let .object(pairs): return NSDictionary(dictionary: Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, plain($0.value)) }))
        }
    }
}
