import SLACore
@testable import SiteRender
import XCTest

final class PageThemeTests: XCTestCase {
    let urls = SiteURLs(baseURL: "https://sla.example.com/sla/")

    func testDefaultThemeCompilesWithHashedStylesheetUnderTheBasePath() throws {
        let theme = try PageTheme(overrides: [:], urls: urls)
        XCTAssertTrue(theme.stylesheetHref.hasPrefix("/sla/assets/style."))
        XCTAssertTrue(theme.stylesheetHref.hasSuffix(".css"))
        for name in PageTheme.pageTemplates { XCTAssertNotNil(theme.library.getTemplate(named: name), name) }
    }

    func testSiteThemeOverridesTemplatesAndAssetsByPath() throws {
        let plain = try PageTheme(overrides: [:], urls: urls)
        let theme = try PageTheme(
            overrides: ["404.mustache": Array("custom {{title}}".utf8), "assets/style.css": Array("body{}".utf8)], urls: urls)
        XCTAssertEqual(theme.render("404", ["title": "<x>"]), "custom &lt;x&gt;")
        XCTAssertNotEqual(theme.stylesheetHref, plain.stylesheetHref)
        XCTAssertEqual(theme.assets.first { $0.path.hasPrefix("assets/style.") }?.bytes, Array("body{}".utf8))
    }

    func testBrokenTemplateIsReportedWithItsPath() {
        XCTAssertThrowsError(try PageTheme(overrides: ["home.mustache": Array("{{#open}}".utf8)], urls: urls)) { error in
            XCTAssertTrue("\(error)".hasPrefix("home.mustache:"), "\(error)")
        }
    }

    func testContentHashIsStable() {
        // FNV-1a 64 of "a" is af63dc4c8601ec8c.
        XCTAssertEqual(ContentHash.hex(Array("a".utf8)), "af63dc4c8601ec8c")
        XCTAssertEqual(ContentHash.hashedName("assets/style.css", bytes: Array("a".utf8)), "assets/style.af63dc4c8601.css")
    }

    func testHeadingsMoveUnderTheSectionHeading() {
        XCTAssertEqual(BodyHTML.shift("<h1>A</h1><h2 id=\"b\">B</h2><h3>C</h3><hr />", top: 3), "<h3>A</h3><h3 id=\"b\">B</h3><h4>C</h4><hr />")
        XCTAssertEqual(BodyHTML.shift("<h1>A</h1><h2>B</h2>", top: 2), "<h2>A</h2><h2>B</h2>")
        XCTAssertEqual(BodyHTML.shift("<h6>x</h6><header>", top: 3), "<h6>x</h6><header>")
    }

    func testFormatsFiguresWithPublishedRounding() {
        // CLDR `en` (docs/numbers.md, Formatting): no space before `%`, a plain one before `min`.
        XCTAssertEqual(PageText().percent(99.95), "99.95%")
        XCTAssertEqual(PageText().uptime(99.91249), "99.912%")
        XCTAssertEqual(PageText().minutes(43.83), "43.8 min")
        XCTAssertEqual(PageFormat.duration(seconds: 50 * 60, PageText()), "50 minutes")
        XCTAssertEqual(PageFormat.duration(seconds: 2 * 3600 + 600, PageText()), "2 hours, 10 minutes")
        // 1 day 1 hour 1 minute: the minute is left out beside days.
        XCTAssertEqual(PageFormat.duration(seconds: 86_400 + 3660, PageText()), "1 day, 1 hour")
        XCTAssertEqual(PageFormat.duration(seconds: 29, PageText()), "less than a minute")
        XCTAssertEqual(PageFormat.fixed(28), "28.0")
        XCTAssertEqual(PageFormat.fixed(-0.05), "-0.1")
        XCTAssertEqual(PageFormat.fixed(0), "0.0")
        XCTAssertEqual(PageFormat.fixed(-0.04), "0.0")
        XCTAssertEqual(PageFormat.fixed(0.5), "0.5")
        XCTAssertEqual(PageFormat.fixed(123.45), "123.5")
        XCTAssertEqual(PageFormat.fixed(7, places: 0), "7")
        XCTAssertEqual(PageFormat.fixed(-1.005, places: 2), "-1.00")
        XCTAssertEqual(PageFormat.fixed(3.14159, places: 3), "3.142")
    }

    func testSummaryBulletsOfAServiceLevel() throws {
        let terms = try SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99, credit: 25), CreditTier(below: 99.9, credit: 10)]
            $0[TermKeys.creditCap] = 20
            $0[TermKeys.support] = SupportTerms(hours: .allHours, response: [("critical", try XCTUnwrap(ResponseTime(parsing: "15m")))])
        }
        let site = Site(
            config: SiteConfig(title: "T", provider: "P", baseURL: "https://x.example/"), terms: TermsPage(title: "Terms", body: ""),
            services: [Service(id: "s", title: "S"), Service(id: "n", title: "N")],
            plans: [Plan(id: "p", title: "P", services: [PlanService(id: "s", terms: terms), PlanService(id: "n", terms: SLATerms())])], incidents: [])
        let levels = SLAArithmetic.figures(for: site, now: PageTestSupport.now).plans[0]
        XCTAssertEqual(
            ServiceSummary(level: levels[0], strings: PageText()).bullets,
            [
                "99.9% monthly uptime", "up to 43.8 minutes of downtime a month",
                // The 25 % tier is capped at 20 % (docs/spec.md §3).
                "10% credit below 99.9%, 20% below 99%",
                "critical issues: response within 15 minutes, 24×7",
            ])
        XCTAssertEqual(ServiceSummary(level: levels[1], strings: PageText()).bullets, ["No uptime commitment"])
    }
}
