import Foundation
import SLACore
import XCTest

/// Issue 15 (docs/spec.md §3 Downtime from samples): every expected value is computed by hand beside
/// it. October 2026 has 31 days: 44 640 minutes in UTC. now = 2026-11-24T00:00:00Z unless said.
final class SamplesTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    func day(_ text: String) -> LocalDateTime { LocalDateTime(iso8601: text)! }

    func row(_ start: String, _ total: UInt64, _ errors: UInt64) -> SampleRow {
        SampleRow(start: at(start), total: total, errors: errors)
    }

    /// Plan `pro` from `effective`, covering `api` with `terms`; the samples of `api` are `rows`.
    func site(
        _ rows: [SampleRow], terms: SLATerms, effective: String = "2026-10-01", revisions: [Revision] = [],
        incidents: [Incident] = [], measurements: [MeasuredUptime] = [], calendar: SiteCalendar = utc,
        extraPlans: [Plan] = []
    ) -> Site {
        var config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        config.timeZone = calendar.timeZone
        let plan = Plan(
            id: "pro", title: "Pro", effective: day(effective), revisions: revisions, terms: terms,
            services: [PlanService(id: "api")])
        return Site(
            config: config, terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")],
            plans: [plan] + extraPlans, incidents: incidents, measurements: measurements,
            samples: ["api": SampleSeries(rows)])
    }

    func months(_ site: Site, plan: String = "pro", now: Instant? = nil) -> [String: MonthFigure] {
        let level = SLAArithmetic.figures(for: site, now: now ?? self.now).level(plan: plan, service: "api")
        return Dictionary(uniqueKeysWithValues: (level?.months ?? []).map { ($0.month.description, $0) })
    }

    func samples(
        interval: Int? = nil, method: SampleMethod? = nil, above: Double? = nil, minRequests: Int64? = nil,
        minConsecutive: Int? = nil
    ) -> DowntimeTerms {
        DowntimeTerms(
            source: .samples, interval: interval, method: method, errorRateAbove: above, minRequests: minRequests,
            minConsecutive: minConsecutive)
    }

    // MARK: The four providers' rules (docs/numbers.md reproduces each)

    func testAtlassianAMinuteAboveFivePercent() {
        // Atlassian: a Downtime Minute is a minute with an error rate above 5 %.
        // 10:00 6/100 = 6 % bad; 10:01 5/100 = 5 % not above 5; 10:02 51/1000 = 5.1 % bad;
        // 10:03 1/3 = 33 % bad (min_requests 1); 10:04 0/50 not bad; 10:05 no row: no requests.
        // Downtime 3 min; uptime 100 × (44 640 − 3) / 44 640 = 99.99327956… → 99.993.
        let s = site(
            [row("2026-10-05T10:00:00Z", 100, 6), row("2026-10-05T10:01:00Z", 100, 5),
             row("2026-10-05T10:02:00Z", 1000, 51), row("2026-10-05T10:03:00Z", 3, 1), row("2026-10-05T10:04:00Z", 50, 0)],
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.99
                $0[TermKeys.downtime] = samples(interval: 1, above: 5)
            })
        let oct = months(s)["2026-10"]!
        XCTAssertEqual(oct.source, .samples)
        XCTAssertEqual(oct.downtimeMinutes!, 3, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.993)
        // Budget (1 − 0.9999) × 44 640 = 4.464 min ≥ 3: met.
        XCTAssertEqual(oct.met, true)
    }

    func testGoogleCloudTenPercentHundredRequestsFiveMinutePeriods() {
        // Google Cloud: an error rate above 10 %, counted only with at least 100 requests, in
        // Downtime Periods of at least 5 consecutive minutes.
        var rows: [SampleRow] = []
        // 12:00–12:06: 7 bad minutes (30/200 = 15 %): a run of 7 ≥ 5, all counted.
        for k in 0..<7 { rows.append(row("2026-10-05T12:0\(k):00Z", 200, 30)) }
        // 12:20–12:23: a run of 4 < 5: none counted.
        for k in 0..<4 { rows.append(row("2026-10-05T12:2\(k):00Z", 200, 30)) }
        // 13:00–13:05, but 13:02 has 50 requests (40 errors = 80 %, yet < 100 requests: rate 0),
        // which splits it into runs of 2 and 3: none counted.
        for k in 0..<6 { rows.append(row("2026-10-05T13:0\(k):00Z", k == 2 ? 50 : 200, k == 2 ? 40 : 30)) }
        // 14:00–14:04: 11 of exactly 100 requests = 11 % > 10, 100 ≥ 100: a run of 5, counted.
        for k in 0..<5 { rows.append(row("2026-10-05T14:0\(k):00Z", 100, 11)) }
        // 15:00–15:04: 10 of 100 = 10 %, not above 10: no run.
        for k in 0..<5 { rows.append(row("2026-10-05T15:0\(k):00Z", 100, 10)) }
        let s = site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.95
            $0[TermKeys.downtime] = samples(above: 10, minRequests: 100, minConsecutive: 5)
        })
        let oct = months(s)["2026-10"]!
        // 7 + 5 = 12 min; uptime 100 × 44 628 / 44 640 = 99.97311827… → 99.973.
        XCTAssertEqual(oct.downtimeMinutes!, 12, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.973)
        XCTAssertEqual(oct.met, true)
    }

    func testAWSS3HundredMinusTheMeanOfFiveMinuteErrorRates() {
        // AWS S3: Monthly Uptime Percentage = 100 % − the mean of the five-minute error rates.
        // October has 44 640 / 5 = 8 928 intervals. 00:00–00:05 holds two rows: (10 + 30) /
        // (100 + 100) = 20 %; 00:05: 5/1000 = 0.5 %; 01:00: 10/10 = 100 %; all others 0 %.
        // Mean = 120.5 / 8 928 = 0.013496863… % → uptime 99.986503136… → 99.987.
        // Downtime = rate × length summed: 0.2 × 5 + 0.005 × 5 + 1 × 5 = 6.025 min.
        let s = site(
            [row("2026-10-01T00:00:00Z", 100, 10), row("2026-10-01T00:03:00Z", 100, 30),
             row("2026-10-01T00:05:00Z", 1000, 5), row("2026-10-01T01:00:00Z", 10, 10)],
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.downtime] = samples(interval: 5, method: .errorRate)
            })
        let oct = months(s)["2026-10"]!
        XCTAssertEqual(oct.uptime!, 100 - 120.5 / 8928, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.987)
        XCTAssertEqual(oct.downtimeMinutes!, 6.025, accuracy: 1e-9)
        XCTAssertEqual(oct.source, .samples)
    }

    func testGitHubAMinuteAboveFivePercentFromRowsWithinTheMinute() {
        // GitHub: a minute with an error rate above 5 %. Rows start at 09:00:00 and 09:00:30:
        // both count in the minute 09:00, (0 + 2) / (10 + 10) = 10 % > 5: bad. 09:01: 1/20 = 5 %:
        // not above. 09:02: 0/0 cannot be written as a rate; no requests: not bad.
        // Downtime 1 min; uptime 100 × 44 639 / 44 640 = 99.99775985… → 99.998.
        let s = site(
            [row("2026-10-07T09:00:00Z", 10, 0), row("2026-10-07T09:00:30Z", 10, 2), row("2026-10-07T09:01:00Z", 20, 1),
             row("2026-10-07T09:02:00Z", 0, 0)],
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.downtime] = samples(above: 5)
            })
        let oct = months(s)["2026-10"]!
        XCTAssertEqual(oct.downtimeMinutes!, 1, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.998)
    }

    // MARK: Runs, time zones, maintenance

    func testABadRunAcrossAMonthEdgeCountsEachIntervalInItsOwnMonth() {
        // min_consecutive 5. 23:57, 23:58, 23:59 on 31 October and 00:00, 00:01, 00:02 on
        // 1 November: one run of 6 ≥ 5: 3 min in October, 3 in November. A run of 2 on 15 October
        // (< 5) counts nowhere.
        var rows = ["2026-10-31T23:57:00Z", "2026-10-31T23:58:00Z", "2026-10-31T23:59:00Z", "2026-11-01T00:00:00Z",
                    "2026-11-01T00:01:00Z", "2026-11-01T00:02:00Z"].map { row($0, 10, 10) }
        rows += [row("2026-10-15T08:00:00Z", 10, 10), row("2026-10-15T08:01:00Z", 10, 10)]
        let m = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(minConsecutive: 5)
        }))
        XCTAssertEqual(m["2026-10"]!.downtimeMinutes!, 3, accuracy: 1e-9)
        XCTAssertEqual(m["2026-11"]!.downtimeMinutes!, 3, accuracy: 1e-9)
    }

    func testABadRunAcrossAnEdgeWhereTheRuleChangesIsJudgedByEachMonthsRule() {
        // October: runs of at least 5 minutes; from November (revision): at least 10. The run
        // 31 October 23:54–23:59 (6 min) + 1 November 00:00–00:02 (3 min) lasts 9 min:
        // 9 ≥ 5 counts October's 6 min; 9 < 10 leaves November's 3 uncounted.
        let rows = (54...59).map { row("2026-10-31T23:\($0):00Z", 10, 10) } + (0...2).map { row("2026-11-01T00:0\($0):00Z", 10, 10) }
        let revision = Revision(
            date: day("2026-10-20"), note: "longer periods", effective: day("2026-11-01"),
            terms: SLATerms { $0[TermKeys.downtime] = DowntimeTerms(minConsecutive: 10) })
        let m = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(minConsecutive: 5)
        }, revisions: [revision]))
        XCTAssertEqual(m["2026-10"]!.downtimeMinutes!, 6, accuracy: 1e-9)
        XCTAssertEqual(m["2026-11"]!.downtimeMinutes!, 0, accuracy: 1e-9)
        // Run lengths are time: with 5-minute intervals from November, the 9 minutes are one run
        // of 6 one-minute and one five-minute interval (00:00–00:05, 3 bad rows in it), 11 min:
        // October counts 6 (11 ≥ 5), November 5 (11 ≥ 2 × 5 with min_consecutive 2).
        let five = Revision(
            date: day("2026-10-20"), note: "five minutes", effective: day("2026-11-01"),
            terms: SLATerms { $0[TermKeys.downtime] = DowntimeTerms(interval: 5, minConsecutive: 2) })
        let n = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(minConsecutive: 5)
        }, revisions: [five]))
        XCTAssertEqual(n["2026-10"]!.downtimeMinutes!, 6, accuracy: 1e-9)
        XCTAssertEqual(n["2026-11"]!.downtimeMinutes!, 5, accuracy: 1e-9)
    }

    func testARunEndsAtAGapInThePlansMonths() {
        // api leaves the plan for November (revision) and comes back in December. 31 October
        // 23:58–23:59 (2 bad minutes) and 1 December 00:00–00:02 (3) are not one run of 5: the
        // months between are not the level's. Neither counts with runs of at least 5.
        let rows = ["2026-10-31T23:58:00Z", "2026-10-31T23:59:00Z", "2026-12-01T00:00:00Z", "2026-12-01T00:01:00Z",
                    "2026-12-01T00:02:00Z"].map { row($0, 10, 10) }
        let rule = SLATerms { $0[TermKeys.downtime] = samples(minConsecutive: 5) }
        let revisions = [
            Revision(date: day("2026-10-20"), note: "dropped", effective: day("2026-11-01"), services: [RevisionService(id: "api", terms: nil)]),
            Revision(date: day("2026-11-20"), note: "back", effective: day("2026-12-01"), services: [RevisionService(id: "api", terms: rule)]),
        ]
        let m = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(minConsecutive: 5)
        }, revisions: revisions), now: at("2026-12-10T00:00:00Z"))
        XCTAssertNil(m["2026-11"])
        XCTAssertEqual(m["2026-10"]!.downtimeMinutes!, 0, accuracy: 1e-9)
        XCTAssertEqual(m["2026-12"]!.downtimeMinutes!, 0, accuracy: 1e-9)
    }

    func testADSTMonthInTheSiteZoneWithFiveMinuteIntervals() {
        // Europe/London, October 2026: from 1 October 00:00 BST (30 September 23:00Z) to
        // 1 November 00:00 GMT; summer time ends on 25 October: 31 × 1 440 + 60 = 44 700 minutes,
        // 8 940 five-minute intervals. 30 September 23:02Z is 1 October 00:02 BST: October's first
        // interval, 5/10 = 50 %. 31 October 23:58Z is in its last interval (23:55–24:00 GMT),
        // 4/4 = 100 %. 30 September 22:58Z is September's and counts nowhere (the plan starts in
        // October). Mean = 150 / 8 940 = 0.016778523… % → uptime 99.983221476… → 99.983;
        // downtime 0.5 × 5 + 1 × 5 = 7.5 min.
        let s = site(
            [row("2026-09-30T22:58:00Z", 10, 10), row("2026-09-30T23:02:00Z", 10, 5), row("2026-10-31T23:58:00Z", 4, 4)],
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.downtime] = samples(interval: 5, method: .errorRate)
            }, calendar: london)
        let oct = months(s)["2026-10"]!
        XCTAssertEqual(oct.minutes, 44_700)
        XCTAssertEqual(oct.uptime!, 100 - 150.0 / 8940, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.983)
        XCTAssertEqual(oct.downtimeMinutes!, 7.5, accuracy: 1e-9)
        // The same rows by bad intervals: two bad intervals × 5 = 10 min of 44 700.
        let b = months(
            site(
                [row("2026-09-30T23:02:00Z", 10, 5), row("2026-10-31T23:58:00Z", 4, 4)],
                terms: SLATerms {
                    $0[TermKeys.uptime] = 99.9
                    $0[TermKeys.downtime] = samples(interval: 5)
                }, calendar: london))["2026-10"]!
        XCTAssertEqual(b.downtimeMinutes!, 10, accuracy: 1e-9)
    }

    func testIntervalsOverlappingMaintenanceAreZeroWhenMaintenanceIsExcluded() {
        // Five-minute intervals, any error is bad. Maintenance 10:02–10:10 overlaps the intervals
        // 10:00 and 10:05 (rate 0); 10:10–10:15 only touches it and 09:55 is before: both bad.
        // Excluded (the default): 2 × 5 = 10 min. Plan `open` counts maintenance: 4 × 5 = 20 min.
        // A major incident the same day does not count: samples decide.
        let rows = ["09:55", "10:00", "10:05", "10:10"].map { row("2026-10-05T\($0):00Z", 10, 1) }
        let maintenance = incident("m", .maintenance, "2026-10-05T10:02:00Z", "2026-10-05T10:10:00Z")
        let outage = incident("o", .major, "2026-10-05T12:00:00Z", "2026-10-05T14:00:00Z")
        let open = Plan(
            id: "open", title: "Open", effective: day("2026-10-01"),
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.excludeMaintenance] = false
                $0[TermKeys.downtime] = samples(interval: 5)
            },
            services: [PlanService(id: "api")])
        let s = site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(interval: 5)
        }, incidents: [maintenance, outage], extraPlans: [open])
        XCTAssertEqual(months(s)["2026-10"]!.downtimeMinutes!, 10, accuracy: 1e-9)
        XCTAssertEqual(months(s, plan: "open")["2026-10"]!.downtimeMinutes!, 20, accuracy: 1e-9)
    }

    func testSparseAndUnorderedRows() {
        // Rows out of order: 10:07, 10:01, 10:03. Five-minute intervals, above 2 %: 10:01 and 10:03
        // are both in 10:00–10:05, (1 + 0) / (10 + 10) = 5 % > 2: bad; 10:05–10:10 holds 10:07,
        // 0/10: not bad. Every other interval has no row: no requests. Downtime 5 min.
        let s = site(
            [row("2026-10-09T10:07:00Z", 10, 0), row("2026-10-09T10:01:00Z", 10, 1), row("2026-10-09T10:03:00Z", 10, 0)],
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.downtime] = samples(interval: 5, above: 2)
            })
        XCTAssertEqual(months(s)["2026-10"]!.downtimeMinutes!, 5, accuracy: 1e-9)
        XCTAssertEqual(s.samples["api"]!.rows.map(\.start), [at("2026-10-09T10:01:00Z"), at("2026-10-09T10:03:00Z"), at("2026-10-09T10:07:00Z")])
    }

    func testTheCurrentMonthCountsTheIntervalsEndedByNow() {
        // now = 24 November 00:07:30Z, five-minute intervals, any error bad. Bad rows at 23 November
        // 23:55 and 24 November 00:00 (both ended) and 00:05 (00:05–00:10 has not ended: not
        // counted). Downtime 10 min over the ended intervals, 1 November to 24 November 00:05:
        // 23 × 1 440 + 5 = 33 125 min; uptime 100 × 33 115 / 33 125 = 99.96981132… → 99.970.
        let now = at("2026-11-24T00:07:30Z")
        let rows = [row("2026-11-23T23:55:00Z", 10, 1), row("2026-11-24T00:00:00Z", 10, 1), row("2026-11-24T00:05:00Z", 10, 1)]
        let nov = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(interval: 5)
        }), now: now)["2026-11"]!
        XCTAssertFalse(nov.final)
        XCTAssertEqual(nov.elapsedMinutes, 33_125)
        XCTAssertEqual(nov.downtimeMinutes!, 10, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(nov.uptime!), 99.970)
        // With runs of at least 3 intervals, the run so far is 2 long (now ends it): nothing counts yet.
        let runs = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(interval: 5, minConsecutive: 3)
        }), now: now)
        XCTAssertEqual(runs["2026-11"]!.downtimeMinutes!, 0, accuracy: 1e-9)
        // error_rate: the mean over the 6 625 ended intervals: (10 + 10) / 6 625 % → 100 − 0.003018867… = 99.996981…
        let mean = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples(interval: 5, method: .errorRate)
        }), now: now)["2026-11"]!
        XCTAssertEqual(mean.uptime!, 100 - 20.0 / 6625, accuracy: 1e-9)
    }

    func testAnEmptyFile() {
        // No rows: no requests in any interval, so no Downtime; with no other status data the
        // first month with data is the month of now (docs/spec.md §2 status_since): October has none.
        let m = months(site([], terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples()
        }))
        XCTAssertEqual(m["2026-10"]!.source, .none)
        XCTAssertEqual(m["2026-11"]!.source, .samples)
        XCTAssertEqual(m["2026-11"]!.downtimeMinutes!, 0)
        XCTAssertEqual(m["2026-11"]!.uptime!, 100)
    }

    func testSamplesCountAsStatusDataForStatusSince() {
        // A first sample in September makes September the first month with data.
        let s = site([row("2026-09-10T00:00:00Z", 1, 0)], terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = samples()
        }, effective: "2026-08-01")
        XCTAssertEqual(SLAArithmetic.figures(for: s, now: now).statusSince, at("2026-09-01T00:00:00Z"))
        XCTAssertEqual(months(s)["2026-08"]!.source, .none)
        XCTAssertEqual(months(s)["2026-09"]!.source, .samples)
    }

    func testAVersionChangeOfTheRule() {
        // September by incidents: a 30-minute major outage (September has 43 200 min):
        // 100 × 43 170 / 43 200 = 99.93055… From October (revision) by samples, one-minute
        // intervals above 10 %: the outage's minutes no longer count; a 20 % minute does (1 min).
        // From November above 50 %: a 20 % minute does not.
        let rows = [row("2026-10-03T00:00:00Z", 10, 2), row("2026-11-03T00:00:00Z", 10, 2)]
        let outages = [
            incident("sep", .major, "2026-09-10T00:00:00Z", "2026-09-10T00:30:00Z"),
            incident("oct", .major, "2026-10-10T00:00:00Z", "2026-10-10T00:30:00Z"),
        ]
        let revisions = [
            Revision(date: day("2026-09-15"), note: "samples", effective: day("2026-10-01"), terms: SLATerms {
                $0[TermKeys.downtime] = samples(above: 10)
            }),
            Revision(date: day("2026-10-15"), note: "above 50", effective: day("2026-11-01"), terms: SLATerms {
                $0[TermKeys.downtime] = DowntimeTerms(errorRateAbove: 50)
            }),
        ]
        let m = months(site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
        }, effective: "2026-09-01", revisions: revisions, incidents: outages))
        XCTAssertEqual(m["2026-09"]!.source, .incidents)
        XCTAssertEqual(m["2026-09"]!.downtimeMinutes!, 30, accuracy: 1e-9)
        XCTAssertEqual(m["2026-10"]!.source, .samples)
        XCTAssertEqual(m["2026-10"]!.downtimeMinutes!, 1, accuracy: 1e-9)
        XCTAssertEqual(m["2026-11"]!.downtimeMinutes!, 0, accuracy: 1e-9)
        let figures = SLAArithmetic.figures(for: site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
        }, effective: "2026-09-01", revisions: revisions), now: now)
        XCTAssertEqual(figures.level(plan: "pro", service: "api")!.terms.downtime, .samples(SampleRule(errorRateAbove: 50)))
    }

    func testAMeasurementStillReplacesTheMonth() {
        // measurements.csv gives October 99.5: downtime (100 − 99.5) / 100 × 44 640 = 223.2 min.
        let s = site(
            [row("2026-10-05T10:00:00Z", 10, 10)], terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.downtime] = samples()
            },
            measurements: [MeasuredUptime(service: "api", month: ym("2026-10"), uptime: 99.5)])
        let oct = months(s)["2026-10"]!
        XCTAssertEqual(oct.source, .measurements)
        XCTAssertEqual(oct.downtimeMinutes!, 223.2, accuracy: 1e-9)
    }

    // MARK: The pieces

    func testDowntimeOfAnyRangeOfWholeIntervalsComesFromTheSameSpans() {
        // The Google Cloud month above, read per day: 5 October holds all 12 counted minutes.
        var rows: [SampleRow] = []
        for k in 0..<7 { rows.append(row("2026-10-05T12:0\(k):00Z", 200, 30)) }
        for k in 0..<5 { rows.append(row("2026-10-06T14:0\(k):00Z", 100, 11)) }
        let s = site(rows, terms: SLATerms {
            $0[TermKeys.uptime] = 99.95
            $0[TermKeys.downtime] = samples(above: 10, minRequests: 100, minConsecutive: 5)
        })
        let figures = SLAArithmetic.figures(for: s, now: now)
        let level = figures.level(plan: "pro", service: "api")!
        // The level's samples computation, as its months and days read it.
        let downtime = figures.inputs[0][0].value.samples!
        XCTAssertEqual(downtime.downtimeMinutes(from: at("2026-10-05T00:00:00Z"), to: at("2026-10-06T00:00:00Z")), 7)
        XCTAssertEqual(downtime.downtimeMinutes(from: at("2026-10-06T00:00:00Z"), to: at("2026-10-07T00:00:00Z")), 5)
        XCTAssertEqual(downtime.downtimeMinutes(from: at("2026-10-01T00:00:00Z"), to: at("2026-11-01T00:00:00Z")), level.months[0].downtimeMinutes)
    }

    func testErrorRateDowntimeOfAnyRangeComesFromTheSameRates() {
        // The AWS S3 month above: 1 October holds all of its 6.025 minutes; 2 October none. Half
        // of the 20 % interval (00:00–00:02:30) is 0.2 × 150 s = 30 s = 0.5 min.
        let s = site(
            [row("2026-10-01T00:00:00Z", 100, 10), row("2026-10-01T00:03:00Z", 100, 30),
             row("2026-10-01T00:05:00Z", 1000, 5), row("2026-10-01T01:00:00Z", 10, 10)],
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.9
                $0[TermKeys.downtime] = samples(interval: 5, method: .errorRate)
            })
        let downtime = SLAArithmetic.figures(for: s, now: now).inputs[0][0].value.samples!
        XCTAssertEqual(downtime.downtimeMinutes(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-02T00:00:00Z")), 6.025, accuracy: 1e-12)
        XCTAssertEqual(downtime.downtimeMinutes(from: at("2026-10-02T00:00:00Z"), to: at("2026-10-03T00:00:00Z")), 0)
        XCTAssertEqual(downtime.downtimeMinutes(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:02:30Z")), 0.5, accuracy: 1e-12)
        // One rate per interval of October and of November up to now (23 days × 288).
        XCTAssertEqual(downtime.rates.map(\.rates.count), [8928, 23 * 288])
    }

    func testTheDaysOfASamplesMonthSumToTheMonthAndItsIncidentsCountNothing() throws {
        // Atlassian-style minutes above 5 %: 2026-10-05 10:00 and 10:01 bad (6/100, 7/100), and
        // 2026-10-20 23:59 bad (1/10): 2 minutes on the 5th, 1 on the 20th; October 3 min.
        // A major incident on the 5th, 09:00–12:00, does not count (docs/spec.md §3: incidents do not
        // count under samples terms), so the 5th's bar is the samples' 2 minutes, not 180.
        let outage = Incident(
            id: "o", title: "O", services: ["api"], impact: .major, start: at("2026-10-05T09:00:00Z"), end: at("2026-10-05T12:00:00Z"))
        let s = site(
            [row("2026-10-05T10:00:00Z", 100, 6), row("2026-10-05T10:01:00Z", 100, 7), row("2026-10-20T23:59:00Z", 10, 1)],
            terms: SLATerms {
                $0[TermKeys.uptime] = 99.99
                $0[TermKeys.downtime] = samples(interval: 1, above: 5)
            }, incidents: [outage])
        let figures = SLAArithmetic.figures(for: s, now: now)
        let level = try XCTUnwrap(figures.level(plan: "pro", service: "api"))
        let byDay = Dictionary(uniqueKeysWithValues: level.days.map { ($0.day.description, $0) })
        XCTAssertEqual(byDay["2026-10-05"]!.downtimeMinutes!, 2, accuracy: 1e-9)
        XCTAssertEqual(byDay["2026-10-05"]!.source, .samples)
        XCTAssertEqual(byDay["2026-10-20"]!.downtimeMinutes!, 1, accuracy: 1e-9)
        let october = level.days.filter { $0.day.yearMonth == ym("2026-10") }
        let month = try XCTUnwrap(level.months.first { $0.month == ym("2026-10") })
        XCTAssertEqual(month.downtimeMinutes!, 3, accuracy: 1e-9)
        XCTAssertEqual(october.compactMap(\.downtimeMinutes).reduce(0, +), month.downtimeMinutes!, accuracy: 1e-9)
        // What the incident counted: 0 in October, because the month is measured by samples.
        let counts = SLAArithmetic.incidentCounts(figures.inputs[0][0].value)
        XCTAssertEqual(counts.count, 1)
        XCTAssertEqual(counts[0].minutes, 0)
        XCTAssertTrue(counts[0].measuredBySamples)
        XCTAssertEqual(counts[0].openMinutes, 180)
    }

    func testThresholdsAreComparedExactly() {
        // 0.1 %: 1 of 1 000 is exactly 0.1 % (not above); 1 of 999 is 0.1001 % (above).
        let t = ErrorThreshold(percent: 0.1)
        XCTAssertEqual(t.num, 1)
        XCTAssertEqual(t.den, 10)
        XCTAssertFalse(t.isExceeded(errors: 1, total: 1000))
        XCTAssertTrue(t.isExceeded(errors: 1, total: 999))
        // 0 %: any error is above; 100 %: nothing is.
        XCTAssertTrue(ErrorThreshold(percent: 0).isExceeded(errors: 1, total: SampleSeries.maxCount))
        XCTAssertFalse(ErrorThreshold(percent: 0).isExceeded(errors: 0, total: 5))
        XCTAssertFalse(ErrorThreshold(percent: 100).isExceeded(errors: 5, total: 5))
        // Large counts (no overflow): 10^15 × 100 × 10 needs more than 64 bits.
        XCTAssertTrue(ErrorThreshold(percent: 99.9).isExceeded(errors: SampleSeries.maxCount, total: SampleSeries.maxCount))
    }

    func testTheSeriesPacksAndReadsBack() {
        let rows = [
            SampleRow(start: Instant(seconds: -86_400), total: 0, errors: 0),
            SampleRow(start: Instant(seconds: 60), total: SampleSeries.maxCount, errors: 12_345),
            SampleRow(start: Instant(seconds: 1_790_000_000), total: 300, errors: 300),
        ]
        let series = SampleSeries(rows.reversed())
        XCTAssertEqual(series.rows, rows)
        XCTAssertEqual(series.count, 3)
        XCTAssertEqual(series, SampleSeries(rows))
        XCTAssertNotEqual(series, SampleSeries(Array(rows.dropLast())))
    }
}
