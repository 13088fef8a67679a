import BuildSupport
import Foundation
import SiteBuild
import SiteRender
import XCTest

/// The staging folder's page folders: made by each worker in a folder of its own and moved into
/// place (issue 23), so the output holds exactly the files written and nothing of the making.
final class StagingTests: XCTestCase {
    func testFoldersMadeFromManyThreadsLandInPlaceAndLeaveNothingBehind() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("slasite-staging-\(UUID().uuidString)")
        let source = root.appendingPathComponent("site"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        guard case let .success(permit) = OutputFolder.check(output, source: source) else { return XCTFail("refused") }
        let staging = try AtomicFolderWriter(permit: permit).begin()
        // 400 folders of their own under incidents/, and 5 shared plan folders that several
        // threads may make at the same moment (the one made first is kept), each holding 80.
        var expected: [String: [UInt8]] = [:]
        for i in 0..<400 {
            expected["incidents/i\(i)/index.html"] = Array("incident \(i)".utf8)
            expected["plans/p\(i % 5)/s\(i)/index.html"] = Array("service \(i)".utf8)
        }
        let paths = expected.keys.sorted()
        let files = paths.map { OutputFile(path: $0, bytes: expected[$0]!) }
        let failures = ParallelWork.map(files) { file -> String? in
            do { try staging.write(file) } catch { return "\(error)" }
            return nil
        }
        XCTAssertEqual(failures.compactMap { $0 }, [])
        try staging.commit()

        var found: [String: [UInt8]] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: output.path))
        while let rel = enumerator.nextObject() as? String {
            var isDir: ObjCBool = false
            let path = output.appendingPathComponent(rel).path
            XCTAssertTrue(FileManager.default.fileExists(atPath: path, isDirectory: &isDir))
            if !isDir.boolValue { found[rel] = Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        }
        XCTAssertEqual(found.removeValue(forKey: ".slasite-output") != nil, true)
        XCTAssertEqual(found, expected)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(), [".slasite-output", "incidents", "plans"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("plans").path).sorted(), ["p0", "p1", "p2", "p3", "p4"])
    }
}
