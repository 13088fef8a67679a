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
