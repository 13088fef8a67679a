import Foundation
import SLACore
@testable import SiteRender
import XCTest

/// Issue 22 (docs/spec.md §3 Composite services, Both sources; §4 `parts`): the pages and sla.json read
/// the composite's figures. October 2026 in UTC: 44,640 minutes; now 2026-11-24T00:00:00Z.
final class CompositePageTests: XCTestCase {
    func t(_ hhmm: String) -> String { "2026-10-05T\(hhmm):00Z" }

    /// Plan `ent` covers `github` (= any of git, api; 99.9%, 10% below) and lists `git` for
    /// information (no objective); `api` is not listed. Incidents on 5 October:
    /// git 10:00–10:30 major, api 10:20–10:50 major, api 11:00–11:10 partial, git 11:05–11:07 major.
    func pages() throws -> [String: String] {
        let plan = Plan(
            id: "ent", title: "Enterprise", effective: LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true),
            services: [
                PlanService(id: "github", terms: SLATerms {
                    $0[TermKeys.uptime] = 99.9
                    $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
                }),
                PlanService(id: "git"),
            ])
        let site = Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"),
            terms: TermsPage(title: "Terms", body: ""),
            services: [
                Service(id: "github", title: "GitHub", parts: ["git", "api"]), Service(id: "git", title: "Git"),
                Service(id: "api", title: "API"),
            ],
            plans: [plan],
            incidents: [
                FeedsTestSupport.incident("git-down", .major, t("10:00"), t("10:30"), services: ["git"]),
                FeedsTestSupport.incident("api-down", .major, t("10:20"), t("10:50"), services: ["api"]),
                FeedsTestSupport.incident("api-slow", .partial, t("11:00"), t("11:10"), services: ["api"]),
                FeedsTestSupport.incident("git-blip", .major, t("11:05"), t("11:07"), services: ["git"]),
            ])
        let files = try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: FeedsTestSupport.now)).render()
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// Each "What it counted" table's service (its caption) and rows.
    func tables(_ html: String) throws -> [(String, [[String]])] {
        try html.components(separatedBy: "<table class=\"counted\">").dropFirst().map { piece in
            let caption = piece.range(of: "<caption>").flatMap { c in
                piece.range(of: "</caption>", range: c.upperBound..<piece.endIndex).map { String(piece[c.upperBound..<$0.lowerBound]) }
            } ?? ""
            return (caption, try IncidentCountedPageTests.rows("<table class=\"counted\">" + piece))
        }
    }

    func testSLAJSONListsPartsAndTheCompositesMonth() throws {
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try XCTUnwrap(pages()["sla.json"]).utf8)) as? [String: Any])
        let services = try XCTUnwrap(((json["plans"] as? [[String: Any]])?.first)?["services"] as? [[String: Any]])
        XCTAssertEqual(services.map { $0["id"] as? String }, ["github", "git"])
        XCTAssertEqual(services[0]["parts"] as? [String], ["git", "api"])
        XCTAssertEqual(services[0]["combine"] as? String, "any")
        // A service measured on its own has neither key.
        XCTAssertNil(services[1]["parts"])
        XCTAssertNil(services[1]["combine"])
        let october = try XCTUnwrap((services[0]["months"] as? [[String: Any]])?.first)
        // 10:00–10:50 (overlap once) 50 + 11:00–11:05 1.5 + 11:05–11:07 2 + 11:07–11:10 0.9 = 54.4;
        // 100 × (44 640 − 54.4) / 44 640 = 99.878136… → 99.878 < 99.9: 10%.
        XCTAssertEqual(october["downtime_minutes"] as? Double, 54.4)
        XCTAssertEqual(october["uptime"] as? Double, 99.878)
        XCTAssertEqual(october["credit"] as? Double, 10)
        XCTAssertEqual(october["source"] as? String, "parts")
        // git alone, for information: 30 + 2 = 32 minutes, no objective.
        let git = try XCTUnwrap((services[1]["months"] as? [[String: Any]])?.first)
        XCTAssertEqual(git["downtime_minutes"] as? Double, 32)
        XCTAssertTrue(git["met"] is NSNull)
    }

    func testTheDetailsPageLinksThePartsThePlanPublishes() throws {
        let html = try XCTUnwrap(pages()["plans/ent/github/index.html"])
        XCTAssertTrue(
            html.contains(
                "GitHub is made of <a href=\"/plans/ent/git/\">Git</a>, API, each measured by its own terms in this plan: a minute counts as Downtime when it does for any of them"),
            "the parts sentence")
        // The history and the 90-day bar show the composite's figures: 54.4 minutes on 5 October.
        XCTAssertTrue(html.contains("<td class=\"num\">99.878%</td><td class=\"num\">54.4 min</td>"))
        XCTAssertTrue(html.contains("October 5, 2026: 54.4 min downtime"))
        XCTAssertTrue(html.contains("<td>Its parts</td>"))
    }

    func testIncidentPagesCountTowardTheCompositeThroughThePart() throws {
        let pages = try pages()
        // git-down on Git (for information: no objective) and on GitHub (through Git).
        let gitDown = try tables(try XCTUnwrap(pages["incidents/git-down/index.html"]))
        XCTAssertEqual(gitDown.map(\.0), ["Git", "GitHub"])
        XCTAssertEqual(gitDown[0].1, [["Enterprise", "October 2026", "30.0 min", "Counted in full", "No objective", "None"]])
        XCTAssertEqual(gitDown[1].1, [["Enterprise", "October 2026", "30.0 min", "Counted in full", "Missed", "10% of the monthly fee"]])
        // api-down names only API, which the plan does not list: it counts toward GitHub alone,
        // 20 of its 30 minutes (10:20–10:30 Git's outage set the weight, on the tie the part
        // listed first keeps it).
        let apiDownHTML = try XCTUnwrap(pages["incidents/api-down/index.html"])
        XCTAssertTrue(apiDownHTML.contains("<li><strong>API</strong>: no plan counts it on its own</li>"))
        XCTAssertTrue(apiDownHTML.contains("<li><strong>GitHub (through its parts)</strong>: <a href=\"/plans/ent/github/\""))
        let apiDown = try tables(apiDownHTML)
        XCTAssertEqual(apiDown.map(\.0), ["GitHub"])
        XCTAssertEqual(apiDown[0].1[0][2], "20.0 min")
        // api-slow counts 0.3 × 8 = 2.4, git-blip 2: 30 + 20 + 2.4 + 2 = 54.4, the month's.
        let slow = try tables(try XCTUnwrap(pages["incidents/api-slow/index.html"]))
        XCTAssertEqual(slow[0].1[0][2], "2.4 min")
        XCTAssertEqual(try tables(try XCTUnwrap(pages["incidents/git-blip/index.html"]))[1].1[0][2], "2.0 min")
    }

    func testBothSourcesOnTheDetailsAndIncidentPages() throws {
        // api by samples and incidents: bad minutes 10:00–10:02 (6% > 5%); a partial incident
        // 10:01–10:05 (0.3): w' = 1 + 1 (the partial inside a bad minute counts 1) + 3 × 0.3 = 2.9.
        let plan = Plan(
            id: "pro", title: "Pro", effective: LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true),
            services: [
                PlanService(
                    id: "api",
                    terms: SLATerms {
                        $0[TermKeys.uptime] = 99.9
                        $0[TermKeys.downtime] = DowntimeTerms(source: .samplesAndIncidents, errorRateAbove: 5)
                    })
            ])
        let rows = [SampleRow(start: FeedsTestSupport.at(t("10:00")), total: 100, errors: 6), SampleRow(start: FeedsTestSupport.at(t("10:01")), total: 100, errors: 6)]
        let site = Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"),
            terms: TermsPage(title: "Terms", body: ""), services: [Service(id: "api", title: "API")], plans: [plan],
            incidents: [FeedsTestSupport.incident("slow", .partial, t("10:01"), t("10:05"))],
            samples: ["api": SampleSeries(rows)])
        let files = try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: FeedsTestSupport.now)).render()
        let pages = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let details = try XCTUnwrap(pages["plans/pro/api/index.html"])
        XCTAssertTrue(details.contains("Incidents count too: monthly Downtime adds up, minute by minute, the larger of the two"))
        XCTAssertTrue(details.contains("<td class=\"num\">2.9 min</td>"))
        XCTAssertTrue(details.contains("<td>Request samples and incidents</td>"))
        // The incident set w' 10:02–10:05 at 0.3: 0.9; 10:01–10:02 a bad minute set it.
        XCTAssertEqual(
            try tables(try XCTUnwrap(pages["incidents/slow/index.html"]))[0].1,
            [["Pro", "October 2026", "0.9 min", "Counted at 30% weight; 1.0 min inside minutes counted by request samples or measurements", "Met", "None"]])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(pages["sla.json"]).utf8)) as? [String: Any])
        let service = try XCTUnwrap((((json["plans"] as? [[String: Any]])?.first)?["services"] as? [[String: Any]])?.first)
        XCTAssertEqual((service["downtime"] as? [String: Any])?["source"] as? String, "samples_and_incidents")
        XCTAssertEqual((service["months"] as? [[String: Any]])?.first?["source"] as? String, "samples_and_incidents")
    }

    func testAVersionPageShowsNoDowntimeRuleOfItsOwnForAComposite() throws {
        // The plan measures by both sources at its level; github (composite) and git inherit it.
        // Only git's terms say how Downtime is measured: github's come from its parts.
        let both = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.downtime] = DowntimeTerms(source: .samplesAndIncidents, errorRateAbove: 5)
        }
        let plan = Plan(
            id: "ent", title: "Enterprise", effective: LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true),
            revisions: [Revision(date: LocalDateTime(year: 2026, month: 11, day: 1, isDateOnly: true), note: "N", terms: SLATerms {
                $0[TermKeys.uptime] = 99.95
            })],
            terms: both, services: [PlanService(id: "github"), PlanService(id: "git")])
        let site = Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"),
            terms: TermsPage(title: "Terms", body: ""),
            services: [Service(id: "github", title: "GitHub", parts: ["git", "api"]), Service(id: "git", title: "Git"), Service(id: "api", title: "API")],
            plans: [plan], incidents: [])
        let files = try SiteRenderer(site: site, figures: SLAArithmetic.figures(for: site, now: FeedsTestSupport.now)).render()
        let page = try XCTUnwrap(files.first { $0.path == "plans/ent/versions/2026-11-01/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        XCTAssertEqual(page.components(separatedBy: "A minute counts as Downtime when more than 5").count - 1, 1)
        let github = try XCTUnwrap(page.range(of: "GitHub"))
        let git = try XCTUnwrap(page.range(of: "Git<", range: github.upperBound..<page.endIndex) ?? page.range(of: "Git ", range: github.upperBound..<page.endIndex))
        XCTAssertFalse(page[github.upperBound..<git.lowerBound].contains("A minute counts as Downtime"))
    }
}
