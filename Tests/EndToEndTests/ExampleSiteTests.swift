import Foundation
import XCTest

/// The example site's credits against the hand computation in docs/example-credits.md.
final class ExampleSiteTests: XCTestCase {
    func testExampleSiteOwesExactlyTheHandCheckedCredits() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("slasite-example-\(UUID().uuidString)")
        let r = try Slasite.run(["build", "--source", Slasite.repoRoot.path, "--output", out.path, "--now", "2026-11-24T00:00:00Z"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "", "the example site builds without warnings")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("sla.json"))) as? [String: Any])
        var owed: [String] = []
        for plan in try XCTUnwrap(doc["plans"] as? [[String: Any]]) {
            for service in try XCTUnwrap(plan["services"] as? [[String: Any]]) {
                for m in try XCTUnwrap(service["months"] as? [[String: Any]]) where (m["credit"] as? Double ?? 0) > 0 {
                    owed.append("\(plan["id"]!) \(service["id"]!) \(m["month"]!) \(m["uptime"]!) \(m["credit"]!)")
                }
            }
        }
        // docs/example-credits.md, "Credit rows".
        XCTAssertEqual(
            owed.sorted(),
            [
                "business compute 2026-05 99.832 10",
                "business managed-database 2026-06 99.76 10",
                "business object-storage 2026-03 98.939 25",
                "enterprise compute 2026-04 99.907 10",
                "enterprise compute 2026-05 99.832 10",
                "enterprise compute 2026-08 99.933 10",
                "enterprise dns 2026-02 99.982 10",
                "enterprise dns 2026-10 99.973 10",
                "enterprise managed-database 2026-06 99.76 10",
                "enterprise object-storage 2026-03 98.939 25",
            ])
    }
}
