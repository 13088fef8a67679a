import Foundation
import SLACore
import XCTest

/// Issue 14 (docs/spec.md §2 Versions, §3 Terms in force): each month is judged by the terms in force on
/// its first day. Every expected value is computed by hand beside it. now = 2026-11-24, UTC.
final class VersionsTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    func day(_ text: String) -> LocalDateTime { LocalDateTime(iso8601: text)! }

    /// Plan `pro` from June 2026: uptime 99.9, 10 % below 99.9, two misses in a row terminate.
    func site(_ incidents: [Incident], revisions: [Revision], services: [PlanService]? = nil) -> Site {
        let config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        let plan = Plan(
            id: "pro", title: "Pro", effective: day("2026-06-01"), revisions: revisions,
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
                $0[TermKeys.terminationConsecutiveMisses] = 2
            },
            services: services ?? [PlanService(id: "api")])
        return Site(
            config: config, terms: TermsPage(title: "Terms", body: ""),
            services: ["api", "db", "web"].map { Service(id: $0, title: $0) }, plans: [plan], incidents: incidents)
    }

    func months(_ site: Site, _ service: String = "api") -> [String: MonthFigure] {
        let level = SLAArithmetic.figures(for: site, now: now).level(plan: "pro", service: service)
        return Dictionary(uniqueKeysWithValues: (level?.months ?? []).map { ($0.month.description, $0) })
    }

    /// `minutes` of major downtime on the 10th of `month`.
    func down(_ month: String, _ minutes: Int, _ impact: Impact = .major, services: [String] = ["api"]) -> Incident {
        let start = at("\(month)-10T00:00:00Z")
        return Incident(
            id: "i-\(month)-\(impact)", title: "i", services: services, impact: impact, start: start,
            end: Instant(seconds: start.seconds + Int64(minutes) * 60))
    }

    func revision(_ date: String, effective: String? = nil, terms: SLATerms = SLATerms(), services: [RevisionService] = []) -> Revision {
        Revision(date: day(date), note: "n", effective: effective.map(day), terms: terms, services: services)
    }

    func testAMonthBeforeAndAfterAChangeOfObjective() {
        // 30 min down in July and in August (31 days: 44 640 min): 100 × 44 610 / 44 640 = 99.93280…
        // July under 99.9: met. August under 99.95 (in force from 1 August): missed, but no
        // credit: the only tier is below 99.9, and 99.933 is not (tiers stand apart from `met`).
        let m = months(site([down("2026-07", 30), down("2026-08", 30)], revisions: [revision("2026-07-20", effective: "2026-08-01", terms: SLATerms {
            $0[TermKeys.uptime] = 99.95
        })]))
        XCTAssertEqual(Published.uptime(m["2026-07"]!.uptime!), 99.933)
        XCTAssertEqual(m["2026-07"]!.met, true)
        XCTAssertEqual(m["2026-08"]!.met, false)
        XCTAssertEqual(m["2026-08"]!.credit, 0)
        // Budgets follow the objective: July (1 − 0.999) × 44 640 = 44.64; August 0.0005 × 44 640 = 22.32.
        XCTAssertEqual(m["2026-07"]!.budgetMinutes!, 44.64, accuracy: 1e-9)
        XCTAssertEqual(m["2026-08"]!.budgetMinutes!, 22.32, accuracy: 1e-9)
    }

    func testARevisionEffectiveMidMonthAppliesFromTheNextMonth() {
        // Effective 15 August: August is still judged by 99.9 (met), September by 99.95.
        // September (30 days, 43 200 min), 30 min: 100 × 43 170 / 43 200 = 99.93055… → missed.
        let s = site([down("2026-08", 30), down("2026-09", 30)], revisions: [revision("2026-08-15", terms: SLATerms {
            $0[TermKeys.uptime] = 99.95
        })])
        let m = months(s)
        XCTAssertEqual(m["2026-08"]!.met, true)
        XCTAssertEqual(m["2026-09"]!.met, false)
        XCTAssertEqual(SLAArithmetic.figures(for: s, now: now).level(plan: "pro", service: "api")!.terms.uptime, 99.95)
    }

    func testAChangeOfCreditTiersAndCap() {
        // From September: 25 % below 99.9, capped at 20. 180 min in August (44 640):
        // 99.5967… → 10 %; 180 min in September (43 200): 99.5833… → 25 % capped → 20 %.
        let change = revision("2026-08-20", effective: "2026-09-01",
                              terms: SLATerms {
                                  $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 25)]
                                  $0[TermKeys.creditCap] = 20
                              })
        let m = months(site([down("2026-08", 180), down("2026-09", 180)], revisions: [change]))
        XCTAssertEqual(m["2026-08"]!.credit, 10)
        XCTAssertEqual(m["2026-09"]!.credit, 20)
    }

    func testAServiceAddedAndOneDroppedByARevision() {
        // Front matter: api and db. From 1 September: db dropped, web added.
        let change = revision("2026-08-25", effective: "2026-09-01", services: [
            RevisionService(id: "db", terms: nil), RevisionService(id: "web", terms: SLATerms { $0[TermKeys.uptime] = 99.5 }),
        ])
        let s = site([], revisions: [change], services: [PlanService(id: "api"), PlanService(id: "db")])
        let figures = SLAArithmetic.figures(for: s, now: now)
        XCTAssertEqual(figures.plans[0].map(\.serviceID), ["api", "db", "web"])
        XCTAssertEqual(months(s, "api").keys.sorted(), ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        XCTAssertEqual(months(s, "db").keys.sorted(), ["2026-06", "2026-07", "2026-08"], "until it was dropped")
        XCTAssertEqual(months(s, "web").keys.sorted(), ["2026-09", "2026-10", "2026-11"], "from when it was added")
        XCTAssertEqual(figures.level(plan: "pro", service: "web")?.terms.uptime, 99.5, "its own objective")
        XCTAssertEqual(figures.level(plan: "pro", service: "db")?.terms.uptime, 99.9)
        // Pages list the promises in force: db's history stays, its promise does not.
        XCTAssertEqual(figures.plans[0].map(\.coveredNow), [true, false, true])
    }

    /// An incident that is over and was open in none of a level's months is not the level's
    /// (docs/outputs.md, "Which incidents a level lists"): one over before the plan took effect,
    /// one on a service before a revision added it, one after a revision dropped it. An open
    /// one, an upcoming one and one that runs into the first month stay the level's.
    func testAnIncidentOverOutsideALevelsMonthsIsNotTheLevels() {
        // Plan from 1 June 2026 with api and db; from 1 September db dropped, web added.
        let change = revision("2026-08-25", effective: "2026-09-01", services: [
            RevisionService(id: "db", terms: nil), RevisionService(id: "web", terms: SLATerms { $0[TermKeys.uptime] = 99.5 }),
        ])
        let s = site(
            [
                incident("before", .major, "2026-05-10T00:00:00Z", "2026-05-10T01:00:00Z"),
                incident("into", .major, "2026-05-31T23:00:00Z", "2026-06-01T00:30:00Z"),
                incident("upcoming", .maintenance, "2026-12-02T01:00:00Z", "2026-12-02T02:00:00Z"),
                incident("web-early", .major, "2026-07-10T00:00:00Z", "2026-07-10T01:00:00Z", services: ["web"]),
                incident("web-open", .partial, "2026-11-20T00:00:00Z", nil, services: ["web"]),
                incident("db-late", .major, "2026-10-10T00:00:00Z", "2026-10-10T01:00:00Z", services: ["db"]),
                incident("db-june", .major, "2026-06-10T00:00:00Z", "2026-06-10T01:00:00Z", services: ["db"]),
            ], revisions: [change], services: [PlanService(id: "api"), PlanService(id: "db")])
        let figures = SLAArithmetic.figures(for: s, now: now)
        func ids(_ service: String) -> Set<String> {
            let level = figures.plans[0].firstIndex { $0.serviceID == service }!
            return Set(figures.counting[0][level].map { s.incidents[$0].id })
        }
        XCTAssertEqual(ids("api"), ["into", "upcoming"])
        XCTAssertEqual(ids("web"), ["web-open"])
        XCTAssertEqual(ids("db"), ["db-june"])
        // The month figures are the same either way: June's downtime is the 30 minutes of "into"
        // after midnight (99.930556 % of 43,200 minutes).
        XCTAssertEqual(months(s)["2026-06"]!.downtimeMinutes!, 30, accuracy: 1e-9)
        XCTAssertEqual(months(s, "db")["2026-06"]!.downtimeMinutes!, 60, accuracy: 1e-9)
    }

    func testAFutureRevisionChangesNoMonthYet() {
        // Effective 1 December 2026, after now: November is judged by 99.9, and the terms now are 99.9.
        let s = site([down("2026-10", 30)], revisions: [revision("2026-11-20", effective: "2026-12-01", terms: SLATerms {
            $0[TermKeys.uptime] = 99.99
        })])
        let m = months(s)
        XCTAssertEqual(m["2026-10"]!.met, true, "99.9328 ≥ 99.9")
        XCTAssertEqual(SLAArithmetic.figures(for: s, now: now).level(plan: "pro", service: "api")!.terms.uptime, 99.9)
    }

    func testATerminationRunAcrossAChangeCountsEachMonthByItsOwnTerms() {
        // July 60 min: 99.8656… < 99.9 → missed. August 30 min: 99.9328…: met under 99.9, missed
        // under 99.95 (in force from August) → two misses in a row → the right arises in August.
        let raise = revision("2026-07-25", effective: "2026-08-01", terms: SLATerms { $0[TermKeys.uptime] = 99.95 })
        let m = months(site([down("2026-07", 60), down("2026-08", 30)], revisions: [raise]))
        XCTAssertEqual(m["2026-07"]!.met, false)
        XCTAssertFalse(m["2026-07"]!.terminationRight)
        XCTAssertTrue(m["2026-08"]!.terminationRight)
        // Without the change August is met and there is no right.
        let n = months(site([down("2026-07", 60), down("2026-08", 30)], revisions: []))
        XCTAssertFalse(n["2026-08"]!.terminationRight)
        // A revision that ends the termination term: September and October missed, no right.
        let drop = revision("2026-08-25", effective: "2026-09-01", terms: SLATerms { $0[TermKeys.uptime] = 99.99 })
        var s = site([down("2026-09", 60), down("2026-10", 60)], revisions: [drop])
        XCTAssertTrue(months(s)["2026-10"]!.terminationRight, "still 2 misses under the kept termination term")
        s.plans[0].terms[TermKeys.terminationConsecutiveMisses] = 3
        XCTAssertFalse(months(s)["2026-10"]!.terminationRight, "N = 3 needs three")
    }

    func testAChangeOfExcludeMaintenance() {
        // 60 min maintenance in August (excluded: 0) and in September (counted from 1 September: 60).
        let change = revision("2026-08-20", effective: "2026-09-01", terms: SLATerms {
            $0[TermKeys.excludeMaintenance] = false
        })
        let m = months(site([down("2026-08", 60, .maintenance), down("2026-09", 60, .maintenance)], revisions: [change]))
        XCTAssertEqual(m["2026-08"]!.downtimeMinutes!, 0)
        XCTAssertEqual(m["2026-09"]!.downtimeMinutes!, 60, accuracy: 1e-9)
    }

    func testRevisionsApplyByEffectiveDayAndOneDayIsOneVersion() {
        // Published in this order: one effective 1 October (99.99), one effective 1 August (99.95),
        // and one effective on the plan's own day, 1 June (credit cap 20), which amends the
        // front matter's version instead of naming a second version of 1 June.
        let revisions = [
            revision("2026-07-01", effective: "2026-10-01", terms: SLATerms { $0[TermKeys.uptime] = 99.99 }),
            revision("2026-07-02", effective: "2026-08-01", terms: SLATerms { $0[TermKeys.uptime] = 99.95 }),
            revision("2026-05-20", effective: "2026-06-01", terms: SLATerms { $0[TermKeys.creditCap] = 20 }),
        ]
        let s = site([], revisions: revisions)
        let versions = s.plans[0].versions(first: CalendarDay(year: 2026, month: 6, day: 1))
        XCTAssertEqual(versions.map(\.effective.description), ["2026-06-01", "2026-08-01", "2026-10-01"])
        XCTAssertEqual(versions.map { $0.terms[TermKeys.uptime] }, [99.9, 99.95, 99.99])
        XCTAssertEqual(versions.map { $0.terms[TermKeys.creditCap] }, [20, 20, 20])
        let m = months(s)
        XCTAssertEqual(m["2026-07"]!.objective, 99.9)
        XCTAssertEqual(m["2026-09"]!.objective, 99.95)
        XCTAssertEqual(m["2026-11"]!.objective, 99.99)
        XCTAssertEqual(m["2026-06"]!.version, CalendarDay(year: 2026, month: 6, day: 1))
    }

    func testANoteIsNoVersionAndAmendsNothing() {
        let plan = site([], revisions: [revision("2026-08-01")]).plans[0]
        XCTAssertEqual(plan.versions(first: CalendarDay(year: 2026, month: 6, day: 1)).count, 1)
    }
}
