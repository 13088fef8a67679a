import SLACore
@testable import SiteRender
import XCTest

/// Issue 15: how Downtime is measured, in words, from the terms (the details page, the plan
/// page's change lines), for the four providers' rules.
final class DowntimeRuleTextTests: XCTestCase {
    func text(_ rule: SampleRule, excludeMaintenance: Bool = true) -> String? {
        PageFormat.downtimeRule(ResolvedTerms {
            $0.uptime = 99.9
            $0.excludeMaintenance = excludeMaintenance
            $0.downtime = .samples(rule)
        }, PageText())?
            .replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    func testEachProvidersRuleInWords() {
        // Google Cloud.
        XCTAssertEqual(
            text(SampleRule(errorRateAbove: 10, minRequests: 100, minConsecutive: 5)),
            "A minute counts as Downtime when more than 10% of requests fail, with at least 100 requests in the minute, in runs of at least 5 minutes. Monthly Downtime is the number of such minutes. Error rates come from request counts per minute; incidents do not count, and a minute that overlaps scheduled maintenance has none.")
        // Atlassian and GitHub, with maintenance counted.
        XCTAssertEqual(
            text(SampleRule(errorRateAbove: 5), excludeMaintenance: false),
            "A minute counts as Downtime when more than 5% of requests fail. Monthly Downtime is the number of such minutes. Error rates come from request counts per minute; incidents do not count.")
        // AWS S3.
        XCTAssertEqual(
            text(SampleRule(interval: 5, method: .errorRate)),
            "Monthly uptime is 100% minus the mean error rate of the month\u{2019}s 5-minute intervals. Error rates come from request counts per 5-minute interval; incidents do not count, and a 5-minute interval that overlaps scheduled maintenance has none.")
        // Any error, 15-minute intervals in runs of two.
        XCTAssertEqual(
            text(SampleRule(interval: 15, minConsecutive: 2), excludeMaintenance: false),
            "A 15-minute interval counts as Downtime when any request fails, in runs of at least 2 consecutive 15-minute intervals (30 minutes). Monthly Downtime is the number of such minutes (each such interval counts 15 minutes). Error rates come from request counts per 15-minute interval; incidents do not count.")
        XCTAssertNil(PageFormat.downtimeRule(ResolvedTerms { $0.uptime = 99.9 }, PageText()))
    }

    func testBothSourcesInWords() {
        // Issue 22 (docs/spec.md §3 Both sources): GitHub's "error rate above 5% in a minute or detected
        // unavailability"; the closing sentence says how a minute that is both counts.
        func both(_ rule: SampleRule, excludeMaintenance: Bool) -> String? {
            PageFormat.downtimeRule(
                ResolvedTerms {
                    $0.uptime = 99.9
                    $0.excludeMaintenance = excludeMaintenance
                    $0.downtime = .samplesAndIncidents(rule)
                }, PageText())?
                .replacingOccurrences(of: "\u{00A0}", with: " ")
        }
        XCTAssertEqual(
            both(SampleRule(errorRateAbove: 5), excludeMaintenance: false),
            "A minute counts as Downtime when more than 5% of requests fail. Error rates come from request counts per minute. Incidents count too: monthly Downtime adds up, minute by minute, the larger of the two (a bad minute counts in full, an incident at its weight), so a minute that is both counts once.")
        XCTAssertEqual(
            both(SampleRule(interval: 5, errorRateAbove: 5, minRequests: 10), excludeMaintenance: true),
            "A 5-minute interval counts as Downtime when more than 5% of requests fail, with at least 10 requests in the 5-minute interval. Error rates come from request counts per 5-minute interval, and a 5-minute interval that overlaps scheduled maintenance has none. Incidents count too: monthly Downtime adds up, minute by minute, the larger of the two (a bad 5-minute interval counts in full, an incident at its weight), so a minute that is both counts once.")
        // The change line.
        var after = ResolvedTerms { $0.uptime = 99.9 }
        after.downtime = .samplesAndIncidents(SampleRule(errorRateAbove: 5))
        XCTAssertEqual(
            VersionChanges.termLines(from: ResolvedTerms {
                $0.uptime = 99.9
            }, to: after, PageText()).map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") },
            ["Downtime measured by incidents → by 1-minute intervals above 5% errors or by incidents"])
    }

    func testAChangeOfRuleInAVersionsChangeLines() {
        let before = ResolvedTerms { $0.uptime = 99.9 }
        var after = before
        after.downtime = .samples(SampleRule(errorRateAbove: 10, minRequests: 100, minConsecutive: 5))
        XCTAssertEqual(
            VersionChanges.termLines(from: before, to: after, PageText()).map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") },
            ["Downtime measured by incidents → by 1-minute intervals above 10% errors (at least 100 requests, runs of 5)"])
    }
}
