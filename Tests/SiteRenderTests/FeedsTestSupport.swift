import Foundation
import SLACore
@testable import SiteRender
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Small in-memory sites for the feed tests; no files are read.
enum FeedsTestSupport {
    static let utc = SiteCalendar(timeZone: TimeZone(identifier: "UTC")!)
    static let now = at("2026-11-24T00:00:00Z")

    static func at(_ text: String) -> Instant { utc.instant(LocalDateTime(iso8601: text)!) }

    static func incident(
        _ id: String, _ impact: Impact, _ start: String, _ end: String?, services: [String] = ["api"],
        title: String? = nil, body: String = ""
    ) -> Incident {
        Incident(
            id: id, title: title ?? id, services: services, impact: impact, start: at(start), end: end.map(at),
            body: body)
    }

    /// Plan "pro" (99.9, credits 10 below 99.9 and 25 below 99.0, capped at 25) covering api; plan
    /// "free" covering api with no objective.
    ///
    /// api in 2026-10 (44,640 min): 480 min down → 98.925 %, missed, credit 25.
    static func site(
        incidents: [Incident]? = nil, revisions: [Revision] = [], planTitle: String = "Pro",
        serviceTitle: String = "API", support: SupportTerms? = nil, termination: Int? = nil
    ) -> Site {
        let config = SiteConfig(title: "Example <SLA> & Co", provider: "Example & Co", baseURL: "https://sla.example.com/")
        let terms = SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99.0, credit: 25)]
            $0[TermKeys.creditCap] = 25
            $0[TermKeys.claimWindow] = .days(30)
            $0[TermKeys.terminationConsecutiveMisses] = termination
            $0[TermKeys.support] = support
        }
        let pro = Plan(
            id: "pro", title: planTitle, effective: LocalDateTime(year: 2026, month: 10, day: 1, isDateOnly: true),
            revisions: revisions, terms: terms, services: [PlanService(id: "api", terms: SLATerms())])
        let free = Plan(id: "free", title: "Free", services: [PlanService(id: "api", terms: SLATerms())])
        let all =
            incidents ?? [
                incident("api-outage", .major, "2026-10-20T00:00:00Z", "2026-10-20T08:00:00Z", body: "Down **8 h**."),
                incident("maint", .maintenance, "2026-10-04T02:00:00Z", "2026-10-04T06:00:00Z"),
            ]
        return Site(
            config: config, terms: TermsPage(title: "Terms", body: ""),
            services: [Service(id: "api", title: serviceTitle)], plans: [pro, free],
            incidents: all.sorted { ($0.start, $0.id) < ($1.start, $1.id) })
    }

    static func context(_ site: Site, now: Instant = now) -> RenderContext {
        RenderContext(site: site, figures: SLAArithmetic.figures(for: site, now: now))
    }

    static func text(_ files: [OutputFile], _ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Whether `text` is well-formed XML, per Foundation's parser.
    static func isWellFormedXML(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }

    /// The text content of every element named `name`, in document order.
    static func elementTexts(_ name: String, in xml: String) -> [String] {
        let collector = ElementCollector(name: name)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")")
        return collector.texts
    }
}

/// Collects the text of elements with one local name.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let name: String
    var texts: [String] = []
    private var current: String?

    init(name: String) { self.name = name }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == name { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == name, let text = current {
            texts.append(text)
            current = nil
        }
    }
}
