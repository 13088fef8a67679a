import SLACore
@testable import SiteContent
@testable import SiteRender
import XCTest

/// Issue 22 (STYLE 14): every SLA term walks through every output that lists terms — sla.json's
/// service fields, their schema, a version's change list and the version page — so a term
/// missing from any of them fails here.
final class TermCatalogTests: XCTestCase {
    /// Terms as a plan might give them: every term set.
    let base = ResolvedTerms(
        uptime: 99.9, credits: [CreditTier(below: 99.9, credit: 10)], creditCap: 100, claimWindowDays: 30,
        excludeMaintenance: true, terminationConsecutiveMisses: 3,
        support: SupportTerms(hours: .allHours, response: [("critical", ResponseTime(parsing: "10m")!)]))

    /// `base` with one term changed; nil for a term this test does not know yet (that fails).
    func changed(_ key: String) -> ResolvedTerms? {
        var t = base
        switch key {
        case "uptime": t.uptime = 99.95
        case "credits": t.credits = [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99, credit: 25)]
        case "credit_cap": t.creditCap = 50
        case "claim_window_days":
            t.claimWindowDays = nil
            t.claimWindowMonths = 2
        case "impact_weights": t.impactWeights[.partial] = 0.5
        case "exclude_maintenance": t.excludeMaintenance = false
        case "termination": t.terminationConsecutiveMisses = 2
        case "support": t.support?.hours = .business
        case "downtime": t.downtime = .samples(SampleRule(errorRateAbove: 5))
        case "period":
            t.period = .quarter
            t.periodStartMonth = 4
        default: return nil
        }
        return t
    }

    /// Terms the version page shows no row for, on purpose (the Downtime rule names the weights
    /// on the details page). Any other term without a row fails.
    let withoutRow: Set<String> = ["impact_weights"]

    func testEveryTermReachesEveryOutput() throws {
        let s = StringTable()
        let schemaKeys = SLASchema.termsProperties.map(\.0)
        let written = SLAJSON.termsFields(base, serviceID: "api", title: "API", url: "https://x.example/").map(\.0)
        // sla.json writes exactly the keys its schema lists, in the same order.
        XCTAssertEqual(written, schemaKeys)
        for term in TermCatalog.all {
            let fields = term.fields(base).map(\.0)
            XCTAssertFalse(fields.isEmpty, term.key)
            XCTAssertEqual(fields, term.schema.map(\.0), "\(term.key): its fields and their schema")
            for key in fields {
                XCTAssertTrue(written.contains(key), "\(term.key): \(key) missing from sla.json")
                XCTAssertTrue(schemaKeys.contains(key), "\(term.key): \(key) missing from the schema")
            }
            let after = try XCTUnwrap(changed(term.key), "\(term.key): no variant in this test")
            // The change list says the change, and only this term's lines.
            let lines = VersionChanges.termLines(from: base, to: after, s)
            XCTAssertFalse(lines.isEmpty, "\(term.key): missing from the change list")
            XCTAssertEqual(lines, term.changes(base, after, s), term.key)
            XCTAssertEqual(VersionChanges.termLines(from: base, to: base, s), [], "no change, no line")
            // sla.json writes the new value.
            let old = JSONValue.object(SLAJSON.termsFields(base, serviceID: "api", title: nil, url: "u"))
            let new = JSONValue.object(SLAJSON.termsFields(after, serviceID: "api", title: nil, url: "u"))
            XCTAssertNotEqual(old, new, "\(term.key): sla.json does not show the change")
            // The version page shows the new value.
            if withoutRow.contains(term.key) {
                XCTAssertEqual(term.rows(base, s).count, 0, term.key)
            } else {
                // (A row may show only for some values: the Downtime rule only for samples.)
                XCTAssertFalse(term.rows(base, s).isEmpty && term.rows(after, s).isEmpty, "\(term.key): missing from the version page")
                XCTAssertNotEqual(
                    VersionPage.rows(base, s).map(\.value), VersionPage.rows(after, s).map(\.value),
                    "\(term.key): the version page does not show the change")
            }
        }
    }

    /// Every key the content decoder reads as a term is described (and written to sla.json).
    func testEveryDecodedTermIsDescribed() {
        let described = Set(TermCatalog.all.map(\.key))
        let fields = Set(TermCatalog.all.flatMap { $0.fields(base).map(\.0) })
        for key in TermsDecoder.keys {
            XCTAssertTrue(fields.contains(key), "\(key) is decoded but no description writes it")
        }
        XCTAssertTrue(described.isSubset(of: Set(TermsDecoder.keys)), "a described term the decoder does not read")
        XCTAssertEqual(described.count, TermCatalog.all.count, "each term described once")
    }

    /// The version page in its order (rows by rank), as before the catalog: objective, budget,
    /// credits, cap, claim window, maintenance, Downtime rule, termination, support.
    func testVersionPageRowsInOrder() {
        var t = base
        t.downtime = .samples(SampleRule(errorRateAbove: 5))
        let s = StringTable()
        XCTAssertEqual(
            VersionPage.rows(t, s).map(\.term),
            [
                s[.termObjective], s[.termDowntimeAllowed], s[.termCredits], s[.termCreditCap], s[.termClaimWindow],
                s[.termMaintenance], s[.termDowntimeRule], s[.termTermination], s[.termSupport],
            ])
    }

    /// SPEC §2 `period`: its change line and version-page row in words; a month has no row
    /// (every page already says "monthly"), so month-period version pages are unchanged.
    func testThePeriodInWords() {
        let s = StringTable()
        var quarterly = base
        quarterly.period = .quarter
        quarterly.periodStartMonth = 4
        XCTAssertEqual(VersionChanges.termLines(from: base, to: quarterly, s), ["Measurement period monthly → quarterly, starting in April"])
        XCTAssertEqual(TermCatalog.period.rows(base, s).count, 0)
        XCTAssertEqual(TermCatalog.period.rows(quarterly, s).map(\.value), ["Quarterly, starting in April"])
        var yearly = base
        yearly.period = .year
        XCTAssertEqual(TermCatalog.period.rows(yearly, s).map(\.value), ["Yearly"])
        // A start month without a longer period changes nothing that is published in words.
        var startOnly = base
        startOnly.periodStartMonth = 7
        XCTAssertEqual(VersionChanges.termLines(from: base, to: startOnly, s), [])
    }
}
