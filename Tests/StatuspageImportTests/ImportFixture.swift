import Foundation
import SLACore
import SiteContent
import XCTest

@testable import StatuspageImport
import SiteRender

/// The fixture site and exports under Tests/Fixtures/statuspage, as the command reads them.
struct ImportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/statuspage")

    var site: [SourceFile]

    init() throws {
        site = try SiteLoader.load(root: Self.folder.appendingPathComponent("site", isDirectory: true))
    }

    static func export(_ name: String) throws -> (name: String, bytes: [UInt8]) {
        (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
    }

    static let all = ["incidents.json", "scheduled-maintenances.json", "single-incident.json"]

    func plan(_ names: [String] = all) throws -> StatuspageImportPlan {
        try plan(names.map(Self.export))
    }

    func plan(_ exports: [(name: String, bytes: [UInt8])]) -> StatuspageImportPlan {
        StatuspageImporter.plan(StatuspageImportRequest(exports: exports, site: site))
    }

    /// The site with the plan's files written.
    mutating func apply(_ plan: StatuspageImportPlan) {
        for w in plan.writes {
            site.removeAll { $0.path == w.path }
            site.append(SourceFile(path: w.path, text: w.text))
        }
    }

    /// The site's incidents as the real decoder reads them, by file id.
    func incidents() throws -> [String: Incident] {
        let parsed = SiteParser.parse(site, options: .standard())
        XCTAssertEqual(parsed.diagnostics.errors, [])
        let site = try XCTUnwrap(parsed.site)
        return Dictionary(uniqueKeysWithValues: site.incidents.map { ($0.id, $0) })
    }

    func file(_ path: String) -> String? {
        site.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}

/// `2026-10-12T13:58:00Z` as an instant.
func utc(_ text: String) -> Instant {
    SiteCalendar(timeZone: TimeZone(identifier: "UTC")!).instant(LocalDateTime(iso8601: text)!)
}
