@testable import SLACore
@testable import SiteRender
import XCTest

/// The 90-day strip's markup and its words (issue 23): one empty bar per day with a one-letter
/// class, and a picture whose accessible name names every day the bars show.
final class DayBarsTests: XCTestCase {
    private let s = PageText()
    /// CLDR (en) writes a plain space between a figure and its unit ("42.0 min").
    private let nbsp = " "

    private func day(
        _ n: Int, _ down: Double?, maintenance: Double = 0, source: FigureSource = .incidents
    ) -> DayFigure {
        DayFigure(
            day: CalendarDay(year: 2026, month: 10, day: n), minutes: 1440, downtimeMinutes: down,
            maintenanceMinutes: maintenance, source: source)
    }

    /// The bars of the strip in order: each `<i>`'s class and `data-day` (nil when absent).
    private func bars(_ html: String) -> [(cls: String, day: String?)] {
        guard let open = html.range(of: "role=\"img\""), let close = html.range(of: "</div>", range: open.upperBound..<html.endIndex)
        else { return [] }
        let inside = html[open.upperBound..<close.lowerBound]
        return inside.components(separatedBy: "<i").dropFirst().map { tag in
            let head = String(tag.prefix { $0 != ">" })
            func attribute(_ name: String) -> String? {
                guard let r = head.range(of: " \(name)=\"") else { return nil }
                return String(head[r.upperBound...].prefix { $0 != "\"" })
            }
            return (attribute("class") ?? "", attribute("data-day"))
        }
    }

    /// The `aria-label` of the (first) strip's picture.
    private func name(_ html: String) -> String? {
        guard let r = html.range(of: "<div class=\"days\" role=\"img\" aria-label=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    func testEachBarIsAnEmptyElementWithItsLevelAndThePictureNamesEveryDay() {
        let days = [
            day(1, nil, source: .none), day(2, nil, source: .none), day(3, nil, source: .none),  // before status_since
            day(4, nil, source: .measurements),  // a month measured by measurements.csv
            day(5, 0),
            day(6, 42),  // 10 ≤ 42.0 < 60: mid
            day(7, 0),
            day(8, 0, maintenance: 120),  // maintenance only: blue
            day(9, 79, maintenance: 30),  // ≥ 60: high, with the blue edge
            day(10, 0.04),  // shown as 0.0: no downtime
            day(11, 5),  // under 10: low
        ]
        let html = DayBars.html(days, label: "API, Pro plan", s)
        let found = bars(html)
        XCTAssertEqual(found.map(\.cls), ["n", "n", "n", "n", "", "m", "", "s", "h s", "", "l"])
        // Only the days listed below carry their words (shown on hover).
        XCTAssertEqual(
            found.compactMap(\.day),
            [
                "October 6, 2026: 42.0\(nbsp)min downtime", "October 8, 2026: no downtime, 120.0\(nbsp)min maintenance",
                "October 9, 2026: 79.0\(nbsp)min downtime, 30.0\(nbsp)min maintenance", "October 11, 2026: 5.0\(nbsp)min downtime",
            ])
        // Days 5, 7 and 10 have no downtime (10's 0.04 min is published as 0.0).
        XCTAssertEqual(
            name(html),
            "Downtime per day, 11 days: API, Pro plan. October 1, 2026 to October 11, 2026: no downtime on 3 days; "
                + "October 1, 2026 to October 3, 2026: no data; October 4, 2026: measured by month, no daily figure; "
                + "October 6, 2026: 42.0\(nbsp)min downtime; October 8, 2026: no downtime, 120.0\(nbsp)min maintenance; "
                + "October 9, 2026: 79.0\(nbsp)min downtime, 30.0\(nbsp)min maintenance; October 11, 2026: 5.0\(nbsp)min downtime.")
        // The keyboard's list: the four days, newest first.
        XCTAssertTrue(
            html.contains(
                "<summary>4 days with downtime or maintenance</summary><ul><li>October 11, 2026: 5.0\(nbsp)min downtime</li>"
            ))
    }

    func testOneDayIsSingularAndRunsOfMeasuredDaysAreNamedAsRuns() {
        let days = [day(1, nil, source: .measurements), day(2, nil, source: .measurements), day(3, 0)]
        let html = DayBars.html(days, label: "API", s)
        XCTAssertEqual(bars(html).map(\.cls), ["n", "n", ""])
        XCTAssertEqual(
            name(html),
            "Downtime per day, 3 days: API. October 1, 2026 to October 3, 2026: no downtime on 1 day; "
                + "October 1, 2026 to October 2, 2026: measured by month, no daily figure.")
        XCTAssertTrue(html.contains("<p class=\"days-none\">No downtime or maintenance in these 3 days.</p>"))
    }

    /// The `basic` fixture (Tests/Fixtures/basic/EXPECTED.md; UTC): its plans take effect on
    /// September 1, 2026, so 27–31 August have no data; `db`'s September is measured by
    /// measurements.csv.
    func testTheFixturesStripsNameTheirRunsAndDays() throws {
        let pages = PageTestSupport.texts(try PageTestSupport.build("Tests/Fixtures/basic").files)
        let db = try XCTUnwrap(pages["plans/pro/db/index.html"])
        XCTAssertEqual(bars(db).count, 90)
        // 5 days without data, 30 measured, 20 October: 10 h partial × 0.3 = 180.0 min; 90 − 36 = 54.
        XCTAssertEqual(
            name(db),
            "Downtime per day, 90 days: Database, Pro plan. August 27, 2026 to November 24, 2026: no downtime on 54 days; "
                + "August 27, 2026 to August 31, 2026: no data; September 1, 2026 to September 30, 2026: measured by month, "
                + "no daily figure; October 20, 2026: 180.0\(nbsp)min downtime.")
        let api = try XCTUnwrap(pages["plans/pro/api/index.html"])
        // 10 September: 3 h major; 5 October: 8 h major; 3 November: 01:00–03:00 maintenance
        // (excluded: 0 downtime, 120 min maintenance); 23 November: open since 23:00, 60 min.
        // 90 − 5 − 4 = 81 days without downtime.
        XCTAssertEqual(
            name(api),
            "Downtime per day, 90 days: API, Pro plan. August 27, 2026 to November 24, 2026: no downtime on 81 days; "
                + "August 27, 2026 to August 31, 2026: no data; September 10, 2026: 180.0\(nbsp)min downtime; "
                + "October 5, 2026: 480.0\(nbsp)min downtime; November 3, 2026: no downtime, 120.0\(nbsp)min maintenance; "
                + "November 23, 2026: 60.0\(nbsp)min downtime.")
        // Days 0–4 grey, 10 September (day 14) and 5 October (day 39) red, 3 November (day 68)
        // blue, 23 November (day 88) red.
        let classes = bars(api).map(\.cls)
        XCTAssertEqual(classes.enumerated().filter { $0.element != "" }.map { "\($0.offset) \($0.element)" },
            ["0 n", "1 n", "2 n", "3 n", "4 n", "14 h", "39 h", "68 s", "88 h"])
    }

    func testAStripWithoutFiguresSaysSoOnce() {
        let days = (1...3).map { day($0, nil, source: .none) }
        let html = DayBars.html(days, label: "API", s)
        XCTAssertEqual(bars(html).map(\.cls), ["n", "n", "n"])
        XCTAssertEqual(name(html), "Downtime per day, 3 days: API. October 1, 2026 to October 3, 2026: October 1, 2026 to October 3, 2026: no data.")
        XCTAssertTrue(html.contains("<p class=\"days-none\">No daily figures for these days.</p>"))
    }

    func testTheNameIsEscapedAndEveryWordComesFromTheTable() {
        let table = StringTable(overrides: [
            .daysNoDowntimeOther: "{n} jours sans panne", .listSemicolon: " | ", .daysPicture: "{label} ({first}–{last}) {figures}",
        ])
        let html = DayBars.html([day(1, 0), day(2, 0), day(3, 30)], label: "\"Q&A\" <API>", PageText(strings: table))
        XCTAssertEqual(
            name(html),
            "Downtime per day, 3 days: &quot;Q&amp;A&quot; &lt;API&gt; (October 1, 2026–October 3, 2026) 2 jours sans panne | "
                + "October 3, 2026: 30.0\(nbsp)min downtime")
    }
}
