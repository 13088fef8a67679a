import Foundation
import SLACore
import XCTest

/// Issue 17, point 1 (docs/spec.md §2 `status_since`, §3): months that end at or before it have no data:
/// not judged, no credit, and they break a termination run. Expected values by hand beside them.
final class StatusSinceTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    func site(_ incidents: [Incident], statusSince: CalendarDay? = nil) -> Site {
        var config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        config.statusSince = statusSince
        config.defaults = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
            $0[TermKeys.claimWindow] = .days(15)
            $0[TermKeys.terminationConsecutiveMisses] = 2
        }
        let plan = Plan(
            id: "pro", title: "Pro", effective: LocalDateTime(iso8601: "2026-05-01T00:00:00")!,
            services: [PlanService(id: "api")])
        return Site(config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
                    plans: [plan], incidents: incidents, measurements: [])
    }

    func months(_ site: Site) -> [YearMonth: MonthFigure] {
        let figures = SLAArithmetic.figures(for: site, now: now)
        return Dictionary(uniqueKeysWithValues: figures.level(plan: "pro", service: "api")!.months.map { ($0.month, $0) })
    }

    /// 180 minutes major on the 10th of a month (a miss: 99.58 % in a 30-day month).
    func outage(_ month: String) -> Incident {
        incident("o-\(month)", .major, "\(month)-10T00:00:00Z", "\(month)-10T03:00:00Z")
    }

    func testByDefaultMonthsBeforeTheFirstMonthWithDataHaveNone() {
        // Effective May 2026, first incident September: May–August have no data.
        let m = months(site([outage("2026-09")]))
        for month in ["2026-05", "2026-06", "2026-07", "2026-08"] {
            let f = m[ym(month)]!
            XCTAssertEqual(f.source, .none, month)
            XCTAssertNil(f.uptime, month)
            XCTAssertNil(f.downtimeMinutes, month)
            XCTAssertNil(f.met, month)
            XCTAssertNil(f.budgetLeftMinutes, month)
            XCTAssertEqual(f.credit, 0, month)
            XCTAssertNil(f.claimBy, month)
            XCTAssertFalse(f.terminationRight, month)
        }
        // September is judged whole: 30 days, 180 min → 99.583 %, missed, 10 %.
        let sep = m[ym("2026-09")]!
        XCTAssertEqual(sep.source, .incidents)
        XCTAssertEqual(Published.uptime(sep.uptime!), 99.583)
        XCTAssertEqual(sep.met, false)
        XCTAssertEqual(sep.credit, 10)
        // October: no incident, but after status data began: 100 % and met, not "no data".
        XCTAssertEqual(m[ym("2026-10")]!.uptime, 100)
        XCTAssertEqual(m[ym("2026-10")]!.met, true)
        XCTAssertEqual(SLAArithmetic.figures(for: site([outage("2026-09")]), now: now).statusSince, at("2026-09-01T00:00:00Z"))
    }

    func testAWrittenStatusSinceMidMonthJudgesTheNextMonthWhole() {
        // status_since 15 July 2026: June ends 1 July ≤ 15 July → no data; July ends 1 August,
        // after it → judged whole (its incident on the 10th counts: 31 days, 180 min →
        // 100 × (44 640 − 180) / 44 640 = 99.5967… → 99.597 %).
        let m = months(site([outage("2026-06"), outage("2026-07")], statusSince: CalendarDay(year: 2026, month: 7, day: 15)))
        XCTAssertEqual(m[ym("2026-06")]!.source, .none)
        XCTAssertEqual(m[ym("2026-06")]!.credit, 0, "June's outage is before the data: no credit")
        XCTAssertEqual(m[ym("2026-07")]!.source, .incidents)
        XCTAssertEqual(Published.uptime(m[ym("2026-07")]!.uptime!), 99.597)
        XCTAssertEqual(m[ym("2026-07")]!.credit, 10)
    }

    func testAMonthWithoutDataBreaksATerminationRun() {
        // Two misses in a row give the right. status_since 2026-07-01: May and June have no data.
        // Misses in June (no data), July and August: the run is July–August → the right arises
        // in August, not in July (June does not count as a miss).
        let s = site([outage("2026-06"), outage("2026-07"), outage("2026-08")], statusSince: CalendarDay(year: 2026, month: 7, day: 1))
        let m = months(s)
        XCTAssertEqual(m[ym("2026-06")]!.source, .none)
        XCTAssertFalse(m[ym("2026-07")]!.terminationRight)
        XCTAssertTrue(m[ym("2026-08")]!.terminationRight)
        // Without status_since (default: May, the first month with data… June here) the run
        // June–July gives the right in July already.
        let d = months(site([outage("2026-06"), outage("2026-07"), outage("2026-08")]))
        XCTAssertEqual(d[ym("2026-05")]!.source, .none)
        XCTAssertTrue(d[ym("2026-07")]!.terminationRight)
    }

    func testASiteWithoutAnyStatusDataHasNoneBeforeTheCurrentMonth() {
        // No incident, no measurement: May–October have no data; November (in progress) is
        // judged so far: 100 %.
        let m = months(site([]))
        XCTAssertEqual(m[ym("2026-10")]!.source, .none)
        XCTAssertEqual(m[ym("2026-05")]!.source, .none)
        XCTAssertEqual(m[ym("2026-11")]!.source, .incidents)
        XCTAssertEqual(m[ym("2026-11")]!.uptime, 100)
        XCTAssertFalse(m[ym("2026-11")]!.final)
    }
}
