import BuildSupport
import Foundation
import SLACore
import SiteBuild
@testable import SiteRender
import XCTest

/// Issue 23: page keys that compare by identity where the preview kept a value, and by value
/// otherwise (never by identity alone).
final class PageKeyTests: XCTestCase {
    /// One plan covering api at 99.9 %; in October 2026 (UTC) a major outage 10:00–11:00 on the
    /// 5th ("oct", 60 minutes), in September one of 30 minutes on the 10th ("sept").
    func figures(octoberEnd: String = "2026-10-05T11:00:00Z") -> SiteFigures {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let site = Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: [
                Plan(
                    id: "pro", title: "Pro", effective: LocalDateTime(year: 2026, month: 9, day: 1, isDateOnly: true),
                    terms: SLATerms { $0[TermKeys.uptime] = 99.9 }, services: [PlanService(id: "api")])
            ],
            incidents: [
                FeedsTestSupport.incident("sept", .major, "2026-09-10T10:00:00Z", "2026-09-10T10:30:00Z"),
                FeedsTestSupport.incident("oct", .major, "2026-10-05T10:00:00Z", octoberEnd),
            ])
        return SLAArithmetic.figures(for: site, now: FeedsTestSupport.now)
    }

    func counted(_ f: SiteFigures, position: Int, box: Shared<LevelInputs>? = nil) -> PageInput.CountedAt {
        PageInput.CountedAt(plan: 0, weight: 1, level: box ?? f.inputs[0][0], position: position, figures: f.plans[0][0].months)
    }

    func testWhatAnIncidentCountedIsComparedByValueUnlessItIsTheSameLevel() throws {
        let a = figures()
        // What each counted, read off the level (hand-computed: 30 and 60 minutes at weight 1).
        XCTAssertEqual(counted(a, position: 0).counted.months.map(\.count.minutes), [30])
        XCTAssertEqual(counted(a, position: 1).counted.months.map(\.count.minutes), [60])
        XCTAssertEqual(counted(a, position: 0).counted.months.map(\.figure.month), [YearMonth(year: 2026, month: 9)])

        // The same box: equal without counting; another place in it: not equal.
        XCTAssertEqual(counted(a, position: 0), counted(a, position: 0))
        XCTAssertNotEqual(counted(a, position: 0), counted(a, position: 1))

        // Another box with equal inputs (a one-off build's, or a level made again): equal by value.
        let b = figures()
        XCTAssertFalse(a.inputs[0][0] === b.inputs[0][0])
        XCTAssertEqual(counted(a, position: 0), counted(b, position: 0))

        // A longer October outage: the level's inputs differ; September's incident counted the
        // same (equal keys, its page is kept), October's did not (its page is made again).
        let longer = figures(octoberEnd: "2026-10-05T12:00:00Z")
        XCTAssertNotEqual(a.inputs[0][0].value, longer.inputs[0][0].value)
        XCTAssertEqual(counted(a, position: 0), counted(longer, position: 0))
        XCTAssertNotEqual(counted(a, position: 1), counted(longer, position: 1))
        XCTAssertEqual(counted(longer, position: 1).counted.months.map(\.count.minutes), [120])

        // A box is never trusted for figures made from another: the figures are part of the key.
        XCTAssertNotEqual(
            PageInput.CountedAt(plan: 0, weight: 1, level: a.inputs[0][0], position: 1, figures: longer.plans[0][0].months),
            counted(a, position: 1))
    }

    /// The figures' identity is new whenever figures are made or changed; a copy shares it. What
    /// is kept under it (an incident page's counting plans) is a miss for any other figures, even
    /// equal ones: never stale.
    func testTheFiguresIdentityChangesWithAnyChange() {
        let a = figures()
        let copy = a
        XCTAssertTrue(copy.made === a.made)
        XCTAssertFalse(figures().made === a.made, "figures made again are another computation")
        var changed = a
        changed.counting[0][0] = []
        XCTAssertFalse(changed.made === a.made)
        var renowed = a
        renowed.now = renowed.now.adding(seconds: 1)
        XCTAssertFalse(renowed.made === a.made)

        func key(_ f: SiteFigures, incident: Int = 0, weight: Double? = nil) -> IncidentCountedKey {
            IncidentCountedKey(figures: f.made, incident: incident, services: ["api"], impact: .major, weight: weight, composites: [])
        }
        XCTAssertEqual(key(a), key(copy))
        XCTAssertNotEqual(key(a), key(figures()))
        XCTAssertNotEqual(key(a), key(a, incident: 1))
        XCTAssertNotEqual(key(a), key(a, weight: 0.5))
    }

    func testACanonicalValueIsTheLastBuildsInstanceWhileEqual() {
        let store: (any Reusing)? = ReuseStore()
        let first = store.canonical(at: "x", "one")
        let same = store.canonical(at: "x", "one")
        XCTAssertTrue(first === same)
        let other = store.canonical(at: "x", "two")
        XCTAssertFalse(first === other)
        XCTAssertNotEqual(first, other)
        // Without a store every value is a new instance, equal by value.
        let none: (any Reusing)? = nil
        XCTAssertFalse(none.canonical(at: "x", "one") === none.canonical(at: "x", "one"))
        XCTAssertEqual(none.canonical(at: "x", "one"), none.canonical(at: "x", "one"))
    }
}
