import Foundation
import SLACore
import XCTest

/// Issue 22 (docs/spec.md §3 *Composite services*): a composite `github` of `git` and `api`. Every
/// expected value is computed by hand beside it. October 2026 has 31 days: 44 640 minutes in
/// UTC; now = 2026-11-24T00:00:00Z. All times are on 5 October unless said.
final class CompositeTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    func t(_ hhmm: String) -> String { "2026-10-05T\(hhmm):00Z" }

    func row(_ hhmm: String, _ total: UInt64, _ errors: UInt64) -> SampleRow {
        SampleRow(start: at(t(hhmm)), total: total, errors: errors)
    }

    let judged = PlanService(
        id: "github", terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99, credit: 25)]
        })

    /// Plan `ent` from October 2026 covering `services`; `github` = any/worst of git and api.
    func site(
        _ services: [PlanService], combine: CombineRule = .any, incidents: [Incident], samples: [SampleRow] = []
    ) -> Site {
        let plan = Plan(id: "ent", title: "Enterprise", effective: LocalDateTime(iso8601: "2026-10-01")!, services: services)
        return Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"),
            terms: TermsPage(title: "Terms", body: ""),
            services: [
                Service(id: "api", title: "API"), Service(id: "git", title: "Git"),
                Service(id: "github", title: "GitHub", parts: ["git", "api"], combine: combine),
            ],
            plans: [plan], incidents: incidents, samples: samples.isEmpty ? [:] : ["api": SampleSeries(samples)])
    }

    func october(_ site: Site, _ service: String = "github") -> MonthFigure {
        SLAArithmetic.figures(for: site, now: now).level(plan: "ent", service: service)!.months[0]
    }

    func testOverlappingPartOutagesCountOnce() throws {
        let incidents = [
            incident("git-down", .major, t("10:00"), t("10:30"), services: ["git"]),
            incident("api-down", .major, t("10:20"), t("10:50"), services: ["api"]),
            incident("api-slow", .partial, t("11:00"), t("11:10"), services: ["api"]),
            incident("git-blip", .major, t("11:05"), t("11:07"), services: ["git"]),
        ]
        // Neither part is listed in the plan: each is measured by the plan's terms (incidents,
        // standard weights).
        let s = site([judged], incidents: incidents)
        let figures = SLAArithmetic.figures(for: s, now: now)
        let level = try XCTUnwrap(figures.level(plan: "ent", service: "github"))
        // w(t) = the largest part weight:
        //   10:00–10:50 1 (git 10:00–10:30 and api 10:20–10:50 overlap 10:20–10:30: once) → 50
        //   11:00–11:05 0.3 → 1.5; 11:05–11:07 1 → 2; 11:07–11:10 0.3 → 0.9
        // downtime = 50 + 1.5 + 2 + 0.9 = 54.4 (the parts alone: 32 + 33 = 65).
        let oct = level.months[0]
        XCTAssertEqual(oct.downtimeMinutes!, 54.4, accuracy: 1e-9)
        // uptime = 100 × (44 640 − 54.4) / 44 640 = 99.878136… → 99.878 < 99.9: 10 % (not < 99).
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.878)
        XCTAssertEqual(oct.met, false)
        XCTAssertEqual(oct.credit, 10)
        XCTAssertEqual(oct.source, .parts)
        // Only the composite is published.
        XCTAssertEqual(figures.plans[0].map(\.serviceID), ["github"])
        // The incidents that name a part count toward the composite, in site order.
        XCTAssertEqual(figures.counting[0][0], [0, 1, 2, 3])
        // What each counted: git-down 30 (sets w 10:00–10:30: on the tie 10:20–10:30 the part
        // listed first keeps it); api-down 20 (10:30–10:50; 10 inside git-down); api-slow 0.3 × 8 = 2.4
        // (2 minutes inside git-blip); git-blip 2. 30 + 20 + 2.4 + 2 = 54.4.
        let counts = SLAArithmetic.incidentCounts(figures.inputs[0][0].value)
        XCTAssertEqual(counts.map(\.minutes), [30, 20, 2.4, 2], accuracy: 1e-9)
        XCTAssertEqual(counts.map(\.overlappedMinutes), [0, 10, 2, 0], accuracy: 1e-9)
        // The 90-day bars read the same function: 54.4 on 5 October.
        let day = try XCTUnwrap(level.days.first { $0.day == CalendarDay(year: 2026, month: 10, day: 5) })
        XCTAssertEqual(day.downtimeMinutes!, 54.4, accuracy: 1e-9)
    }

    func testEachPartIsMeasuredByItsOwnTermsInThePlan() {
        let incidents = [
            incident("git-slow", .partial, t("10:00"), t("10:40"), services: ["git"]),
            incident("api-slow", .partial, t("10:20"), t("11:00"), services: ["api"]),
        ]
        // git listed with partial weighed 0.5: git 10:00–10:40 at 0.5, api 10:20–11:00 at 0.3.
        // max: 10:00–10:40 0.5 → 20; 10:40–11:00 0.3 → 6; downtime 26.
        let git = PlanService(id: "git", terms: SLATerms { $0[TermKeys.impactWeights] = [.partial: 0.5] })
        let s = site([judged, git], incidents: incidents)
        XCTAssertEqual(october(s).downtimeMinutes!, 26, accuracy: 1e-9)
        // The listed part is published as its own level too: 40 × 0.5 = 20, no objective.
        let gitOct = october(s, "git")
        XCTAssertEqual(gitOct.downtimeMinutes!, 20, accuracy: 1e-9)
        XCTAssertNil(gitOct.met)
        // Unlisted, git takes the plan's terms (standard 0.3): max is 0.3 throughout
        // 10:00–11:00 → 18.
        XCTAssertEqual(october(site([judged], incidents: incidents)).downtimeMinutes!, 18, accuracy: 1e-9)
    }

    /// api under samples: bad minutes (6 % > 5 %) 10:25–10:34; git under incidents.
    var apiSamples: [SampleRow] { (25..<35).map { row("10:\($0)", 100, 6) } }
    let apiBySamples = PlanService(id: "api", terms: SLATerms {
        $0[TermKeys.downtime] = DowntimeTerms(source: .samples, errorRateAbove: 5)
    })

    func testAPartUnderSamplesAndAPartUnderIncidents() throws {
        let incidents = [
            incident("git-down", .major, t("10:00"), t("10:30"), services: ["git"]),
            incident("git-slow", .partial, t("12:00"), t("12:10"), services: ["git"]),
        ]
        let s = site([judged, apiBySamples], incidents: incidents, samples: apiSamples)
        // 10:00–10:30 git (1) and 10:25–10:35 api's bad minutes overlap 10:25–10:30:
        // 10:00–10:35 → 35; 12:00–12:10 0.3 → 3; downtime 38.
        let oct = october(s)
        XCTAssertEqual(oct.downtimeMinutes!, 38, accuracy: 1e-9)
        // uptime = 100 × (44 640 − 38) / 44 640 = 99.914874… → 99.915 ≥ 99.9: met.
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.915)
        XCTAssertEqual(oct.met, true)
        // api itself, by samples: 10 minutes.
        XCTAssertEqual(october(s, "api").downtimeMinutes!, 10, accuracy: 1e-9)
        XCTAssertEqual(october(s, "api").source, .samples)
        // What git-down counted: 30 (it is the incident; the samples minutes 10:25–10:30 tie at
        // 1 and the incident keeps them); the 5 minutes 10:30–10:35 are the samples'.
        let figures = SLAArithmetic.figures(for: s, now: now)
        let counts = SLAArithmetic.incidentCounts(figures.inputs[0][0].value)
        XCTAssertEqual(counts.map(\.minutes), [30, 3], accuracy: 1e-9)
    }

    func testWorstTakesTheLowestPartsUptime() {
        let incidents = [incident("git-down", .major, t("10:00"), t("10:30"), services: ["git"])]
        let s = site([judged, apiBySamples], combine: .worst, incidents: incidents, samples: apiSamples)
        // git: 30 minutes, uptime 100 × (44 640 − 30) / 44 640 = 99.932796…; api: 10 minutes,
        // 99.977599…. worst: git's, 30 minutes (any would give 35: the overlap once).
        let oct = october(s)
        XCTAssertEqual(oct.downtimeMinutes!, 30, accuracy: 1e-9)
        XCTAssertEqual(oct.uptime!, 100 * (44_640 - 30) / 44_640, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.933)
        XCTAssertEqual(october(site([judged, apiBySamples], incidents: incidents, samples: apiSamples)).downtimeMinutes!, 35, accuracy: 1e-9)
        // An api outage of 40 minutes on 6 October makes api the worst: 10 + 40 = 50 minutes.
        let more = incidents + [incident("api-down", .major, "2026-10-06T00:00:00Z", "2026-10-06T00:40:00Z", services: ["api"])]
        // api's terms say samples: its incidents count nothing there, so git stays worst…
        XCTAssertEqual(october(site([judged, apiBySamples], combine: .worst, incidents: more, samples: apiSamples)).downtimeMinutes!, 30, accuracy: 1e-9)
        // …and with api by incidents (unlisted): api 40 > git 30, so 40.
        XCTAssertEqual(october(site([judged], combine: .worst, incidents: more)).downtimeMinutes!, 40, accuracy: 1e-9)
    }

    func testTheCompositesOwnIncidentsCountByItsOwnTerms() {
        // An incident that names github itself, partial, weighed 0.2 by github's terms in the
        // plan: 10:00–11:00 at 0.2 → 12, under git's major 10:30–10:40 (1) → 10:00–10:30 0.2
        // (6) + 10 + 10:40–11:00 0.2 (4) = 20.
        var own = judged
        own.terms[TermKeys.impactWeights] = [.partial: 0.2]
        let incidents = [
            incident("whole", .partial, t("10:00"), t("11:00"), services: ["github"]),
            incident("git-down", .major, t("10:30"), t("10:40"), services: ["git"]),
        ]
        XCTAssertEqual(october(site([own], incidents: incidents)).downtimeMinutes!, 20, accuracy: 1e-9)
    }

    /// docs/numbers.md, "Worked example: GitHub's any Service Feature": any feature down, by an
    /// error rate above 5 % in a minute or by detected unavailability (an incident).
    func testGitHubStyleAnyServiceFeature() throws {
        let both = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
            $0[TermKeys.downtime] = DowntimeTerms(source: .samplesAndIncidents, errorRateAbove: 5)
        }
        let plan = Plan(
            id: "ent", title: "Enterprise", effective: LocalDateTime(iso8601: "2026-10-01")!, terms: both,
            services: [PlanService(id: "github")])
        // git: 10:00–10:09 at 12 of 100 (bad); api: 14:00–14:04 at 6 of 100 (bad), 14:05 5 of 100
        // (not above 5 %); actions: 02:10–02:19 at 50 of 100, inside maintenance 02:00–03:00.
        let site = Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"),
            terms: TermsPage(title: "Terms", body: ""),
            services: [
                Service(id: "git", title: "Git"), Service(id: "api", title: "API"), Service(id: "actions", title: "Actions"),
                Service(id: "github", title: "GitHub", parts: ["git", "api", "actions"]),
            ],
            plans: [plan],
            incidents: [
                incident("actions-maintenance", .maintenance, t("02:00"), t("03:00"), services: ["actions"]),
                incident("git-degraded", .partial, t("10:05"), t("10:20"), services: ["git"]),
                incident("api-unavailable", .major, t("10:15"), t("10:25"), services: ["api"]),
            ],
            samples: [
                "git": SampleSeries((0..<10).map { row("10:0\($0)", 100, 12) }),
                "api": SampleSeries((0..<5).map { row("14:0\($0)", 100, 6) } + [row("14:05", 100, 5)]),
                "actions": SampleSeries((10..<20).map { row("02:\($0)", 100, 50) }),
            ])
        let figures = SLAArithmetic.figures(for: site, now: now)
        let level = try XCTUnwrap(figures.level(plan: "ent", service: "github"))
        // Each part by the plan's terms (both sources, above 5 %):
        //   git: 10:00–10:10 bad (10) + 10:10–10:20 partial 0.3 (3) = 13
        //   api: 10:15–10:25 major (10) + 14:00–14:05 bad (5) = 15
        //   actions: the bad minutes overlap excluded maintenance: rate 0, and the window w = 0: 0
        // github (any): 10:00–10:10 1 → 10; 10:10–10:15 0.3 → 1.5; 10:15–10:25 1 → 10 (git's
        // 0.3 under it, once); 14:00–14:05 1 → 5. Downtime 26.5 (the parts added: 28).
        let oct = level.months[0]
        XCTAssertEqual(oct.downtimeMinutes!, 26.5, accuracy: 1e-9)
        // uptime = 100 × (44 640 − 26.5) / 44 640 = 99.940636… → 99.941 ≥ 99.9: met, no credit.
        XCTAssertEqual(Published.uptime(oct.uptime!), 99.941)
        XCTAssertEqual(oct.met, true)
        XCTAssertEqual(oct.credit, 0)
        // What each incident counted toward github: git-degraded 1.5 (10:10–10:15; 5 minutes
        // inside bad minutes, 5 under api-unavailable); api-unavailable 10; the maintenance 0.
        // The bad minutes no incident set: 10 + 5 = 15. 1.5 + 10 + 15 = 26.5.
        let counts = SLAArithmetic.incidentCounts(figures.inputs[0][0].value)
        XCTAssertEqual(counts.map(\.minutes), [0, 1.5, 10], accuracy: 1e-9)
        XCTAssertEqual(counts[1].measuredMinutes, 5, accuracy: 1e-9)
        XCTAssertEqual(counts[1].overlappedMinutes, 5, accuracy: 1e-9)
        // With combine: worst, api's 15 minutes (99.966 %) is the lowest part's uptime.
        var worst = site
        worst.services[3].combine = .worst
        let w = SLAArithmetic.figures(for: worst, now: now).level(plan: "ent", service: "github")!.months[0]
        XCTAssertEqual(w.downtimeMinutes!, 15, accuracy: 1e-9)
        XCTAssertEqual(Published.uptime(w.uptime!), 99.966)
    }

    func testWorstOverAQuarterTakesTheQuartersWorstPart() throws {
        // github judged per quarter (Q3 2026: July–September, 92 days = 132,480 minutes); its
        // parts by the plan's terms (monthly). git: 30 minutes in July; api: 20 in August and 20
        // in September.
        var quarterly = judged
        quarterly.terms[TermKeys.period] = .quarter
        let plan = Plan(id: "ent", title: "Enterprise", effective: LocalDateTime(iso8601: "2026-07-01")!, services: [quarterly])
        var s = site([judged], combine: .worst, incidents: [
            incident("git-down", .major, "2026-07-10T10:00:00Z", "2026-07-10T10:30:00Z", services: ["git"]),
            incident("api-down", .major, "2026-08-10T10:00:00Z", "2026-08-10T10:20:00Z", services: ["api"]),
            incident("api-again", .major, "2026-09-10T10:00:00Z", "2026-09-10T10:20:00Z", services: ["api"]),
        ])
        s.plans = [plan]
        let level = try XCTUnwrap(SLAArithmetic.figures(for: s, now: now).level(plan: "ent", service: "github"))
        let q3 = try XCTUnwrap(level.periods.first)
        // The quarter's worst part is api (40 > 30): downtime 40, not the months' worst
        // (30 + 20 + 20 = 70). uptime = 100 × (132 480 − 40) / 132 480 = 99.969807… → 99.970 ≥ 99.9.
        XCTAssertEqual(q3.downtimeMinutes!, 40, accuracy: 1e-9)
        XCTAssertEqual(q3.minutes, 132_480)
        XCTAssertEqual(Published.uptime(q3.uptime!), 99.970)
        XCTAssertEqual(q3.source, .parts)
        // The months inside, as information, are api's in all three: 0, 20, 20.
        XCTAssertEqual(level.months.prefix(3).map { $0.downtimeMinutes! }, [0, 20, 20], accuracy: 1e-9)
        // With any: 30 + 20 + 20 = 70.
        s.services[2].combine = .any
        let any = try XCTUnwrap(SLAArithmetic.figures(for: s, now: now).level(plan: "ent", service: "github")?.periods.first)
        XCTAssertEqual(any.downtimeMinutes!, 70, accuracy: 1e-9)
    }

    func testMaintenanceOfTheCompositeItselfHoldsItAtZero() {
        // A maintenance window on github itself 10:00–10:20 (excluded by default) while git is
        // down 10:10–10:30: github counts only 10:20–10:30 → 10 (docs/spec.md §3: w = 0 throughout
        // a maintenance window for S, whatever else is open). git alone still counts 20.
        let incidents = [
            incident("window", .maintenance, t("10:00"), t("10:20"), services: ["github"]),
            incident("git-down", .major, t("10:10"), t("10:30"), services: ["git"]),
        ]
        let s = site([judged, PlanService(id: "git")], incidents: incidents)
        XCTAssertEqual(october(s).downtimeMinutes!, 10, accuracy: 1e-9)
        XCTAssertEqual(october(s, "git").downtimeMinutes!, 20, accuracy: 1e-9)
        // Counted: its terms say maintenance counts: 10:00–10:20 at the window's 1, then git's
        // 10:20–10:30 → 30.
        var counted = judged
        counted.terms[TermKeys.excludeMaintenance] = false
        XCTAssertEqual(october(site([counted], incidents: incidents)).downtimeMinutes!, 30, accuracy: 1e-9)
    }

    func testACompositeOfACompositeAndMaintenance() {
        // outer = [github, api]; github = [git, api]. Maintenance on git 10:00–10:20 is excluded
        // for git (w = 0 there), api down 10:10–10:30 → outer 10:10–10:30 = 20.
        var s = site([PlanService(id: "outer", terms: SLATerms { $0[TermKeys.uptime] = 99 })], incidents: [
            incident("window", .maintenance, t("10:00"), t("10:20"), services: ["git"]),
            incident("api-down", .major, t("10:10"), t("10:30"), services: ["api"]),
        ])
        s.services.append(Service(id: "outer", title: "Outer", parts: ["github", "api"]))
        let oct = october(s, "outer")
        XCTAssertEqual(oct.downtimeMinutes!, 20, accuracy: 1e-9)
        // The day bar shows 20 minutes of downtime and git's 10 minutes of excluded maintenance
        // that no part's Downtime covers (10:00–10:10).
        let day = SLAArithmetic.figures(for: s, now: now).level(plan: "ent", service: "outer")!.days
            .first { $0.day == CalendarDay(year: 2026, month: 10, day: 5) }!
        XCTAssertEqual(day.downtimeMinutes!, 20, accuracy: 1e-9)
        XCTAssertEqual(day.maintenanceMinutes, 10, accuracy: 1e-9)
    }
}

func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
