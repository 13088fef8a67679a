import SiteBuild
import SLACore
@testable import SiteRender
import XCTest

final class FeedsItemTests: XCTestCase {
    func testOneItemPerIncidentRevisionAndMissedMonthNewestFirst() throws {
        // pro/api 2026-10: 480 min of 44,640 down (maintenance excluded) → 98.925% < 99.0 → credit 25 (cap 25).
        let revision = Revision(date: LocalDateTime(year: 2026, month: 10, day: 15, isDateOnly: true), note: "Tiers < 99 & more")
        let context = FeedsTestSupport.context(FeedsTestSupport.site(revisions: [revision]))
        let items = FeedItems.items(context)
        XCTAssertEqual(
            items.map(\.id),
            [
                "https://sla.example.com/plans/pro/api/#missed-2026-10",  // 2026-11-01T00:00Z
                "https://sla.example.com/incidents/api-outage/#incident",  // 2026-10-20
                "https://sla.example.com/plans/pro/#revision-2026-10-15",  // 2026-10-15
                "https://sla.example.com/incidents/maint/#incident",  // 2026-10-04
            ])
        XCTAssertEqual(items.map(\.kind), [.missedObjective, .incident, .revision, .incident])

        let missed = items[0]
        // The period in words, as the details page names it (the anchor keeps the machine form).
        XCTAssertEqual(missed.title, "Pro · API missed 99.9% in October 2026")
        XCTAssertEqual(missed.published, FeedsTestSupport.at("2026-11-01T00:00:00Z"))
        XCTAssertEqual(missed.url, "https://sla.example.com/plans/pro/api/")
        XCTAssertTrue(missed.summary.contains("98.925% uptime in October 2026, below its 99.9% objective"), missed.summary)
        // Claim-neutral (issue 17): credits are given on claim; October 2026 ends on the 31st,
        // + 30 days → November 30, 2026.
        XCTAssertTrue(missed.summary.contains("This month is eligible for a service credit of 25% of the monthly fee, on claim."))
        XCTAssertTrue(missed.summary.contains("Claim by November 30, 2026."), missed.summary)
        XCTAssertFalse(missed.summary.contains("is owed"))

        let outage = items[1]
        XCTAssertEqual(outage.contentHTML, context.incidentHTML[1])
        // A one-off build renders an incident's body when asked (issue 23); the preview renders
        // them all up front: the same HTML either way.
        XCTAssertEqual(context.incidentHTML[1], "<p>Down <strong>8 h</strong>.</p>\n")
        let site = FeedsTestSupport.site(revisions: [revision])
        let kept = RenderContext(site: site, figures: SLAArithmetic.figures(for: site, now: FeedsTestSupport.now), reuse: ReuseStore())
        XCTAssertEqual(kept.incidentHTML.indices.map { kept.incidentHTML[$0] }, context.incidentHTML.indices.map { context.incidentHTML[$0] })
        // For people, as the pages say it: the wall time in the site zone with its name, not RFC 3339.
        // The site zone is UTC, named as CLDR names it in English.
        XCTAssertEqual(outage.summary, "Major outage of API from October 20, 2026, 12:00\u{202F}AM UTC to October 20, 2026, 8:00\u{202F}AM UTC.")
        XCTAssertEqual(outage.published, FeedsTestSupport.at("2026-10-20T00:00:00Z"))
        XCTAssertEqual(outage.modified, FeedsTestSupport.at("2026-10-20T08:00:00Z"))

        let revised = items[2]
        XCTAssertEqual(revised.published, FeedsTestSupport.at("2026-10-15T00:00:00Z"))
        XCTAssertTrue(revised.contentHTML.contains("Tiers &lt; 99 &amp; more"))
    }

    func testCurrentMonthAndPlansWithoutObjectiveNeverMiss() {
        // Down all of 2026-11 so far, but the month is not final; free has no objective.
        let site = FeedsTestSupport.site(incidents: [
            FeedsTestSupport.incident("down", .major, "2026-11-01T00:00:00Z", nil)
        ])
        let items = FeedItems.items(FeedsTestSupport.context(site))
        XCTAssertEqual(items.map(\.kind), [.incident])
        XCTAssertNil(items[0].modified)
    }

    func testFeedsCarryTheNewestItemsOnly() {
        // 300 one-minute incidents, one a day back from 2026-11-23: the feed keeps the newest 200.
        let incidents = (0..<300).map { k -> Incident in
            let start = FeedsTestSupport.now.adding(seconds: -Int64(k + 1) * 86_400)
            return Incident(id: "i\(k)", title: "i\(k)", services: ["api"], impact: .degraded, start: start, end: start.adding(seconds: 60))
        }
        let context = FeedsTestSupport.context(FeedsTestSupport.site(incidents: incidents.reversed()))
        let items = FeedItems.items(context)
        XCTAssertEqual(items.count, FeedItems.limit)
        XCTAssertEqual(items.first?.id.hasSuffix("/incidents/i0/#incident"), true, items.first?.id ?? "")
        XCTAssertEqual(FeedItems.allItems(context).count, 300)
        XCTAssertEqual(Array(FeedItems.allItems(context).prefix(FeedItems.limit)).map(\.id), items.map(\.id))
    }

    /// With many plans missing in the same months (ties on the date), the newest items are
    /// exactly the first of the whole sorted list, item for item.
    func testNewestItemsAreTheHeadOfTheWholeListWithTies() {
        let incidents = (0..<220).map { k -> Incident in
            let start = FeedsTestSupport.now.adding(seconds: -Int64(k * 3 + 1) * 86_400)
            return Incident(id: "i\(k)", title: "i\(k)", services: ["api"], impact: .major, start: start, end: start.adding(seconds: 86_400))
        }
        let terms = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10)]
        }
        let plans = (0..<12).map { p in
            Plan(
                id: "p\(p)", title: "Plan \(p)", effective: LocalDateTime(year: 2024, month: 1, day: 1, isDateOnly: true),
                terms: terms, services: [PlanService(id: "api", terms: SLATerms())])
        }
        let base = FeedsTestSupport.site(incidents: incidents)
        let site = Site(
            config: base.config, terms: base.terms, services: base.services, plans: plans,
            incidents: incidents.sorted { ($0.start, $0.id) < ($1.start, $1.id) })
        let context = FeedsTestSupport.context(site)
        let all = FeedItems.allItems(context)
        XCTAssertGreaterThan(all.filter { $0.kind == .missedObjective }.count, FeedItems.limit)
        XCTAssertEqual(FeedItems.items(context), Array(all.prefix(FeedItems.limit)))
    }

    func testTerminationRightIsReported() {
        // Down 2026-10 and 2026-11 entirely: with now in December both are final misses in a row.
        let site = FeedsTestSupport.site(
            incidents: [FeedsTestSupport.incident("down", .major, "2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z")],
            termination: 2)
        let items = FeedItems.items(FeedsTestSupport.context(site, now: FeedsTestSupport.at("2026-12-02T00:00:00Z")))
        let missed = items.filter { $0.kind == .missedObjective }
        XCTAssertEqual(missed.map(\.id).map { $0.suffix(7) }, ["2026-11", "2026-10"])
        XCTAssertTrue(missed[0].summary.contains("2 missed months in a row"))
        XCTAssertFalse(missed[1].summary.contains("in a row"))
    }

    func testEqualDatesAreOrderedByIdWhateverTheInputOrder() {
        let t = FeedsTestSupport.at("2026-10-01T00:00:00Z")
        func item(_ id: String) -> FeedItem {
            FeedItem(
                kind: .incident, id: id, url: id, title: id, summary: "", contentHTML: "", published: t, modified: nil,
                tags: [], facts: .null)
        }
        let a = FeedItems.newestFirst([item("b"), item("a"), item("c")])
        let b = FeedItems.newestFirst([item("c"), item("b"), item("a")])
        XCTAssertEqual(a.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(a, b)
    }

    func testRevisionsOnOneDayHaveDistinctIDs() {
        let day = LocalDateTime(year: 2026, month: 10, day: 15, isDateOnly: true)
        let site = FeedsTestSupport.site(revisions: [Revision(date: day, note: "one"), Revision(date: day, note: "two")])
        let ids = FeedItems.items(FeedsTestSupport.context(site)).filter { $0.kind == .revision }.map(\.id)
        XCTAssertEqual(
            Set(ids),
            ["https://sla.example.com/plans/pro/#revision-2026-10-15", "https://sla.example.com/plans/pro/#revision-2026-10-15-2"])
    }

    func testAtomIsWellFormedEscapedAndDatedByContent() throws {
        let site = FeedsTestSupport.site(
            incidents: [
                FeedsTestSupport.incident(
                    "x", .major, "2026-10-20T00:00:00Z", "2026-10-20T08:00:00Z", title: "A <b> & \"c\"\u{1}",
                    body: "<script>alert(1)</script> *ok*"),
                FeedsTestSupport.incident("later", .maintenance, "2026-12-05T01:00:00Z", "2026-12-05T03:00:00Z"),
            ])
        let context = FeedsTestSupport.context(site)
        let xml = AtomFeed.xml(items: FeedItems.items(context), context: context)
        XCTAssertTrue(FeedsTestSupport.isWellFormedXML(xml))
        let titles = FeedsTestSupport.elementTexts("title", in: xml)
        XCTAssertEqual(titles.first, "Example <SLA> & Co")
        XCTAssertTrue(titles.contains("A <b> & \"c\""))
        // The scheduled window is in the future; the feed is dated no later than now.
        XCTAssertEqual(FeedsTestSupport.elementTexts("updated", in: xml).first, "2026-11-24T00:00:00Z")
        let json = JSONFeed.document(items: FeedItems.items(context), context: context).serialized()
        XCTAssertTrue(json.contains("\"feed_url\": \"https://sla.example.com/feed.json\""))
        XCTAssertTrue(json.contains("\"home_page_url\": \"https://sla.example.com/\""))
    }

    func testOutputsAreByteIdenticalAcrossRenders() throws {
        let site = FeedsTestSupport.site()
        let first = try MachineOutputs.files(FeedsTestSupport.context(site))
        let second = try MachineOutputs.files(FeedsTestSupport.context(site))
        XCTAssertEqual(first, second)
        XCTAssertEqual(
            Set(first.map(\.path)),
            [
                "feed.json", "feed.xml", "maintenance.ics", "claims.ics", "sla.schema.json", "status.json", "status.schema.json",
                "badges/pro/api.svg", "badges/free/api.svg",
            ])
        XCTAssertTrue(first.allSatisfy(\.isContained))
    }

    func testXMLTextEscapesAndDropsForbiddenCharacters() {
        XCTAssertEqual(XMLText.escape("a&b<c>d\"e'f\u{0}\u{8}g\th\u{FFFE}"), "a&amp;b&lt;c&gt;d&quot;e&apos;fg\th")
    }
}
