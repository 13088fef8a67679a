import SLACore
import Foundation
import PrometheusImport
import XCTest

final class AtomicFileTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("slasite-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testWritesTheFileAndItsFolderAndLeavesNoTemporaryFile() throws {
        let root = try folder()
        let url = root.appendingPathComponent("content/status/samples/api.csv")
        try AtomicFile.write(Array("start,total,errors\n".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "start,total,errors\n")
        try AtomicFile.write(Array("start,total,errors\nx\n".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "start,total,errors\nx\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["api.csv"])
    }

    func testAFailedWriteLeavesTheOldFile() throws {
        let root = try folder()
        let url = root.appendingPathComponent("api.csv")
        try AtomicFile.write(Array("old\n".utf8), to: url)
        // A folder in the file's place: the rename fails, and the temporary file is removed.
        let blocked = root.appendingPathComponent("blocked.csv")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Array("new\n".utf8), to: blocked))
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["api.csv", "blocked.csv"])
    }
}

final class SamplesFileTests: XCTestCase {
    let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T01:00:00Z"), interval: SampleInterval(minutes: 1)!)
    let rows = [SamplesTable.Row(start: at("2026-10-01T00:04:00Z"), total: 3, errors: 0)]

    private func place() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("slasite-samples-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root.appendingPathComponent("content/status/samples/api.csv")
    }

    func testWrittenThenUnchangedWithoutTouchingTheFile() throws {
        let url = try place()
        let first = try SamplesFile.read(at: url, displayPath: "api.csv").get()
        XCTAssertEqual(try first.write(merging: rows, in: range), .written(.init(added: 1)))
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "start,total,errors\n2026-10-01T00:04:00Z,3,0\n")
        let stamp = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        let second = try SamplesFile.read(at: url, displayPath: "api.csv").get()
        XCTAssertEqual(try second.write(merging: rows, in: range), .unchanged(.init(replaced: 1)))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date, stamp)
    }

    func testNoFileIsMadeForARangeWithoutRequests() throws {
        let url = try place()
        XCTAssertEqual(try SamplesFile.read(at: url, displayPath: "api.csv").get().write(merging: [], in: range), .notCreated)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path))
    }

    func testABadFileComesBackAsItsDiagnostics() throws {
        let url = try place()
        try AtomicFile.write(Array("start,total,errors\n2026-10-01T00:04:00Z,3,4\n".utf8), to: url)
        guard case let .failure(unreadable) = SamplesFile.read(at: url, displayPath: "api.csv") else { return XCTFail("read a bad file") }
        XCTAssertEqual(unreadable.diagnostics.map { "\($0.file):\($0.line):\($0.column)" }, ["api.csv:2:24"])
    }
}
