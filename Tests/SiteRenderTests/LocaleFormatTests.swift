import Foundation
import SLACore
import XCTest

@testable import SiteRender

/// docs/numbers.md *Formatting*: figures, dates, durations, lists and zone names in each
/// language's CLDR forms, after the publishing rounding. The expected texts are CLDR's
/// (U+00A0 no-break space, U+202F narrow no-break space where CLDR puts them).
final class LocaleFormatTests: XCTestCase {
    let utc = SiteCalendar(timeZone: TimeZone(identifier: "UTC")!, name: "UTC")

    func format(_ locale: String, zone: String = "UTC") -> LocaleFormat {
        LocaleFormat(identifier: locale, calendar: zone == "UTC" ? utc : SiteCalendar(timeZone: TimeZone(identifier: zone)!, name: zone))
    }

    func testPercentagesAndMinutesHaveTheLocalesSeparatorsAndTheRoundingOfSPEC3() {
        let en = format("en"), de = format("de-DE"), fr = format("fr")
        // Terms in shortest form.
        XCTAssertEqual(en.percent(99.95), "99.95%")
        XCTAssertEqual(de.percent(99.95), "99,95\u{00A0}%")
        XCTAssertEqual(fr.percent(99.95), "99,95\u{00A0}%")
        XCTAssertEqual(en.percent(99), "99%")
        // 0.3 × 100 is 30.000000000000004 in binary: shown as the 30 it is.
        XCTAssertEqual(en.percent(0.3 * 100), "30%")
        // Uptime: 3 decimals, half-up first (99.9125 → 99.913, where half-even would say 99.912).
        XCTAssertEqual(en.uptime(99.9125), "99.913%")
        XCTAssertEqual(de.uptime(100), "100,000\u{00A0}%")
        // Minutes: 1 decimal, half-up (2.25 → 2.3), grouping per locale.
        XCTAssertEqual(en.minutes(2.25), "2.3 min")
        XCTAssertEqual(de.minutes(21.9), "21,9 Min.")
        XCTAssertEqual(fr.minutes(21.9), "21,9\u{00A0}min")
        XCTAssertEqual(en.minutes(43_830), "43,830.0 min")
        XCTAssertEqual(de.minutes(43_830), "43.830,0 Min.")
        XCTAssertEqual(en.minutesInWords(43.8), "43.8 minutes")
        // CLDR en: a number shown with a decimal takes the plural `other`.
        XCTAssertEqual(en.minutesInWords(1), "1.0 minutes")
        XCTAssertEqual(de.minutesInWords(43.8), "43,8 Minuten")
        XCTAssertEqual(en.integer(1234), "1,234")
        XCTAssertEqual(de.integer(1234), "1.234")
    }

    func testDatesMonthsAndTimes() {
        let en = format("en"), gb = format("en-GB"), de = format("de"), fr = format("fr")
        let day = CalendarDay(year: 2026, month: 12, day: 1)
        XCTAssertEqual(en.day(day), "December 1, 2026")
        XCTAssertEqual(gb.day(day), "1 December 2026")
        XCTAssertEqual(de.day(day), "1. Dezember 2026")
        XCTAssertEqual(fr.day(day), "1 décembre 2026")
        XCTAssertEqual(en.month(YearMonth(year: 2026, month: 11)), "November 2026")
        XCTAssertEqual(fr.month(YearMonth(year: 2026, month: 11)), "novembre 2026")
        XCTAssertEqual(fr.monthName(4), "avril")
        XCTAssertEqual(en.shortMonth(YearMonth(year: 2026, month: 9)), "Sep")
        XCTAssertEqual(en.time(hour: 14, minute: 5), "2:05\u{202F}PM")
        XCTAssertEqual(gb.time(hour: 14, minute: 5), "14:05")
        XCTAssertEqual(de.time(hour: 14, minute: 5), "14:05")
    }

    func testZoneNamesAsCLDRHasThem() {
        // 2026-01-15T12:00:00Z (winter) and 2026-07-15T12:00:00Z (summer).
        let winter = Instant(seconds: 1_768_478_400), summer = Instant(seconds: 1_784_116_800)
        XCTAssertEqual(format("en", zone: "America/Los_Angeles").zoneName(at: winter), "PST")
        XCTAssertEqual(format("en", zone: "America/Los_Angeles").zoneName(at: summer), "PDT")
        // German has no abbreviation for Pacific time, but its own for Central European time.
        XCTAssertEqual(format("de", zone: "America/Los_Angeles").zoneName(at: winter), "GMT-8")
        XCTAssertEqual(format("de", zone: "Europe/Berlin").zoneName(at: winter), "MEZ")
        XCTAssertEqual(format("de", zone: "Europe/Berlin").zoneName(at: summer), "MESZ")
        XCTAssertEqual(format("en", zone: "Europe/Berlin").zoneName(at: winter), "GMT+1")
        XCTAssertEqual(format("fr", zone: "Europe/Berlin").zoneName(at: winter), "UTC+1")
        // A site in UTC says UTC, as its site.yaml does (Foundation would say GMT).
        XCTAssertEqual(format("en").zoneName(at: winter), "UTC")
    }

    func testDurationsAndLists() {
        let en = format("en"), de = format("de"), fr = format("fr")
        XCTAssertEqual(en.duration(minutes: 130), "2 hours, 10 minutes")
        XCTAssertEqual(de.duration(minutes: 130), "2 Stunden und 10 Minuten")
        XCTAssertEqual(fr.duration(minutes: 130), "2\u{00A0}heures et 10 minutes")
        // 3 days 4 hours 5 minutes: minutes are left out beside days.
        XCTAssertEqual(en.duration(minutes: 3 * 1440 + 4 * 60 + 5), "3 days, 4 hours")
        XCTAssertEqual(en.list(["A", "B", "C"]), "A, B, and C")
        XCTAssertEqual(de.list(["A", "B", "C"]), "A, B und C")
        XCTAssertEqual(fr.list(["A", "B"]), "A et B")
        XCTAssertEqual(en.list(["A"]), "A")
    }

    func testAKeptTextIsTheSameAsAFreshOne() {
        let f = format("de")
        let first = f.uptime(99.912)
        XCTAssertEqual(f.uptime(99.912), first)
        XCTAssertEqual(format("de").uptime(99.912), first)
    }

    /// Each text is kept by its key (`OncePerKey`): one instance is asked, in turn, for inputs
    /// that write different texts, and each answer is checked against a fresh instance's (which
    /// has kept nothing). A key missing an input would hand back the text of an earlier call.
    func testEveryInputThatChangesATextIsInItsKey() {
        let london = "Europe/London"
        let kept = format("fr", zone: london)
        func fresh() -> LocaleFormat { format("fr", zone: london) }
        // Durations around the days rule: minutes are dropped beside days, not beside hours.
        // 59 min; 60 = 1 h; 1,439 = 23 h 59 min; 1,440 = 1 day; 1,441 = 1 day (+1 min dropped);
        // 1,500 = 1 day 1 h.
        let minutes: [Int64] = [59, 60, 1439, 1440, 1441, 1500, 59]
        let texts = minutes.map { kept.duration(minutes: $0) }
        XCTAssertEqual(texts, minutes.map { fresh().duration(minutes: $0) })
        XCTAssertEqual(texts[0], "59 minutes")  // CLDR fr: a plain space between "59" and "minutes"
        XCTAssertEqual(texts[3], "1\u{00A0}jour")
        XCTAssertEqual(texts[4], texts[3])
        XCTAssertEqual(texts[5], "1\u{00A0}jour et 1\u{00A0}heure")
        // The locale is the instance's: another language's instance keeps its own texts.
        XCTAssertEqual(format("de").duration(minutes: 59), "59 Minuten")
        XCTAssertEqual(format("en").duration(minutes: 1500), "1 day, 1 hour")
        // The same number through different styles: each method is its own case.
        XCTAssertEqual(kept.percent(99.95), "99,95\u{00A0}%")
        XCTAssertEqual(kept.uptime(99.95), "99,950\u{00A0}%")
        XCTAssertEqual(kept.minutes(21.9), "21,9\u{00A0}min")
        XCTAssertEqual(kept.minutesInWords(21.9), fresh().minutesInWords(21.9))
        XCTAssertNotEqual(kept.minutesInWords(21.9), kept.minutes(21.9))
        // Months: with and without the year, and a short name that is the same in every year.
        let nov = YearMonth(year: 2026, month: 11)
        XCTAssertEqual(kept.month(nov), "novembre 2026")
        XCTAssertEqual(kept.month(YearMonth(year: 2025, month: 11)), "novembre 2025")
        XCTAssertEqual(kept.monthName(11), "novembre")
        XCTAssertEqual(kept.shortMonth(YearMonth(year: 2025, month: 11)), fresh().shortMonth(nov))
        // The zone's name at winter, summer, then winter again instants (2026-01-15T12:00:00Z,
        // 2026-07-15T12:00:00Z, 2026-12-15T12:00:00Z): kept per offset period of the zone.
        let instants = [Instant(seconds: 1_768_478_400), Instant(seconds: 1_784_116_800), Instant(seconds: 1_797_336_000)]
        let zones = instants.map { kept.zoneName(at: $0) }
        XCTAssertEqual(zones, instants.map { fresh().zoneName(at: $0) })
        XCTAssertEqual(zones, ["UTC", "UTC+1", "UTC"])
    }

    func testACountIsWrittenWithTheLanguagesGrouping() {
        // The count in a counted string: 1,234 (en), 1.234 (de); under 1,000 as the digits.
        XCTAssertEqual(PageText().plural(1234, one: .responseDaysOne, other: .responseDaysOther), "within 1,234 days")
        XCTAssertEqual(PageText(locale: "de").plural(1234, one: .responseDaysOne, other: .responseDaysOther), "within 1.234 days")
        XCTAssertEqual(PageText(locale: "de").plural(1, one: .responseDaysOne, other: .responseDaysOther), "within 1 day")
    }
}
