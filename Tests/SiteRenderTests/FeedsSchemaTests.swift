import Foundation
import SLACore
@testable import SiteRender
import XCTest

/// Walks `/sla.json` beside its schema: every key SLAJSON writes must be described, and every
/// key the schema requires must be written.
final class FeedsSchemaTests: XCTestCase {
    func testSchemaDescribesEverythingSLAJSONWrites() throws {
        // Support and termination set so no branch of the document is null.
        let support = SupportTerms(hours: .allHours, response: [(severity: "critical", time: ResponseTime(parsing: "10m")!)])
        let revision = Revision(date: LocalDateTime(year: 2026, month: 10, day: 15, isDateOnly: true), note: "n")
        let site = FeedsTestSupport.site(revisions: [revision], support: support, termination: 2)
        let context = FeedsTestSupport.context(site)
        let document = SLAJSON.document(site: site, figures: context.figures, urls: context.urls)
        let schema = SLASchema.document(urls: context.urls)
        let defs = try XCTUnwrap(schema["$defs"])
        var visited = 0
        check(document, against: schema, defs: defs, path: "$", visited: &visited)
        XCTAssertGreaterThan(visited, 10)
    }

    /// Issue 16: an incident's status and updates are described too.
    func testSchemaDescribesIncidentUpdates() throws {
        var outage = FeedsTestSupport.incident("api-outage", .major, "2026-10-20T00:00:00Z", "2026-10-20T08:00:00Z")
        outage.updates = [IncidentUpdate(at: FeedsTestSupport.at("2026-10-20T00:10:00Z"), status: .identified, note: "n")]
        let site = FeedsTestSupport.site(incidents: [outage])
        let context = FeedsTestSupport.context(site)
        let document = SLAJSON.document(site: site, figures: context.figures, urls: context.urls)
        let schema = SLASchema.document(urls: context.urls)
        var visited = 0
        check(document, against: schema, defs: try XCTUnwrap(schema["$defs"]), path: "$", visited: &visited)
        let parsed = try XCTUnwrap(JSONValue.parsed(document.bytes()))
        guard case let .array(incidents)? = parsed["incidents"], case let .array(updates)? = incidents.first?["updates"] else {
            return XCTFail("no updates written")
        }
        XCTAssertEqual(updates.count, 1)
    }

    func testSchemaHeader() {
        let schema = SLASchema.document(urls: SiteURLs(baseURL: "https://sla.example.com/"))
        XCTAssertEqual(schema["$schema"], .string("https://json-schema.org/draft/2020-12/schema"))
        XCTAssertEqual(schema["$id"], .string("https://sla.example.com/sla.schema.json"))
    }

    private func check(_ value: JSONValue, against schema: JSONValue, defs: JSONValue, path: String, visited: inout Int) {
        if case let .string(ref)? = schema["$ref"] {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let target = defs[name] else { return XCTFail("\(path): unknown $ref \(ref)") }
            return check(value, against: target, defs: defs, path: path, visited: &visited)
        }
        if case let .array(options)? = schema["anyOf"] {
            if value == .null { return }
            let nonNull = options.filter { $0 != .object([("type", .string("null"))]) }
            XCTAssertEqual(nonNull.count, 1, path)
            return check(value, against: nonNull[0], defs: defs, path: path, visited: &visited)
        }
        switch value {
        case let .object(pairs):
            guard case let .object(properties)? = schema["properties"] else {
                XCTAssertNotNil(schema["additionalProperties"], "\(path): object without properties")
                return
            }
            visited += 1
            let described = Set(properties.map(\.0))
            let written = Set(pairs.map(\.0))
            XCTAssertEqual(written.subtracting(described), [], "\(path): keys missing from the schema")
            if case let .array(required)? = schema["required"] {
                let names = Set(required.compactMap { if case let .string(s) = $0 { s } else { nil } })
                XCTAssertEqual(names.subtracting(written), [], "\(path): required keys not written")
            }
            for (key, child) in pairs {
                if let sub = properties.first(where: { $0.0 == key })?.1 {
                    check(child, against: sub, defs: defs, path: "\(path).\(key)", visited: &visited)
                }
            }
        case let .array(items):
            XCTAssertEqual(schema["type"], .string("array"), path)
            guard let itemSchema = schema["items"] else { return XCTFail("\(path): array without items") }
            for (k, item) in items.enumerated() {
                check(item, against: itemSchema, defs: defs, path: "\(path)[\(k)]", visited: &visited)
            }
        case .string:
            if let type = schema["type"] { XCTAssertEqual(type, .string("string"), path) }
        case let .number(x):
            let type = schema["type"]
            XCTAssertTrue(type == .string("number") || (type == .string("integer") && x == x.rounded()), path)
        case .bool:
            XCTAssertEqual(schema["type"], .string("boolean"), path)
        case .null:
            XCTFail("\(path): null where the schema does not allow it")
        case let .raw(bytes):
            // Written directly (a month line, or a preview cache's piece): check what it parses to.
            guard let parsed = JSONValue.parsed(bytes) else { return XCTFail("\(path): pre-serialized JSON does not parse") }
            check(parsed, against: schema, defs: defs, path: path, visited: &visited)
        case let .deferred(make):
            // Made when written (a one-off build's service and incident objects): check what it makes.
            check(make(), against: schema, defs: defs, path: path, visited: &visited)
        }
    }
}

extension JSONValue {
    /// `bytes` read back with Foundation's JSON decoder (object keys sorted).
    fileprivate static func parsed(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(ParsedJSON.self, from: Data(bytes)).value
    }

    /// The value of `key` in an object.
    fileprivate subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }
}

/// Any JSON value, decoded strictly (a boolean is never a number).
private struct ParsedJSON: Decodable {
    let value: JSONValue

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            value = .null
        } else if let b = try? c.decode(Bool.self) {
            value = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            value = .number(n)
        } else if let s = try? c.decode(String.self) {
            value = .string(s)
        } else if let a = try? c.decode([ParsedJSON].self) {
            value = .array(a.map(\.value))
        } else {
            let d = try c.decode([String: ParsedJSON].self)
            value = .object(d.keys.sorted().map { ($0, d[$0]!.value) })
        }
    }
}
