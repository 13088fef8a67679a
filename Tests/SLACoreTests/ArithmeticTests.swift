import Foundation
import SLACore
import XCTest

final class ArithmeticTests: XCTestCase {
    let terms = ResolvedTerms {
        $0.uptime = 99.9
        $0.credits = [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99, credit: 25), CreditTier(below: 95, credit: 50)]
        $0.creditCap = 100
        $0.terminationConsecutiveMisses = 2
    }

    func figures(_ incidents: [Incident], months: [String], now: String, terms: ResolvedTerms? = nil,
                 measured: [YearMonth: Double] = [:]) -> [MonthFigure] {
        let t = terms ?? self.terms
        let spans = Downtime.spans(of: incidents, weights: .standard, excludeMaintenance: t.excludeMaintenance, now: at(now))
        return SLAArithmetic.monthFigures(
            spans: spans, months: months.map { ReportedMonth(ym($0), in: utc) }, now: at(now), terms: t, measured: measured)
    }

    func testUptimeBudgetAndCreditOfAFinalMonth() {
        // June 2026 (UTC): 30 × 1440 = 43 200 min. 180 min major.
        // uptime = 100 × (43 200 − 180) / 43 200 = 99.58333… → published 99.583
        // budget = (1 − 0.999) × 43 200 = 43.2; left = 43.2 − 180 = −136.8
        // credit: 99.583 < 99.9 → 10; not < 99 → 10 %
        let f = figures([incident("a", .major, "2026-06-10T00:00:00Z", "2026-06-10T03:00:00Z")], months: ["2026-06"], now: "2026-11-24T00:00:00Z")[0]
        XCTAssertEqual(f.minutes, 43_200)
        XCTAssertEqual(f.downtimeMinutes!, 180, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(f.uptime!), 99.583)
        XCTAssertEqual(f.budgetMinutes!, 43.2, accuracy: 1e-9)
        XCTAssertEqual(Published.minutes(f.budgetLeftMinutes!), -136.8)
        XCTAssertEqual(f.met, false)
        XCTAssertEqual(f.credit, 10)
        XCTAssertTrue(f.final)
    }

    func testIncidentAcrossAMonthEdgeIsSplitInTheSiteZone() {
        // London: 2026-04-30T23:20+01:00 → 2026-05-01T01:15+01:00. May starts at 00:00 BST:
        // April gets 40 min, May 75 min.
        let list = [Incident(id: "edge", title: "edge", services: ["api"], impact: .major,
                             start: at("2026-04-30T23:20:00+01:00"), end: at("2026-05-01T01:15:00+01:00"))]
        let spans = Downtime.spans(of: list, weights: .standard, excludeMaintenance: true, now: at("2026-11-24T00:00:00Z"))
        let f = SLAArithmetic.monthFigures(
            spans: spans, months: [ReportedMonth(ym("2026-04"), in: london), ReportedMonth(ym("2026-05"), in: london)],
            now: at("2026-11-24T00:00:00Z"), terms: terms)
        XCTAssertEqual(f[0].downtimeMinutes!, 40, accuracy: 1e-9)
        XCTAssertEqual(f[1].downtimeMinutes!, 75, accuracy: 1e-9)
        // April: 100 × (43 200 − 40) / 43 200 = 99.90740… → met (≥ 99.9); May: 100 × (44 640 − 75)/44 640 = 99.83199… → missed
        XCTAssertEqual(Published.uptime(f[0].uptime!), 99.907)
        XCTAssertEqual(f[0].met, true)
        XCTAssertEqual(Published.uptime(f[1].uptime!), 99.832)
        XCTAssertEqual(f[1].met, false)
    }

    func testMetUsesTheTolerance() {
        // 30-day month, budget exactly 43.2 min = 2592 s of downtime: uptime is 99.9 in exact arithmetic.
        let f = figures([incident("a", .major, "2026-06-10T00:00:00Z", "2026-06-10T00:43:12Z")], months: ["2026-06"], now: "2026-11-24T00:00:00Z")[0]
        XCTAssertEqual(f.met, true)
        XCTAssertEqual(f.credit, 0)
        // One more second misses: 100 × (43 200 − 43.2167)/43 200 = 99.89995 → missed, 10 % credit
        let g = figures([incident("a", .major, "2026-06-10T00:00:00Z", "2026-06-10T00:43:13Z")], months: ["2026-06"], now: "2026-11-24T00:00:00Z")[0]
        XCTAssertEqual(g.met, false)
        XCTAssertEqual(g.credit, 10)
    }

    func testCreditIsTheLargestApplicableTierCappedAndZeroWhileTheMonthRuns() {
        // 98.5 % is below 99.9 (10) and 99 (25) but not 95 → 25
        XCTAssertEqual(SLAArithmetic.credit(uptime: 98.5, tiers: terms.credits, cap: 100), 25)
        // capped at 20
        XCTAssertEqual(SLAArithmetic.credit(uptime: 98.5, tiers: terms.credits, cap: 20), 20)
        // 94 % → 50; none below 99.95 → 0
        XCTAssertEqual(SLAArithmetic.credit(uptime: 94, tiers: terms.credits, cap: 100), 50)
        XCTAssertEqual(SLAArithmetic.credit(uptime: 99.95, tiers: terms.credits, cap: 100), 0)
        // Tiers written out of order still give the largest.
        XCTAssertEqual(SLAArithmetic.credit(uptime: 90, tiers: terms.credits.reversed(), cap: 100), 50)
        // Current month (November, now = 24th): a 10 h outage misses but owes nothing yet.
        let f = figures([incident("a", .major, "2026-11-02T00:00:00Z", "2026-11-02T10:00:00Z")], months: ["2026-11"], now: "2026-11-24T00:00:00Z")[0]
        XCTAssertFalse(f.final)
        XCTAssertEqual(f.met, false)
        XCTAssertEqual(f.credit, 0)
    }

    func testCurrentMonthUptimeIsOverTheMinutesElapsed() {
        // now = 2026-11-24T00:00Z: 23 days elapsed = 33 120 min; 331.2 min down → 99.0 % so far.
        // Budget is over the whole month: 0.001 × 43 200 = 43.2; left = 43.2 − 331.2 = −288.
        let f = figures([incident("a", .major, "2026-11-02T00:00:00Z", "2026-11-02T05:31:12Z")], months: ["2026-11"], now: "2026-11-24T00:00:00Z")[0]
        XCTAssertEqual(f.elapsedMinutes, 33_120)
        XCTAssertEqual(f.uptime!, 99.0, accuracy: 1e-9)
        XCTAssertEqual(f.budgetLeftMinutes!, -288, accuracy: 1e-9)
    }

    func testMeasurementsOverrideIncidents() {
        // Feb 2026 measured 99.982: downtime = 0.018 % × 40 320 = 7.2576 → 7.3; the incident is ignored.
        let f = figures([incident("a", .major, "2026-02-10T00:00:00Z", "2026-02-10T10:00:00Z")], months: ["2026-02"],
                        now: "2026-11-24T00:00:00Z", measured: [ym("2026-02"): 99.982])[0]
        XCTAssertTrue(f.measured)
        XCTAssertEqual(f.uptime, 99.982)
        XCTAssertEqual(f.downtimeMinutes!, 7.2576, accuracy: 1e-9)
        XCTAssertEqual(Published.minutes(f.downtimeMinutes!), 7.3)
        XCTAssertEqual(f.met, true)
    }

    func testTerminationRightArisesInTheMonthThatCompletesTheRun() {
        // N = 2. Jun missed, Jul missed (run 2 → right), Aug met (reset), Sep missed (run 1), Oct missed (run 2 → right),
        // Nov is not final: never counts.
        let big = ["06", "07", "09", "10", "11"].map { m in incident("m\(m)", .major, "2026-\(m)-05T00:00:00Z", "2026-\(m)-05T05:00:00Z") }
        let f = figures(big, months: ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"], now: "2026-11-24T00:00:00Z")
        XCTAssertEqual(f.map(\.met), [false, false, true, false, false, false])
        XCTAssertEqual(f.map(\.terminationRight), [false, true, false, false, true, false])
        // With a third miss in a row, the right stands again in that month (it completes a run of 2 as well).
        let three = ["06", "07", "08"].map { m in incident("m\(m)", .major, "2026-\(m)-05T00:00:00Z", "2026-\(m)-05T05:00:00Z") }
        let g = figures(three, months: ["2026-06", "2026-07", "2026-08"], now: "2026-11-24T00:00:00Z")
        XCTAssertEqual(g.map(\.terminationRight), [false, true, true])
    }

    func testNoObjectiveMeansNoMetNoBudget() {
        let none = ResolvedTerms { $0.uptime = nil }
        let f = figures([incident("a", .major, "2026-06-10T00:00:00Z", "2026-06-10T03:00:00Z")], months: ["2026-06"], now: "2026-11-24T00:00:00Z", terms: none)[0]
        XCTAssertNil(f.met)
        XCTAssertNil(f.budgetMinutes)
        XCTAssertEqual(f.credit, 0)
        XCTAssertEqual(Published.uptime(f.uptime!), 99.583)
    }

    func testAverageMonthBudget() {
        // (1 − 0.999) × 43 830 = 43.83 → 43.8; 99.95 → 21.915 → 21.9; 99.99 → 4.383 → 4.4
        XCTAssertEqual(Published.minutes(SLAArithmetic.budget(objective: 99.9, minutes: SLAArithmetic.averageMonthMinutes)), 43.8)
        XCTAssertEqual(Published.minutes(SLAArithmetic.budget(objective: 99.95, minutes: SLAArithmetic.averageMonthMinutes)), 21.9)
        XCTAssertEqual(Published.minutes(SLAArithmetic.budget(objective: 99.99, minutes: SLAArithmetic.averageMonthMinutes)), 4.4)
    }

    /// docs/numbers.md: measured figures keep their precision on pages (uptime 3 decimals,
    /// minutes 1), after the same half-up rounding as sla.json.
    func testMeasuredFiguresAreShownWithFixedDecimals() {
        XCTAssertEqual(Published.uptimeText(100), "100.000")
        XCTAssertEqual(Published.uptimeText(98.79), "98.790")
        XCTAssertEqual(Published.uptimeText(99.58333333), "99.583")
        XCTAssertEqual(Published.uptimeText(99.9625), "99.963", "half up")
        XCTAssertEqual(Published.minutesText(180), "180.0")
        XCTAssertEqual(Published.minutesText(43.2), "43.2")
        XCTAssertEqual(Published.minutesText(7.2576), "7.3")
        XCTAssertEqual(Published.minutesText(-0.04), "0.0", "no negative zero")
        XCTAssertEqual(Published.minutesText(-136.8), "-136.8")
        XCTAssertEqual(Published.uptimeText(0), "0.000")
        // Terms stay in their shortest form.
        XCTAssertEqual(Published.text(99.0), "99")
        XCTAssertEqual(Published.text(99.95), "99.95")
    }

    func testRoundingIsHalfUpOnTheDecimalValue() {
        XCTAssertEqual(Published.round(2.675, places: 2), 2.68)  // binary 2.67499999… must still round up
        XCTAssertEqual(Published.uptime(99.9995), 100)
        XCTAssertEqual(Published.uptime(99.9994999), 99.999)
        XCTAssertEqual(Published.minutes(0.05), 0.1)
        XCTAssertEqual(Published.minutes(21.95), 22)
        XCTAssertEqual(Published.minutes(-0.05), 0)
        XCTAssertEqual(Published.minutes(-18.45), -18.4)
        XCTAssertEqual(Published.minutes(-18.46), -18.5)
        XCTAssertEqual(Published.minutes(7.25), 7.3)
        XCTAssertEqual(Published.text(100), "100")
        XCTAssertEqual(Published.text(99.95), "99.95")
    }

    func testInheritanceMergesMapsAndReplacesLists() {
        // docs/spec.md §2: site → service → plan → plan.services.X
        let site = SLATerms {
            $0[TermKeys.credits] = [CreditTier(below: 99, credit: 5)]
            $0[TermKeys.creditCap] = 50
            $0[TermKeys.support] = SupportTerms(hours: .business, response: [("critical", ResponseTime(parsing: "1h")!), ("low", ResponseTime(parsing: "2 business days")!)])
        }
        let service = SLATerms { $0[TermKeys.excludeMaintenance] = false }
        let plan = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.support] = SupportTerms(hours: .allHours, response: [("critical", ResponseTime(parsing: "15m")!)])
        }
        let own = SLATerms {
            $0[TermKeys.uptime] = 99.95
            $0[TermKeys.credits] = [CreditTier(below: 99.95, credit: 10)]
        }
        let r = SLATerms.resolve([site, service, plan, own])
        XCTAssertEqual(r.uptime, 99.95)
        XCTAssertEqual(r.credits, [CreditTier(below: 99.95, credit: 10)])  // list replaced whole
        XCTAssertEqual(r.creditCap, 50)
        XCTAssertFalse(r.excludeMaintenance)
        XCTAssertEqual(r.support?.hours, .allHours)
        XCTAssertEqual(r.support?.response.map(\.severity), ["critical", "low"])  // map merged key by key
        XCTAssertEqual(r.support?.response.map(\.time.text), ["15m", "2 business days"])
        // Defaults when nothing is set.
        let d = SLATerms.resolve([])
        XCTAssertNil(d.uptime)
        XCTAssertEqual(d.creditCap, 100)
        XCTAssertTrue(d.excludeMaintenance)
    }

    func testResponseTimes() {
        // In words: StringTableTests.testResponseTimesInWords (the words are SiteRender's).
        XCTAssertEqual(ResponseTime(parsing: "10m")?.amount, 10)
        XCTAssertEqual(ResponseTime(parsing: "10m")?.unit, .minutes)
        XCTAssertNil(ResponseTime(parsing: "soon"))
        XCTAssertNil(ResponseTime(parsing: "0m"))
    }

    func testMonthsRunFromEffectiveElseFirstDataElseNow() {
        let config = SiteConfig(title: "t", provider: "p", baseURL: "https://x.example/")
        let svc = Service(id: "api", title: "API")
        let withEffective = Plan(id: "a", title: "A", effective: LocalDateTime(iso8601: "2026-09-15"), services: [PlanService(id: "api", terms: SLATerms())])
        let noEffective = Plan(id: "b", title: "B", services: [PlanService(id: "api", terms: SLATerms())])
        let inc = incident("x", .major, "2026-07-03T00:00:00Z", "2026-07-03T01:00:00Z")
        let now = at("2026-11-24T00:00:00Z")
        var site = Site(config: config, terms: TermsPage(title: "T", body: ""), services: [svc], plans: [withEffective, noEffective], incidents: [inc])
        var f = SLAArithmetic.figures(for: site, now: now)
        XCTAssertEqual(f.plans[0][0].months.map(\.month.description), ["2026-09", "2026-10", "2026-11"])
        XCTAssertEqual(f.plans[1][0].months.first?.month.description, "2026-07")
        XCTAssertEqual(f.plans[1][0].months.count, 5)
        site.incidents = []
        f = SLAArithmetic.figures(for: site, now: now)
        XCTAssertEqual(f.plans[1][0].months.map(\.month.description), ["2026-11"])
    }

    func testIncidentsLimitedToPlansCountOnlyThere() {
        let config = SiteConfig(title: "t", provider: "p", baseURL: "https://x.example/")
        let plans = [Plan(id: "a", title: "A", services: [PlanService(id: "api", terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
        })]),
                     Plan(id: "b", title: "B", services: [PlanService(id: "api", terms: SLATerms {
                         $0[TermKeys.uptime] = 99.9
                     })])]
        let inc = incident("x", .major, "2026-10-03T00:00:00Z", "2026-10-03T01:00:00Z", plans: ["b"])
        let site = Site(config: config, terms: TermsPage(title: "T", body: ""), services: [Service(id: "api", title: "API")], plans: plans, incidents: [inc])
        let f = SLAArithmetic.figures(for: site, now: at("2026-11-24T00:00:00Z"))
        XCTAssertEqual(f.level(plan: "a", service: "api")!.months[0].downtimeMinutes, 0)
        XCTAssertEqual(f.level(plan: "b", service: "api")!.months[0].downtimeMinutes, 60)
    }

    /// The schedule summaries print comes from the credit rule: tiers written out of order, one
    /// lower tier smaller than a higher one, and a cap.
    func testCreditScheduleIsTheCreditRuleJustBelowEachThreshold() {
        let t = ResolvedTerms {
            $0.uptime = 99.9
            $0.credits = [
                CreditTier(below: 99, credit: 25), CreditTier(below: 99.9, credit: 10),
                CreditTier(below: 95, credit: 20), CreditTier(below: 90, credit: 60),
            ]
            $0.creditCap = 50
        }
        let schedule = SLAArithmetic.creditSchedule(t)
        // By hand: below 99.9 → 10; below 99 → max(10, 25) = 25; below 95 → max(10, 25, 20) = 25;
        // below 90 → max(…, 60) = 60, capped at 50.
        XCTAssertEqual(schedule.map(\.below), [99.9, 99, 95, 90])
        XCTAssertEqual(schedule.map(\.credit), [10, 25, 25, 50])
        // And each entry is what a month just below that threshold is credited.
        XCTAssertEqual(SLAArithmetic.credit(uptime: 98.99, tiers: t.credits, cap: t.creditCap), 25)
        XCTAssertEqual(SLAArithmetic.credit(uptime: 89, tiers: t.credits, cap: t.creditCap), 50)
    }
}
