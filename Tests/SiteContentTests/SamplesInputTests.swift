import Foundation
import SLACore
import SiteContent
import XCTest

/// Issue 15: `content/status/samples/<service>.csv` and the `downtime` term, as read.
final class SamplesInputTests: XCTestCase {
    let path = "content/status/samples/api.csv"

    /// The fixture with plan `pro` measuring `api` by samples.
    func fixture(_ csv: String?) -> SiteFixture {
        var f = SiteFixture()
        f["content/plans/pro.md"] = """
            ---
            title: Pro
            summary: For production.
            uptime: 99.9
            services:
              api:
                downtime: {source: samples, interval: 5, error_rate_above: 5}
              db: {}
            ---

            """
        f[path] = csv
        return f
    }

    func testAGoodFileInAnyOrderWithCommentsCRLFAndOffsets() throws {
        let csv = "\u{FEFF}start,total,errors\r\n# exported 2026-11-01\r\n2026-10-01T00:05:00Z,100,3\r\n\r\n 2026-10-01T02:00:00+02:00 , 50 , 0 \r\n2026-10-01 00:10:00.000z,7,7\r\n"
        let parsed = fixture(csv).parse()
        XCTAssertEqual(parsed.diagnostics, [])
        let site = try XCTUnwrap(parsed.site)
        // 02:00+02:00 is 00:00Z: first once sorted.
        XCTAssertEqual(
            site.samples["api"]!.rows,
            [
                SampleRow(start: Instant(seconds: 1_790_812_800), total: 50, errors: 0),
                SampleRow(start: Instant(seconds: 1_790_813_100), total: 100, errors: 3),
                SampleRow(start: Instant(seconds: 1_790_813_400), total: 7, errors: 7),
            ])
        XCTAssertEqual(Instant(seconds: 1_790_812_800).rfc3339, "2026-10-01T00:00:00Z")
        let rule = site.terms(plan: site.plans[0], service: "api").downtime
        XCTAssertEqual(rule, .samples(SampleRule(interval: 5, method: .badIntervals, errorRateAbove: 5, minRequests: 1, minConsecutive: 1)))
        XCTAssertEqual(site.terms(plan: site.plans[0], service: "db").downtime, .incidents)
    }

    func testEveryBadRowIsReportedAtOnceWithItsLineAndColumn() {
        let csv = """
            start,total,errors
            2026-10-01T00:00:00Z,100,3
            2026-10-01T00:01:00,100,3
            2026-10-01T00:02:00Z,-5,0
            2026-10-01T00:03:00Z,10,1.5
            2026-10-01T00:04:00Z,10,11
            2026-10-01T00:00:00Z,100,4
            2026-13-01T00:00:00Z,1,1
            yesterday,1,1
            2026-10-01T00:06:00Z,1
            2026-10-01T00:07:00.5Z,1,0

            """
        XCTAssertEqual(
            fixture(csv).messages(),
            [
                "content/status/samples/api.csv:3:1: start needs Z or an offset such as +02:00 (samples are not read in the site zone), got \"2026-10-01T00:01:00\"",
                "content/status/samples/api.csv:4:22: total must not be negative, got \"-5\"",
                "content/status/samples/api.csv:5:25: errors must be a whole number of requests, got \"1.5\"",
                "content/status/samples/api.csv:6:25: errors (11) must not exceed total (10) requests",
                "content/status/samples/api.csv:7:1: a second row for 2026-10-01T00:00:00Z (the first is on line 2): each interval start once",
                "content/status/samples/api.csv:8:1: start is not a real date and time, got \"2026-13-01T00:00:00Z\"",
                "content/status/samples/api.csv:9:1: start must be an ISO 8601 time with Z or an offset, like 2026-10-01T00:00:00Z, got \"yesterday\"",
                "content/status/samples/api.csv:10:1: expected 3 fields (start,total,errors), got 2",
                "content/status/samples/api.csv:11:1: start must be a whole second (samples start on whole seconds), got \"2026-10-01T00:07:00.5Z\"",
            ])
    }

    func testABadHeader() {
        XCTAssertEqual(
            fixture("time,requests,errors\n2026-10-01T00:00:00Z,1,0\n").messages(),
            ["content/status/samples/api.csv:1:1: the header must be \"start,total,errors\", got \"time,requests,errors\""])
    }

    func testAFileForAnUnknownServiceIsAnErrorAndOneNoPlanReadsIsAWarning() {
        var f = fixture("start,total,errors\n")
        f["content/status/samples/apl.csv"] = "start,total,errors\n"
        f["content/status/samples/db.csv"] = "start,total,errors\n"
        XCTAssertEqual(
            f.messages(),
            [
                "content/status/samples/apl.csv:1:1: unknown service \"apl\": a samples file is named by the service it measures, and there is no content/services/apl.md (did you mean \"api\"?)"
            ])
        f["content/status/samples/apl.csv"] = nil
        XCTAssertEqual(
            f.messages(),
            [
                "content/status/samples/db.csv:1:1: warning: no plan measures db by request samples (downtime: {source: samples}), so this file is not read"
            ])
    }

    func testAPlanMeasuringByMissingSamplesIsWarned() {
        XCTAssertEqual(
            fixture(nil).messages(),
            [
                "content/plans/pro.md:1:1: warning: plan pro measures api by request samples, but there is no content/status/samples/api.csv: every interval has no requests, so no Downtime"
            ])
    }

    func testTheDowntimeTermIsChecked() {
        var f = fixture("start,total,errors\n")
        f["content/plans/pro.md"] = """
            ---
            title: Pro
            summary: S
            downtime: {source: sample, interval: 7, method: errors, error_rate_above: 101, min_requests: 0, min_consecutive: 1.5, minimum: 1}
            services: {api: {downtime: {source: samples}}}
            ---

            """
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:4:20: source must be incidents, samples or samples_and_incidents, got \"sample\" (did you mean \"samples\"?)",
                "content/plans/pro.md:4:38: interval must be 1, 5, 10, 15 or 30 (minutes), got \"7\"",
                "content/plans/pro.md:4:49: method must be bad_intervals or error_rate, got \"errors\"",
                "content/plans/pro.md:4:75: error_rate_above must be a percentage between 0 and 100 (an interval with a higher error rate is bad), got \"101\"",
                "content/plans/pro.md:4:94: min_requests must be a whole number of requests between 1 and 1000000000, got \"0\"",
                "content/plans/pro.md:4:114: min_consecutive must be a whole number of intervals between 1 and 100000, got \"1.5\"",
                "content/plans/pro.md:4:119: unknown key \"minimum\" in downtime",
            ])
        f["content/plans/pro.md"] = """
            ---
            title: Pro
            summary: S
            downtime: {source: samples, method: error_rate, min_consecutive: 3}
            services: {api: {downtime: {source: incidents, interval: 5}}}
            ---

            """
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:4:66: warning: min_consecutive has no effect with method: error_rate (uptime is 100 − the mean error rate)",
                "content/plans/pro.md:5:58: warning: interval has no effect with source: incidents (Downtime then comes from the incidents)",
                "content/status/samples/api.csv:1:1: warning: no plan measures api by request samples (downtime: {source: samples}), so this file is not read",
            ])
    }

    func testBothSourcesTakeBadIntervalsOnly() throws {
        // docs/spec.md §3 Both sources: method bad_intervals only; error_rate beside it is an error where written.
        var f = fixture("start,total,errors\n")
        f["content/plans/pro.md"] = """
            ---
            title: Pro
            summary: S
            downtime: {source: samples_and_incidents, method: error_rate}
            services: {api: {}}
            ---

            """
        XCTAssertEqual(
            f.messages(),
            [
                "content/plans/pro.md:4:51: method error_rate cannot be used with source: samples_and_incidents: both sources count bad intervals (method: bad_intervals), use source: samples for the mean error rate"
            ])
        // Without it the rule resolves, with docs/spec.md §2's defaults, and the samples file is read.
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\ndowntime: {source: samples_and_incidents, error_rate_above: 5}\nservices: {api: {}}\n---\n"
        let parsed = f.parse()
        XCTAssertEqual(parsed.diagnostics, [])
        let site = try XCTUnwrap(parsed.site)
        XCTAssertEqual(
            site.terms(plan: site.plans[0], service: "api").downtime,
            .samplesAndIncidents(SampleRule(interval: 1, method: .badIntervals, errorRateAbove: 5, minRequests: 1, minConsecutive: 1)))
    }

    func testTheDowntimeTermMergesKeyByKeyAcrossLevels() throws {
        var f = fixture("start,total,errors\n")
        f["site.yaml"] = "title: T\nprovider: P\nbase_url: https://t.example/\ndefaults:\n  downtime: {source: samples, interval: 5, min_requests: 100}\n"
        f["content/plans/pro.md"] = "---\ntitle: Pro\nsummary: S\ndowntime: {error_rate_above: 10}\nservices:\n  api: {downtime: {min_consecutive: 3}}\n  db: {downtime: {source: incidents}}\n---\n"
        let site = try XCTUnwrap(f.parse().site)
        XCTAssertEqual(
            site.terms(plan: site.plans[0], service: "api").downtime,
            .samples(SampleRule(interval: 5, method: .badIntervals, errorRateAbove: 10, minRequests: 100, minConsecutive: 3)))
        XCTAssertEqual(site.terms(plan: site.plans[0], service: "db").downtime, .incidents)
    }

    func testTheStreamingDecoderGivesTheSameAtAnyChunkSize() {
        // A file cut anywhere (inside a line, a CRLF, the BOM) decodes as the whole.
        var csv = "\u{FEFF}start,total,errors\r\n"
        for k in 0..<50 { csv += "2026-10-01T00:\(k < 10 ? "0" : "")\(k):00Z,\(k * 7),\(k % 5)\r\n" }
        csv += "2026-10-01T00:03:00Z,1,2"
        let bytes = Array(csv.utf8)
        let whole = SamplesDecoder.decode(bytes, file: path)
        XCTAssertEqual(whole.series.count, 50)
        XCTAssertEqual(whole.diagnostics.map(\.description), [
            "content/status/samples/api.csv:52:24: errors (2) must not exceed total (1) requests"
        ])
        for size in [1, 2, 3, 7, 64] {
            var decoder = SamplesDecoder(file: path)
            var i = 0
            while i < bytes.count {
                let piece = Array(bytes[i..<min(i + size, bytes.count)])
                piece.withUnsafeBufferPointer { decoder.feed($0) }
                i += size
            }
            XCTAssertEqual(decoder.finish(), whole, "chunks of \(size)")
        }
    }

    func testManyBadRowsAreCappedWithACount() {
        let csv = "start,total,errors\n" + String(repeating: "x,1,1\n", count: SamplesDecoder.maxErrors + 5)
        let d = SamplesDecoder.decode(Array(csv.utf8), file: path).diagnostics
        XCTAssertEqual(d.count, SamplesDecoder.maxErrors + 1)
        XCTAssertEqual(d.last?.description, "content/status/samples/api.csv:106:0: 5 more errors in this file are not listed")
    }
}
