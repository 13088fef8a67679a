import Foundation
import SLACore
import XCTest

/// Issue 17, points 2 and 3: impact weights as an SLA term at every level, an incident's own
/// weight, and claim deadlines. Every expected value is computed by hand beside it.
final class WeightsAndClaimsTests: XCTestCase {
    let now = at("2026-11-24T00:00:00Z")

    /// A site with two plans covering `api`; `pro` counts partial outages in full for it.
    func site(_ incidents: [Incident], proTerms: SLATerms = SLATerms {
        $0[TermKeys.impactWeights] = [.partial: 1.0]
    }) -> Site {
        var config = SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/")
        config.defaults = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
            $0[TermKeys.claimWindow] = .days(15)
        }
        let api = Service(id: "api", title: "API")
        let plans = [
            Plan(id: "basic", title: "Basic", effective: LocalDateTime(iso8601: "2026-06-01T00:00:00")!,
                 services: [PlanService(id: "api", terms: SLATerms())]),
            Plan(id: "pro", title: "Pro", effective: LocalDateTime(iso8601: "2026-06-01T00:00:00")!,
                 services: [PlanService(id: "api", terms: proTerms)]),
        ]
        return Site(config: config, terms: TermsPage(title: "Terms", body: ""), services: [api], plans: plans,
                    incidents: incidents, measurements: [])
    }

    func june(_ site: Site, plan: String) -> MonthFigure {
        SLAArithmetic.figures(for: site, now: now).level(plan: plan, service: "api")!.months.first { $0.month == ym("2026-06") }!
    }

    func testALevelsImpactWeightsAmendTheSitesKeyByKey() {
        // 60 min partial in June. Basic: site weight 0.3 → 18 min. Pro: its level sets partial
        // 1.0 → 60 min; its major weight is still the site's 1.0.
        let s = site([incident("p", .partial, "2026-06-10T00:00:00Z", "2026-06-10T01:00:00Z")])
        XCTAssertEqual(june(s, plan: "basic").downtimeMinutes!, 18, accuracy: 1e-9)
        XCTAssertEqual(june(s, plan: "pro").downtimeMinutes!, 60, accuracy: 1e-9)
        let pro = s.terms(plan: s.plans[1], service: "api")
        XCTAssertEqual(pro.impactWeights, ImpactWeights(major: 1, partial: 1, degraded: 0, maintenance: 1))
        // The site's own impact_weights are the top of the chain.
        var t = s
        t.config.impactWeights.degraded = 0.1
        XCTAssertEqual(t.terms(plan: t.plans[1], service: "api").impactWeights.degraded, 0.1)
        XCTAssertEqual(t.terms(plan: t.plans[1], service: "api").impactWeights.partial, 1)
    }

    func testAnIncidentsOwnWeightWinsAtEveryLevel() {
        // 60 min partial with weight 0.5: 30 min in both plans, whatever their weights say.
        var p = incident("p", .partial, "2026-06-10T00:00:00Z", "2026-06-10T01:00:00Z")
        p.weight = 0.5
        let s = site([p])
        XCTAssertEqual(june(s, plan: "basic").downtimeMinutes!, 30, accuracy: 1e-9)
        XCTAssertEqual(june(s, plan: "pro").downtimeMinutes!, 30, accuracy: 1e-9)
    }

    func testOverlapsTakeTheLargestWeightAndMaintenanceStillExcludes() {
        // Degraded with own weight 0.8, 00:00–02:00; major 00:30–01:00 (weight 1.0).
        // w = 0.8 for 90 min, 1.0 for 30 min: 72 + 30 = 102 min (never both).
        var d = incident("d", .degraded, "2026-06-10T00:00:00Z", "2026-06-10T02:00:00Z")
        d.weight = 0.8
        let m = incident("m", .major, "2026-06-10T00:30:00Z", "2026-06-10T01:00:00Z")
        XCTAssertEqual(june(site([d, m]), plan: "basic").downtimeMinutes!, 102, accuracy: 1e-9)
        // A maintenance window 01:30–02:30 with exclusion (the default): w = 0 from 01:30, so
        // the degraded incident counts 00:00–01:30: 60 × 0.8 + 30 × 1.0 = 78 min.
        let w = incident("w", .maintenance, "2026-06-10T01:30:00Z", "2026-06-10T02:30:00Z")
        XCTAssertEqual(june(site([d, m, w]), plan: "basic").downtimeMinutes!, 78, accuracy: 1e-9)
        // An own weight of 0 counts nothing.
        var z = incident("z", .major, "2026-06-11T00:00:00Z", "2026-06-11T01:00:00Z")
        z.weight = 0
        XCTAssertEqual(june(site([z]), plan: "basic").downtimeMinutes, 0)
    }

    func testClaimByAfterDaysOrMonths() {
        // September 2026 ends on the 30th: + 15 days → 15 October 2026 (Atlassian's rule).
        let days = ResolvedTerms {
            $0.uptime = 99.9
            $0.claimWindow = .days(15)
        }
        XCTAssertEqual(days.claimBy(ym("2026-09")), CalendarDay(year: 2026, month: 10, day: 15))
        // + 30 days from 31 January 2026 → 2 March 2026 (February has 28 days: 28 + 2).
        XCTAssertEqual(ResolvedTerms {
            $0.uptime = nil
            $0.claimWindow = .days(30)
        }.claimBy(ym("2026-01")), CalendarDay(year: 2026, month: 3, day: 2))
        // A leap February: 29 February 2028 + 30 days → 30 March 2028.
        XCTAssertEqual(ResolvedTerms {
            $0.uptime = nil
            $0.claimWindow = .days(30)
        }.claimBy(ym("2028-02")), CalendarDay(year: 2028, month: 3, day: 30))
        // AWS: by the end of the second billing cycle after: September → 30 November 2026.
        let months = ResolvedTerms {
            $0.uptime = 99.9
            $0.claimWindow = .months(2)
        }
        XCTAssertEqual(months.claimBy(ym("2026-09")), CalendarDay(year: 2026, month: 11, day: 30))
        // December 2026 + 2 months → 28 February 2027.
        XCTAssertEqual(months.claimBy(ym("2026-12")), CalendarDay(year: 2027, month: 2, day: 28))
        XCTAssertNil(ResolvedTerms { $0.uptime = 99.9 }.claimBy(ym("2026-09")))
    }

    func testClaimByIsSetOnFinalMonthsWithACreditOnly() {
        // June 2026: 180 min major → 99.583 % < 99.9 → 10 % credit; claim by 30 June + 15 = 15 July.
        // July: no incident, no credit, no claim_by. November: in progress, no claim_by.
        let s = site([
            incident("a", .major, "2026-06-10T00:00:00Z", "2026-06-10T03:00:00Z"),
            incident("b", .major, "2026-11-10T00:00:00Z", "2026-11-10T03:00:00Z"),
        ])
        let months = SLAArithmetic.figures(for: s, now: now).level(plan: "basic", service: "api")!.months
        XCTAssertEqual(months.first { $0.month == ym("2026-06") }?.credit, 10)
        XCTAssertEqual(months.first { $0.month == ym("2026-06") }?.claimBy, CalendarDay(year: 2026, month: 7, day: 15))
        XCTAssertNil(months.first { $0.month == ym("2026-07") }?.claimBy)
        XCTAssertEqual(months.last?.final, false)
        XCTAssertNil(months.last?.claimBy)
    }

    func testTheLevelThatSetsAClaimWindowSetsIt() {
        // Site defaults: 15 days. A plan's months window replaces it (not both at once).
        let resolved = SLATerms.resolve([SLATerms {
            $0[TermKeys.claimWindow] = .days(15)
        }, SLATerms { $0[TermKeys.claimWindow] = .months(2) }])
        XCTAssertNil(resolved.claimWindowDays)
        XCTAssertEqual(resolved.claimWindowMonths, 2)
        let back = SLATerms.resolve([SLATerms {
            $0[TermKeys.claimWindow] = .months(2)
        }, SLATerms { $0[TermKeys.claimWindow] = .days(10) }])
        XCTAssertEqual(back.claimWindowDays, 10)
        XCTAssertNil(back.claimWindowMonths)
        // A level that sets neither keeps what is above it.
        XCTAssertEqual(SLATerms.resolve([SLATerms {
            $0[TermKeys.claimWindow] = .months(2)
        }, SLATerms { $0[TermKeys.uptime] = 99 }]).claimWindowMonths, 2)
    }
}
