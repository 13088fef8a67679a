import Foundation
import XCTest

/// Runs the real `slasite` binary, as a user would.
enum Slasite {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var fixtures: URL { repoRoot.appendingPathComponent("Tests/Fixtures") }

    /// One folder for this run's scratch folders, removed when the test bundle finishes (an
    /// observer registered on first use), so runs leave nothing in the temporary folder.
    private static let scratchRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("slasite-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        XCTestObservationCenter.shared.addTestObserver(ScratchRemover(root: root))
        return root
    }()

    /// A new, not yet made path inside this run's scratch folder.
    static func scratch(_ prefix: String) -> URL {
        scratchRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    private final class ScratchRemover: NSObject, XCTestObservation {
        let root: URL
        init(root: URL) { self.root = root }
        func testBundleDidFinish(_ testBundle: Bundle) { try? FileManager.default.removeItem(at: root) }
    }

    /// The binary built next to the test bundle (`swift build --product slasite` before `swift test`).
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("slasite"),
            repoRoot.appendingPathComponent(".build/debug/slasite"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A fresh copy of a fixture site in a temporary folder.
    static func copyFixture(_ name: String) throws -> URL {
        let dir = scratch("fixture")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let dest = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: dest)
        return dest
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in e {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey])
            if values.isRegularFile == true {
                out[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
            }
        }
        return out
    }
}
