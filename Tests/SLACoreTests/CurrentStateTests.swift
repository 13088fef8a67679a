import Foundation
import SLACore
import XCTest

/// Issue 16, point 2 (docs/spec.md §4): the worst impact open at *now*, for the site and each service.
final class CurrentStateTests: XCTestCase {
    func site(_ incidents: [Incident]) -> Site {
        Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://t.example/"), terms: TermsPage(title: "T", body: ""),
            services: ["api", "db", "dns", "cdn"].map { Service(id: $0, title: $0.uppercased()) }, plans: [],
            incidents: incidents.sorted { ($0.start, $0.id) < ($1.start, $1.id) })
    }

    func testTheWorstOpenImpactPerServiceAndForTheSite() {
        let now = at("2026-11-24T12:00:00Z")
        let s = site([
            incident("deg", .degraded, "2026-11-24T11:00:00Z", nil, services: ["api"]),
            incident("part", .partial, "2026-11-24T11:30:00Z", nil, services: ["api", "db"]),
            incident("mw", .maintenance, "2026-11-24T10:00:00Z", "2026-11-24T13:00:00Z", services: ["dns"]),
            // Over at now (end == now), and not yet started: neither counts.
            incident("over", .major, "2026-11-24T09:00:00Z", "2026-11-24T12:00:00Z", services: ["cdn"]),
            incident("later", .major, "2026-11-24T12:00:01Z", nil, services: ["cdn"]),
        ])
        let state = CurrentState(site: s, now: now)
        XCTAssertEqual(state.services, [.partialOutage, .partialOutage, .maintenance, .operational])
        XCTAssertEqual(state.overall, .partialOutage)
        XCTAssertEqual(state.open.map { s.incidents[$0].id }, ["mw", "deg", "part"])
        XCTAssertEqual(ServiceState.allCases.map(\.rawValue), ["major_outage", "partial_outage", "degraded", "maintenance", "operational"])
        // A day later "later" (major, open) has started; the window is over.
        let tomorrow = CurrentState(site: s, now: at("2026-11-25T00:00:00Z"))
        XCTAssertEqual(tomorrow.services, [.partialOutage, .partialOutage, .operational, .majorOutage])
        XCTAssertEqual(tomorrow.overall, .majorOutage)
        XCTAssertEqual(CurrentState(site: site([]), now: now).overall, .operational)
        // Maintenance alone: the site is in maintenance, not operational.
        let window = site([incident("mw", .maintenance, "2026-11-24T10:00:00Z", "2026-11-24T13:00:00Z", services: ["dns"])])
        XCTAssertEqual(CurrentState(site: window, now: at("2026-11-24T10:30:00Z")).overall, .maintenance)
    }

    func testACompositeIsAsBadAsItsWorstPart() {
        // Issue 22: platform = [api, edge], edge = [dns, cdn]; api degraded, dns partial, and a
        // maintenance window on platform itself: platform partial_outage (through edge's dns),
        // edge partial_outage, cdn operational.
        var s = site([
            incident("deg", .degraded, "2026-11-24T11:00:00Z", nil, services: ["api"]),
            incident("part", .partial, "2026-11-24T11:30:00Z", nil, services: ["dns"]),
            incident("mw", .maintenance, "2026-11-24T10:00:00Z", "2026-11-24T13:00:00Z", services: ["platform"]),
        ])
        s.services += [Service(id: "platform", title: "P", parts: ["api", "edge"]), Service(id: "edge", title: "E", parts: ["dns", "cdn"])]
        let state = CurrentState(site: s, now: at("2026-11-24T12:00:00Z"))
        XCTAssertEqual(state.services, [.degraded, .operational, .partialOutage, .operational, .partialOutage, .partialOutage])
    }
}
