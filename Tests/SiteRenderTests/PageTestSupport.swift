import Foundation
import SLACore
import SiteBuild
import SiteContent
@testable import SiteRender
import XCTest

/// Builds whole sites in memory for the page tests.
enum PageTestSupport {
    /// The repository root (this file is Tests/SiteRenderTests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The reference time of every test build.
    static let now = Instant(seconds: 1_795_478_400)  // 2026-11-24T00:00:00Z

    /// Renders the site at `source` (relative to the repository root) without writing it.
    static func build(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> BuildResult {
        let result = BuildPipeline().run(BuildRequest(source: root.appendingPathComponent(source), output: nil, now: now))
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertTrue(errors.isEmpty, "build failed: \(errors)", file: file, line: line)
        return result
    }

    /// The output files by path, as text.
    static func texts(_ files: [OutputFile]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// Every value of `attribute="…"` in `html`.
    static func attributes(_ attribute: String, in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        let marker = " \(attribute)=\""
        while let r = rest.range(of: marker) {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]))
            rest = after[end...]
        }
        return out
    }

    /// Number of non-overlapping occurrences of `needle`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
