import Foundation
import SLACore
import SiteBuild
@testable import SiteRender
import XCTest

/// Issue 23: a one-off build writes sla.json and claims.ics in pieces as they are made, never
/// whole in memory. The pieces joined must be the very bytes the in-memory build (check,
/// preview) makes.
final class StreamedFilesTests: XCTestCase {
    /// A document whose objects are made as they are written (`deferred`), in pieces of 40 bytes:
    /// several pieces, each ending right after a deferred value, joined the same as `bytes()`.
    func testDeferredValuesWriteTheSameBytesInPieces() {
        let record: @Sendable (Int) -> JSONValue = { k in
            .object([("id", .string("svc-\(k)")), ("months", .array([.object([("month", .string("2026-0\(k)")), ("uptime", .number(99.5))])]))])
        }
        let made: JSONValue = .object([("title", .string("T")), ("services", .array((1...4).map(record)))])
        let deferred: JSONValue = .object([("title", .string("T")), ("services", .array((1...4).map { k in .deferred { record(k) } }))])
        var pieces: [[UInt8]] = []
        deferred.write(pieces: 40) { pieces.append($0) }
        XCTAssertEqual(pieces.flatMap { $0 }, made.bytes())
        // Four deferred objects, each well over 40 bytes: a piece after each, then the rest.
        XCTAssertEqual(pieces.count, 5)
        XCTAssertTrue(pieces.dropLast().allSatisfy { $0.count >= 40 })
        XCTAssertEqual(deferred.bytes(), made.bytes())
        XCTAssertEqual(deferred, made)
    }

    /// claims.ics in pieces of 256 bytes, joined, is `ClaimsCalendar.bytes` (example site).
    func testClaimsCalendarInPiecesIsTheWholeCalendar() throws {
        let result = try PageTestSupport.build(".")
        let site = try XCTUnwrap(result.site)
        let context = RenderContext(site: site, figures: try XCTUnwrap(result.figures))
        let whole = ClaimsCalendar.bytes(context)
        var pieces: [[UInt8]] = []
        ClaimsCalendar.write(context, pieces: 256) { pieces.append($0) }
        XCTAssertGreaterThan(pieces.count, 3, "the example has several levels with claim deadlines")
        XCTAssertEqual(pieces.flatMap { $0 }, whole)
        XCTAssertTrue(String(decoding: whole, as: UTF8.self).contains("BEGIN:VEVENT"))
    }

    /// The files a one-off build streams (sla.json, claims.ics of every language) equal the
    /// in-memory build's, and every other file still goes through `emit`.
    func testStreamedFilesEqualTheInMemoryBuild() throws {
        for source in [".", "Tests/Fixtures/basic", "Tests/Fixtures/feeds"] {
            let result = try PageTestSupport.build(source)
            let inMemory = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
            let renderer = SiteRenderer(site: try XCTUnwrap(result.site), figures: try XCTUnwrap(result.figures))
            let emitted = LockedBytes()
            let streamed = LockedBytes()
            let paths = try renderer.render(
                emit: { emitted.append($0.path, $0.bytes) },
                pieces: { path, make in make { streamed.append(path, $0) } })
            XCTAssertEqual(paths, inMemory.keys.sorted(), source)
            let streamedFiles = streamed.files
            XCTAssertTrue(streamedFiles.keys.contains("sla.json"), source)
            XCTAssertTrue(streamedFiles.keys.contains("claims.ics"), source)
            XCTAssertTrue(Set(streamedFiles.keys).isDisjoint(with: emitted.files.keys), source)
            for (path, bytes) in streamedFiles.merging(emitted.files, uniquingKeysWith: { a, _ in a }) {
                XCTAssertEqual(bytes, inMemory[path], "\(source): \(path)")
            }
        }
    }
}

/// Bytes appended by path from several threads.
private final class LockedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: [UInt8]] = [:]

    func append(_ path: String, _ bytes: [UInt8]) {
        lock.lock()
        byPath[path, default: []] += bytes
        lock.unlock()
    }

    var files: [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return byPath
    }
}
