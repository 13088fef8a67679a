import Foundation
import SLACore
import XCTest

/// Issue 22 part 2 (docs/spec.md §3 Periods): quarters and years. Every expected value is computed by
/// hand beside it. now = 2026-11-24T00:00:00Z unless said. Quarters of 2026 in UTC:
/// Q1 Jan 31 + Feb 28 + Mar 31 = 90 days = 129 600 min; Q2 30 + 31 + 30 = 91 days = 131 040 min;
/// Q3 31 + 31 + 30 = 92 days = 132 480 min; Q4 31 + 30 + 31 = 92 days = 132 480 min.
final class PeriodsTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    func day(_ text: String) -> LocalDateTime { LocalDateTime(iso8601: text)! }

    /// GitHub-style terms: 99.9 %, 10 % below 99.9 and 25 % below 99.0 of the period's fee,
    /// claims within 30 days after the period, judged per quarter.
    func github(_ period: PeriodKind = .quarter, startMonth: Int? = nil, termination: Int? = nil) -> SLATerms {
        SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99.0, credit: 25)]
            $0[TermKeys.claimWindow] = .days(30)
            $0[TermKeys.terminationConsecutiveMisses] = termination
            $0[TermKeys.period] = period
            $0[TermKeys.periodStartMonth] = startMonth
        }
    }

    func site(
        _ incidents: [Incident], terms: SLATerms, effective: String = "2026-01-01", revisions: [Revision] = [],
        calendar: SiteCalendar = utc, samples: [SampleRow] = []
    ) -> Site {
        var config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        config.timeZone = calendar.timeZone
        // Status data complete from the plan's start (else months before the first incident have none).
        config.statusSince = CalendarDay(day(effective))
        let plan = Plan(
            id: "pro", title: "Pro", effective: day(effective), revisions: revisions, terms: terms,
            services: [PlanService(id: "api")])
        return Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: [plan], incidents: incidents, samples: samples.isEmpty ? [:] : ["api": SampleSeries(samples)])
    }

    func level(_ site: Site, now: Instant? = nil) -> ServiceLevel {
        SLAArithmetic.figures(for: site, now: now ?? self.now).level(plan: "pro", service: "api")!
    }

    /// The judged periods by name.
    func periods(_ level: ServiceLevel) -> [String: MonthFigure] {
        Dictionary(uniqueKeysWithValues: level.periods.map { ($0.period.description, $0) })
    }

    func months(_ level: ServiceLevel) -> [String: MonthFigure] {
        Dictionary(uniqueKeysWithValues: level.months.map { ($0.month.description, $0) })
    }

    /// `minutes` of major downtime from 00:00 on `date` (UTC unless the text has an offset).
    func down(_ date: String, minutes: Int = 0, seconds: Int = 0, _ calendar: SiteCalendar = utc) -> Incident {
        let start = at("\(date)T00:00:00", calendar)
        return Incident(
            id: "i-\(date)", title: "i", services: ["api"], impact: .major, start: start,
            end: Instant(seconds: start.seconds + Int64(minutes * 60 + seconds)))
    }

    func testPeriodNames() {
        // Calendar quarters and years; fiscal ones named by the year the fiscal year ends in:
        // with years from April, April 2026 – March 2027 is FY2027, its first quarter Apr–Jun 2026.
        XCTAssertEqual(Period(.quarter, containing: ym("2026-11")).description, "2026-Q4")
        XCTAssertEqual(Period(.quarter, containing: ym("2026-11")).first, ym("2026-10"))
        XCTAssertEqual(Period(.year, containing: ym("2026-11")).description, "2026")
        XCTAssertEqual(Period(.quarter, containing: ym("2026-05"), startMonth: 4).description, "FY2027-Q1")
        XCTAssertEqual(Period(.quarter, containing: ym("2027-02"), startMonth: 4).description, "FY2027-Q4")
        XCTAssertEqual(Period(.quarter, containing: ym("2027-02"), startMonth: 4).first, ym("2027-01"))
        XCTAssertEqual(Period(.year, containing: ym("2026-03"), startMonth: 4).description, "FY2026")
        XCTAssertEqual(Period(.year, containing: ym("2026-04"), startMonth: 4).description, "FY2027")
        XCTAssertEqual(Period(.year, containing: ym("2026-04"), startMonth: 4).to, CalendarDay(year: 2027, month: 3, day: 31))
        // Quarters starting in February: Nov 2026 – Jan 2027 is the fourth of FY2027 (Feb 2026 – Jan 2027).
        XCTAssertEqual(Period(.quarter, containing: ym("2026-12"), startMonth: 2).description, "FY2027-Q4")
        XCTAssertEqual(Period(.quarter, containing: ym("2026-12"), startMonth: 2).first, ym("2026-11"))
    }

    func testAQuarterMissedByOneMonthsOutage() {
        // 200 min down in August. Q3: 100 × (132 480 − 200) / 132 480 = 99.84903… < 99.9: missed;
        // not below 99.0, so 10 % (once, of the quarterly fee). Claim by 30 Sep + 30 days = 30 Oct.
        // Budget 0.001 × 132 480 = 132.48 min.
        let l = level(site([down("2026-08-10", minutes: 200)], terms: github()))
        let q3 = periods(l)["2026-Q3"]!
        XCTAssertEqual(q3.minutes, 132_480)
        XCTAssertEqual(q3.downtimeMinutes!, 200, accuracy: 1e-9)
        XCTAssertEqual(q3.uptime!, 100 * 132_280 / 132_480, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(q3.uptime!), 99.849)
        XCTAssertEqual(q3.met, false)
        XCTAssertEqual(q3.credit, 10)
        XCTAssertEqual(q3.budgetMinutes!, 132.48, accuracy: 1e-9)
        XCTAssertEqual(q3.claimBy, CalendarDay(year: 2026, month: 10, day: 30))
        XCTAssertTrue(q3.final)
        XCTAssertEqual(q3.month, ym("2026-07"))
        // August itself is information: its own figures, no verdict, credit or deadline.
        let aug = months(l)["2026-08"]!
        XCTAssertEqual(aug.uptime!, 100 * 44_440 / 44_640, accuracy: 1e-9)
        XCTAssertNil(aug.met)
        XCTAssertEqual(aug.credit, 0)
        XCTAssertNil(aug.claimBy)
        XCTAssertFalse(aug.judged)
        // The judged periods are the quarters from Q1 through Q4 (in progress).
        XCTAssertEqual(l.periods.map(\.period.description), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        XCTAssertEqual(l.missedMonths.map(\.period.description), ["2026-Q3"])
    }

    func testAQuarterMetDespiteABadMonth() {
        // GitHub's Q3 of issue 22: 107 bad minutes in July. July alone: 100 × 44 533 / 44 640 =
        // 99.7603… would miss; Q3: 100 × (132 480 − 107) / 132 480 = 99.91923… ≥ 99.9: met, no credit.
        let l = level(site([down("2026-07-20", minutes: 107)], terms: github()))
        let q3 = periods(l)["2026-Q3"]!
        XCTAssertEqual(q3.uptime!, 100 * 132_373 / 132_480, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(q3.uptime!), 99.919)
        XCTAssertEqual(q3.met, true)
        XCTAssertEqual(q3.credit, 0)
        XCTAssertNil(q3.claimBy)
        XCTAssertEqual(Published.uptime(months(l)["2026-07"]!.uptime!), 99.76)
        XCTAssertNil(months(l)["2026-07"]!.met)
        XCTAssertTrue(l.missedMonths.isEmpty)
    }

    func testAFiscalYearStartingInApril() {
        // Years from April, plan from 1 April 2025. FY2026 = Apr 2025 – Mar 2026: 365 days =
        // 525 600 min. 600 min down in February 2026: 100 × 525 000 / 525 600 = 99.88584… < 99.9:
        // missed, 10 %; claim by 31 Mar 2026 + 30 days = 30 Apr 2026. Budget 0.001 × 525 600 = 525.6.
        // FY2027 (Apr 2026 – Mar 2027) is in progress: 1 Apr → 24 Nov = 30 + 31 + 30 + 31 + 31 + 30
        // + 31 + 23 = 237 days = 341 280 min elapsed, nothing down: 100 %, not final, no credit.
        let l = level(
            site([down("2026-02-10", minutes: 600)], terms: github(.year, startMonth: 4), effective: "2025-04-01"))
        XCTAssertEqual(l.periods.map(\.period.description), ["FY2026", "FY2027"])
        let fy26 = periods(l)["FY2026"]!
        XCTAssertEqual(fy26.minutes, 525_600)
        XCTAssertEqual(fy26.uptime!, 100 * 525_000 / 525_600, accuracy: 1e-9)
        XCTAssertEqual(fy26.met, false)
        XCTAssertEqual(fy26.credit, 10)
        XCTAssertEqual(fy26.budgetMinutes!, 525.6, accuracy: 1e-9)
        XCTAssertEqual(fy26.claimBy, CalendarDay(year: 2026, month: 4, day: 30))
        XCTAssertEqual(fy26.period.from, CalendarDay(year: 2025, month: 4, day: 1))
        XCTAssertEqual(fy26.period.to, CalendarDay(year: 2026, month: 3, day: 31))
        let fy27 = periods(l)["FY2027"]!
        XCTAssertFalse(fy27.final)
        XCTAssertEqual(fy27.elapsedMinutes, 341_280)
        XCTAssertEqual(fy27.uptime, 100)
        XCTAssertEqual(fy27.credit, 0)
        XCTAssertEqual(l.currentPeriod?.period.description, "FY2027")
    }

    func testADSTQuarter() {
        // Europe/London, Q1 2026: 90 days, but the clocks go forward on 29 March: 129 600 − 60 =
        // 129 540 min; budget 0.001 × 129 540 = 129.54 min. 7 773 s = 129.55 min down:
        // 100 × (129 540 − 129.55) / 129 540 = 99.899992… < 99.9: missed (counted over 129 600
        // UTC minutes it would be 99.90004…, met).
        let l = level(
            site([down("2026-02-10", seconds: 7_773, london)], terms: github(), calendar: london), now: at("2026-04-10T00:00:00Z"))
        let q1 = periods(l)["2026-Q1"]!
        XCTAssertEqual(q1.minutes, 129_540)
        XCTAssertEqual(q1.budgetMinutes!, 129.54, accuracy: 1e-9)
        XCTAssertEqual(q1.uptime!, 100 * (129_540 - 129.55) / 129_540, accuracy: 1e-9)
        XCTAssertEqual(q1.met, false)
        XCTAssertEqual(q1.credit, 10)
    }

    func testTheCurrentQuarterSoFar() {
        // Q4 2026 at 24 Nov: 1 Oct → 24 Nov = 31 + 23 days = 77 760 min elapsed. 100 min down on
        // 3 Nov: 100 × 77 660 / 77 760 = 99.87139… so far, below 99.9 (met false so far), not
        // final: no credit, no claim_by. Budget over the whole quarter: 0.001 × 132 480 = 132.48,
        // left 32.48.
        let l = level(site([down("2026-11-03", minutes: 100)], terms: github()))
        let q4 = l.currentPeriod!
        XCTAssertEqual(q4.period.description, "2026-Q4")
        XCTAssertFalse(q4.final)
        XCTAssertEqual(q4.elapsedMinutes, 77_760)
        XCTAssertEqual(q4.uptime!, 100 * 77_660 / 77_760, accuracy: 1e-9)
        XCTAssertEqual(q4.met, false)
        XCTAssertEqual(q4.credit, 0)
        XCTAssertNil(q4.claimBy)
        XCTAssertEqual(q4.budgetLeftMinutes!, 32.48, accuracy: 1e-9)
        XCTAssertTrue(l.missedMonths.isEmpty)
    }

    func testARevisionFromMonthlyToQuarterly() {
        // Monthly from January; a revision effective 15 May makes it quarterly. The first whole
        // quarter on or after 15 May is Q3 (1 July): January–June stay months. June's version
        // in force says quarter, but June is judged as a month by the old terms (version
        // 2026-01-01). 200 min down in June (43 200 min): 100 × 43 000 / 43 200 = 99.537… missed,
        // 10 %, claim by 30 Jun + 30 = 30 Jul. Q3 is judged whole by the new version.
        let monthly = github(.month)
        let revision = Revision(
            date: day("2026-05-01"), note: "quarterly", effective: day("2026-05-15"), terms: SLATerms {
                $0[TermKeys.period] = .quarter
            })
        let l = level(site([down("2026-06-10", minutes: 200), down("2026-08-10", minutes: 50)], terms: monthly, revisions: [revision]))
        XCTAssertEqual(
            l.periods.map(\.period.description),
            ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-Q3", "2026-Q4"])
        let june = periods(l)["2026-06"]!
        XCTAssertEqual(june.version, CalendarDay(year: 2026, month: 1, day: 1))
        XCTAssertEqual(june.met, false)
        XCTAssertEqual(june.credit, 10)
        XCTAssertEqual(june.claimBy, CalendarDay(year: 2026, month: 7, day: 30))
        XCTAssertTrue(months(l)["2026-06"]!.judged)
        // Q3: 50 min of 132 480: 99.96225… met; August inside it is information.
        let q3 = periods(l)["2026-Q3"]!
        XCTAssertEqual(q3.version, CalendarDay(year: 2026, month: 5, day: 15))
        XCTAssertEqual(q3.met, true)
        XCTAssertFalse(months(l)["2026-08"]!.judged)
        XCTAssertEqual(months(l)["2026-08"]!.version, CalendarDay(year: 2026, month: 5, day: 15))
        // The terms in force now are the quarterly version's.
        XCTAssertEqual(l.terms.period, .quarter)
    }

    func testARevisionMidQuarterWaitsForTheQuartersEnd() {
        // Quarterly at 99.9; a revision effective 1 November raises it to 99.95. Q4 started on
        // 1 October under 99.9 and is judged by the terms of its first day: its objective is
        // 99.9 and its months carry that version; the version in force now is the new one.
        let revision = Revision(
            date: day("2026-10-20"), note: "stricter", effective: day("2026-11-01"), terms: SLATerms {
                $0[TermKeys.uptime] = 99.95
            })
        let l = level(site([], terms: github(), revisions: [revision]))
        let q4 = periods(l)["2026-Q4"]!
        XCTAssertEqual(q4.objective, 99.9)
        XCTAssertEqual(q4.version, CalendarDay(year: 2026, month: 1, day: 1))
        XCTAssertEqual(months(l)["2026-11"]!.objective, 99.9)
        XCTAssertEqual(l.terms.uptime, 99.95)
    }

    func testTerminationAfterNMissedQuarters() {
        // Termination after 2 missed periods in a row. 200 min down in February, May and
        // August: Q1 100 × 129 400 / 129 600 = 99.8456…, Q2 100 × 130 840 / 131 040 = 99.8473…,
        // Q3 99.8490…: all missed. Q1 is one miss; Q2 completes two: the right arises; Q3 too.
        // No month carries a right (months are not judged).
        let l = level(
            site(
                [down("2026-02-10", minutes: 200), down("2026-05-10", minutes: 200), down("2026-08-10", minutes: 200)],
                terms: github(termination: 2)))
        let p = periods(l)
        XCTAssertEqual(p["2026-Q1"]!.met, false)
        XCTAssertEqual(p["2026-Q1"]!.terminationRight, false)
        XCTAssertEqual(p["2026-Q2"]!.terminationRight, true)
        XCTAssertEqual(p["2026-Q3"]!.terminationRight, true)
        XCTAssertEqual(p["2026-Q2"]!.terminationAfter, 2)
        XCTAssertFalse(l.months.contains(where: \.terminationRight))
    }

    func testErrorRateOverAQuarter() {
        // method error_rate, 30-min intervals. Q3: 132 480 / 30 = 4 416 intervals. One July
        // interval at 10/10 = 100 %, one September interval at 5/10 = 50 %, all others 0 %.
        // Mean over the quarter's intervals: 150 / 4 416 = 0.033967… % → uptime 99.966032…
        // (the mean of the months' means would be (100/1 488 + 0 + 50/1 440) / 3 = 0.033975…:
        // not the rule). Downtime: 1 × 30 + 0.5 × 30 = 45 min.
        let samples = DowntimeTerms(source: .samples, interval: 30, method: .errorRate)
        var terms = github()
        terms[TermKeys.downtime] = samples
        let l = level(
            site(
                [], terms: terms,
                samples: [
                    SampleRow(start: at("2026-07-05T10:00:00Z"), total: 10, errors: 10),
                    SampleRow(start: at("2026-09-05T10:00:00Z"), total: 10, errors: 5),
                ]))
        let q3 = periods(l)["2026-Q3"]!
        XCTAssertEqual(q3.source, .samples)
        XCTAssertEqual(q3.uptime!, 100 - 150.0 / 4_416, accuracy: 1e-9)
        XCTAssertEqual(q3.meanErrorRate!, 150.0 / 4_416, accuracy: 1e-9)
        XCTAssertEqual(q3.downtimeMinutes!, 45, accuracy: 1e-9)
        XCTAssertEqual(q3.met, true)
    }

    func testAMeasuredMonthReplacesItsMinutesInsideTheQuarter() {
        // measurements.csv says August 99.5 %: (100 − 99.5) / 100 × 44 640 = 223.2 min replace
        // August's incidents (a 1 000-min outage then). July 10 min. Q3 downtime 233.2:
        // 100 × (132 480 − 233.2) / 132 480 = 99.82397… missed; source measurements.
        var s = site([down("2026-07-10", minutes: 10), down("2026-08-10", minutes: 1_000)], terms: github())
        s.measurements = [MeasuredUptime(service: "api", month: ym("2026-08"), uptime: 99.5)]
        let q3 = periods(level(s))["2026-Q3"]!
        XCTAssertEqual(q3.downtimeMinutes!, 233.2, accuracy: 1e-9)
        XCTAssertEqual(q3.uptime!, 100 * (132_480 - 233.2) / 132_480, accuracy: 1e-9)
        XCTAssertEqual(q3.source, .measurements)
    }

    func testAQuarterCountsOnlyItsMonthsWithData() {
        // status_since 1 August: July has no data, so Q3 is judged over August and September
        // (31 + 30 days = 87 840 min): 200 min down: 100 × 87 640 / 87 840 = 99.77231… missed,
        // budget 0.001 × 87 840 = 87.84; `month` (its first day counted) is August. Q2 ends
        // before status_since: no data, not judged.
        var s = site([down("2026-08-10", minutes: 200)], terms: github())
        s.config.statusSince = CalendarDay(year: 2026, month: 8, day: 1)
        let p = periods(level(s))
        XCTAssertEqual(p["2026-Q3"]!.minutes, 87_840)
        XCTAssertEqual(p["2026-Q3"]!.uptime!, 100 * 87_640 / 87_840, accuracy: 1e-9)
        XCTAssertEqual(p["2026-Q3"]!.budgetMinutes!, 87.84, accuracy: 1e-9)
        XCTAssertEqual(p["2026-Q3"]!.month, ym("2026-08"))
        XCTAssertEqual(p["2026-Q2"]!.source, .none)
        XCTAssertNil(p["2026-Q2"]!.met)
    }

    func testAPlanStartingMidQuarterJudgesThePartOfItsFirstQuarter() {
        // From 1 November: Q4's months reported are November and December; at now = 10 Jan 2027
        // Q4 is final over 30 + 31 days = 87 840 min; 100 min down: 99.88615… missed, 10 %,
        // claim by 31 Dec + 30 = 30 Jan 2027.
        let l = level(site([down("2026-11-10", minutes: 100)], terms: github(), effective: "2026-11-01"), now: at("2027-01-10T00:00:00Z"))
        let q4 = periods(l)["2026-Q4"]!
        XCTAssertEqual(q4.minutes, 87_840)
        XCTAssertEqual(q4.credit, 10)
        XCTAssertEqual(q4.claimBy, CalendarDay(year: 2027, month: 1, day: 30))
        XCTAssertEqual(l.periods.map(\.period.description), ["2026-Q4", "2027-Q1"])
    }

    func testAMonthlyServiceIsItsOwnPeriods() {
        // period: month (the default): no separate list, the months are the periods.
        let l = level(site([down("2026-08-10", minutes: 200)], terms: github(.month)))
        XCTAssertFalse(l.hasLongPeriods)
        XCTAssertEqual(l.periods, l.months)
        XCTAssertEqual(months(l)["2026-08"]!.met, false)
    }
}
