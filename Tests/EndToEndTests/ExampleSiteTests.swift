import Foundation
import XCTest

/// The example site's credits against the hand computation in docs/example-credits.md.
final class ExampleSiteTests: XCTestCase {
    func testExampleSiteOwesExactlyTheHandCheckedCredits() throws {
        let out = Slasite.scratch("example")
        let r = try Slasite.run(["build", "--source", Slasite.repoRoot.path, "--output", out.path, "--now", "2026-11-24T00:00:00Z"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Its only warnings: the content files it has not translated into German and French,
        // which show in English there (docs/spec.md §2 Translations; --strict would fail).
        let warnings = r.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        XCTAssertEqual(warnings.count, 2, r.stderr)
        XCTAssertTrue(warnings.allSatisfy { $0.contains("content files have no de translation") || $0.contains("content files have no fr translation") }, r.stderr)
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
                "enterprise object-storage 2026-10 99.933 10",
            ])
    }

    /// Enterprise measures Object Storage by request samples from September 2026 (S3 style:
    /// 100 − the mean error rate of five-minute intervals); docs/example-credits.md, "Object
    /// Storage by request samples".
    func testEnterpriseObjectStorageIsJudgedByItsSamplesFromSeptember() throws {
        let out = Slasite.scratch("example")
        let r = try Slasite.run(["build", "--source", Slasite.repoRoot.path, "--output", out.path, "--now", "2026-11-24T00:00:00Z"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("sla.json"))) as? [String: Any])
        let plans = try XCTUnwrap(doc["plans"] as? [[String: Any]])
        let enterprise = try XCTUnwrap(plans.first { $0["id"] as? String == "enterprise" })
        let services = try XCTUnwrap(enterprise["services"] as? [[String: Any]])
        let storage = try XCTUnwrap(services.first { $0["id"] as? String == "object-storage" })
        let rule = try XCTUnwrap(storage["downtime"] as? [String: Any])
        XCTAssertEqual(rule["source"] as? String, "samples")
        XCTAssertEqual(rule["method"] as? String, "error_rate")
        XCTAssertEqual(rule["interval"] as? Double, 5)
        let months = Dictionary(
            uniqueKeysWithValues: try XCTUnwrap(storage["months"] as? [[String: Any]]).map { ($0["month"] as! String, $0) })
        // August is still judged by incidents (none): 100.
        XCTAssertEqual(months["2026-08"]?["source"] as? String, "incidents")
        // September: 8 640 intervals; rows 1/5000, 2/5000, 0/5000 … (0.02 % each per error),
        // 30 errors in all: 0.6 / 8 640 = 0.0000694 % → 99.99993 → 100.000; downtime 0.03 → 0.0.
        XCTAssertEqual(months["2026-09"]?["source"] as? String, "samples")
        XCTAssertEqual(months["2026-09"]?["uptime"] as? Double, 100)
        // October (44 700 min, 8 940 intervals): 31 × 0.02 + (20 + 45 + 75 + 100 + 100 + 100 +
        // 90 + 50 + 15) = 595.62 points; mean 0.066624… % → 99.93338 → 99.933, below 99.95:
        // credit 10; downtime 5.9562 × 5 = 29.781 → 29.8.
        XCTAssertEqual(months["2026-10"]?["uptime"] as? Double, 99.933)
        XCTAssertEqual(months["2026-10"]?["downtime_minutes"] as? Double, 29.8)
        XCTAssertEqual(months["2026-10"]?["met"] as? Bool, false)
        XCTAssertEqual(months["2026-10"]?["credit"] as? Double, 10)
        // November so far: 6 624 ended intervals; 23 × 0.02 + 10 × 5 = 50.46 points; mean
        // 0.0076178 % → 99.992; downtime 0.5046 × 5 = 2.523 → 2.5. The partial incident of
        // 10 November no longer counts here (it still does on Business).
        XCTAssertEqual(months["2026-11"]?["uptime"] as? Double, 99.992)
        XCTAssertEqual(months["2026-11"]?["downtime_minutes"] as? Double, 2.5)
        XCTAssertEqual(months["2026-11"]?["elapsed_minutes"] as? Double, 33_120)
    }
}
