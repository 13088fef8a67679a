import Foundation
import SLACore
import SiteBuild
@testable import SiteRender
import XCTest

final class PageOutputsTests: XCTestCase {
    func testExampleSiteHasEveryPageOfSpecSection4() throws {
        let result = try PageTestSupport.build(".")
        let paths = Set(result.files.map(\.path))
        let site = try XCTUnwrap(result.site)
        var expected = ["index.html", "terms/index.html", "status/index.html", "404.html", "sitemap.xml", "robots.txt"]
        for plan in site.plans {
            expected.append("plans/\(plan.id)/index.html")
            for entry in plan.services { expected.append("plans/\(plan.id)/\(entry.id)/index.html") }
        }
        for incident in site.incidents { expected.append("incidents/\(incident.id)/index.html") }
        for path in expected { XCTAssertTrue(paths.contains(path), "missing \(path)") }
        let css = paths.filter { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") }
        XCTAssertEqual(css.count, 1, "one hashed stylesheet")
    }

    func testEveryPageHasOneH1LandmarksFeedsAndCanonical() throws {
        let result = try PageTestSupport.build(".")
        for (path, html) in PageTestSupport.texts(result.files) where path.hasSuffix(".html") {
            XCTAssertEqual(PageTestSupport.count("<h1", in: html), 1, "\(path): one h1")
            for landmark in ["<header", "<nav", "<main", "<footer"] {
                XCTAssertTrue(html.contains(landmark), "\(path): \(landmark)")
            }
            XCTAssertTrue(html.contains("<link rel=\"alternate\" type=\"application/feed+json\""), path)
            XCTAssertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), path)
            XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"https://sla.nimbus.example/"), path)
            XCTAssertFalse(html.contains("<th>") || html.contains("<th align"), "\(path): every th has a scope")
            XCTAssertFalse(html.contains("<script"), "\(path): no scripts")
        }
    }

    func testInternalLinksResolveToOutputFiles() throws {
        let result = try PageTestSupport.build(".")
        let paths = Set(result.files.map(\.path))
        for (path, html) in PageTestSupport.texts(result.files) where path.hasSuffix(".html") {
            for href in PageTestSupport.attributes("href", in: html) where href.hasPrefix("/") {
                let target = String(href.dropFirst()).components(separatedBy: "#")[0]
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                XCTAssertTrue(paths.contains(file), "\(path) links to \(href), which is not in the output")
            }
        }
    }

    func testPlanPageSaysThePromiseInPlainWords() throws {
        let result = try PageTestSupport.build(".")
        let html = try XCTUnwrap(PageTestSupport.texts(result.files)["plans/business/index.html"])
        // 99.9% of the average month of 43,830 minutes (docs/spec.md §3) is 43.83 → 43.8 minutes.
        XCTAssertTrue(html.contains("<li>99.9% monthly uptime</li>"))
        XCTAssertTrue(html.contains("<li>up to 43.8 minutes of downtime a month</li>"))
        // DNS: 99.95% → 21.915 → 21.9 minutes.
        XCTAssertTrue(html.contains("<li>up to 21.9 minutes of downtime a month</li>"))
        XCTAssertTrue(html.contains("<li>10% credit below 99.9%, 25% below 99%, 50% below 95%</li>"))
        XCTAssertTrue(html.contains("<li>critical issues: response within 1 hour, 24×7</li>"))
        XCTAssertEqual(PageTestSupport.count(">View full details</a>", in: html), 4)
    }

    func testDetailsHistoryMatchesTheFigures() throws {
        let result = try PageTestSupport.build(".")
        let figures = try XCTUnwrap(result.figures)
        let level = try XCTUnwrap(figures.level(plan: "business", service: "compute"))
        let html = try XCTUnwrap(PageTestSupport.texts(result.files)["plans/business/compute/index.html"])
        for m in level.months {
            XCTAssertTrue(html.contains("<td class=\"num\">\(Published.uptimeText(try XCTUnwrap(m.uptime)))%"), "\(m.month)")
        }
        let missed = level.months.filter { $0.final && $0.met == false }.count
        XCTAssertEqual(PageTestSupport.count("<g class=\"chart-point chart-missed\">", in: html), missed)
        XCTAssertEqual(PageTestSupport.count(">missed</text>", in: html), missed)
        XCTAssertTrue(html.contains("<title id=\"chart-title\">"))
        XCTAssertTrue(html.contains("<desc id=\"chart-desc\">"))
    }

    func testOutputIsByteIdenticalAcrossBuilds() throws {
        let a = try PageTestSupport.build(".").files
        let b = try PageTestSupport.build(".").files
        XCTAssertEqual(a, b)
    }

    func testNothingFromContentReachesAPageAsMarkup() throws {
        let result = try PageTestSupport.build("Tests/Fixtures/injection")
        let texts = PageTestSupport.texts(result.files)
        XCTAssertFalse(texts.isEmpty)
        for (path, html) in texts where path.hasSuffix(".html") {
            XCTAssertFalse(html.lowercased().contains("<script"), "\(path): script element")
            XCTAssertFalse(html.contains("<img"), "\(path): img element")
            XCTAssertFalse(html.contains("<iframe"), "\(path): iframe element")
            // Attribute values are escaped text; outside them no tag may carry an event handler.
            let tags = html.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            XCTAssertNil(tags.range(of: #"<[a-z][^>]*\son[a-z]+="#, options: .regularExpression), "\(path): event handler")
            for href in PageTestSupport.attributes("href", in: html) {
                XCTAssertFalse(href.lowercased().hasPrefix("javascript:"), "\(path): \(href)")
            }
        }
        let home = try XCTUnwrap(texts["index.html"])
        XCTAssertTrue(home.contains("Evil &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; SLA"))
        XCTAssertTrue(home.contains("}}{{ mustache-like name {{{raw}}}"), "mustache-like text stays text")
    }

    func testSitemapListsEveryPageWithContentDates() throws {
        let result = try PageTestSupport.build(".")
        let texts = PageTestSupport.texts(result.files)
        let sitemap = try XCTUnwrap(texts["sitemap.xml"])
        let pages = texts.keys.filter { $0.hasSuffix("index.html") }
        XCTAssertEqual(PageTestSupport.count("<loc>", in: sitemap), pages.count)
        XCTAssertTrue(sitemap.contains("<loc>https://sla.nimbus.example/plans/business/compute/</loc><lastmod>2026-11-24</lastmod>"))
        XCTAssertTrue(sitemap.contains("<loc>https://sla.nimbus.example/plans/business/</loc><lastmod>2026-04-07</lastmod>"))
        XCTAssertTrue(
            sitemap.contains(
                "<loc>https://sla.nimbus.example/incidents/2026-10-13-dns-resolution-outage/</loc><lastmod>2026-10-13</lastmod>"))
        XCTAssertEqual(texts["robots.txt"], "User-agent: *\nAllow: /\n\nSitemap: https://sla.nimbus.example/sitemap.xml\n")
    }
}
