import Foundation
import SLACore

/// Numbers, percentages, dates, month names, durations, lists and time-zone names in one
/// language's CLDR forms (docs/spec.md §4 Languages), from Foundation's FormatStyle API with an
/// explicit `Locale` (never `Locale.current`, which is `en_001` on Linux).
///
/// Made once per language per build. Formatting a figure costs Foundation some 15 µs and runs
/// for every figure of every page, so each text is made once and kept, keyed by the value it
/// was made from. The figure is rounded by the publishing rule first (docs/numbers.md:
/// uptime 3 decimals, minutes 1 decimal, half-up, `Published`), so the formatter only writes
/// digits that are already decided and never rounds itself.
///
/// Linux Foundation has no `DateComponentsFormatter`, `ListFormatter` or `Measurement`
/// formatting: durations and minutes come from `Duration.UnitsFormatStyle`, lists from
/// `ListFormatStyle` (docs/numbers.md, *Formatting*).
public final class LocaleFormat: @unchecked Sendable {
    /// The BCP 47 tag it formats for (site.yaml `languages[].locale`).
    public let identifier: String
    public let locale: Locale
    /// The site zone (month edges, wall times) whose names it writes.
    public let calendar: SiteCalendar

    /// Dates are written from their civil fields, read as a UTC instant in a UTC calendar, so no
    /// zone rule can move a day; the site zone only picks the fields (`SiteCalendar`).
    private let utc: TimeZone
    private let gregorian: Calendar
    /// Each text made, by the value it was made from (`OncePerKey`, the pages' cache too).
    private let texts = OncePerKey<Key, String>()

    /// What a text is made from besides the instance's constants. Everything else a text depends
    /// on is fixed for the life of the instance and of its `texts`: the locale and the site zone
    /// (`let`s, one instance per language per build, never shared), and per case the style, the
    /// width, the units and the rounding (the method's own, so the case names them). A case
    /// holds the value after the publishing rounding (the digits written) or the whole input
    /// (`duration`: the minutes, from which the days-and-hours rule follows), so no two inputs
    /// that write different texts share a key (`LocaleFormatTests.testEveryInputThatChangesATextIsInItsKey`).
    private enum Key: Hashable {
        case percent(UInt64), uptime(UInt64), minutes(UInt64), minutesWide(UInt64)
        case day(Int64), month(Int), monthName(Int), shortMonth(Int), time(Int)
        case zone(Int64), duration(Int64), integer(Int), list([String])
    }

    /// - Parameters:
    ///   - identifier: a BCP 47 tag (`en`, `de-DE`, `fr`).
    ///   - calendar: the site zone, for time-zone names.
    public init(identifier: String, calendar: SiteCalendar) {
        self.identifier = identifier
        locale = Locale(identifier: identifier)
        self.calendar = calendar
        utc = TimeZone(secondsFromGMT: 0)!
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = utc
        gregorian = cal
    }

    private func kept(_ key: Key, _ make: () -> String) -> String { texts.value(key, make: make) }

    // MARK: Numbers

    /// A term as written (objective, threshold, credit, weight), in its shortest form:
    /// `99.95%` (en), `99,95 %` (de, fr). Up to 9 decimals, which no term has.
    public func percent(_ x: Double) -> String {
        let x = x == 0 ? 0 : x
        return kept(.percent(x.bitPattern)) {
            x.formatted(.percent.scale(1).locale(locale).precision(.fractionLength(0...9)))
        }
    }

    /// A measured uptime with its 3 decimals, always: `99.912%`, `100.000%` (en), `99,912 %` (de).
    public func uptime(_ x: Double) -> String {
        let x = Published.uptime(x)
        return kept(.uptime(x.bitPattern)) {
            (x == 0 ? 0 : x).formatted(.percent.scale(1).locale(locale).precision(.fractionLength(3)))
        }
    }

    /// Minutes with their 1 decimal, always, and the unit's short name: `43.8 min` (en),
    /// `43,8 Min.` (de), `43,8 min` (fr).
    public func minutes(_ x: Double) -> String {
        let x = Published.minutes(x)
        return kept(.minutes(x.bitPattern)) { minutesText(x, width: .abbreviated) }
    }

    /// Minutes with their 1 decimal in words: `43.8 minutes`, `1.0 minutes` (en: CLDR's plural
    /// for a number with a decimal is `other`), `43,8 Minuten` (de).
    public func minutesInWords(_ x: Double) -> String {
        let x = Published.minutes(x)
        return kept(.minutesWide(x.bitPattern)) { minutesText(x, width: .wide) }
    }

    private func minutesText(_ x: Double, width: Duration.UnitsFormatStyle.UnitWidth) -> String {
        // A one-decimal figure is a whole number of tenths of a minute, so of 6 seconds: the
        // duration is exact and the style only writes its digits.
        let tenths = Int64((x * 10).rounded())
        let style = Duration.UnitsFormatStyle(
            allowedUnits: [.minutes], width: width, maximumUnitCount: 1, zeroValueUnits: .show(length: 1),
            valueLength: nil, fractionalPart: .show(length: 1)
        ).locale(locale)
        return Duration.seconds(tenths * 6).formatted(style)
    }

    /// A whole number: `1,234` (en), `1.234` (de), `1 234` (fr).
    public func integer(_ n: Int) -> String {
        return kept(.integer(n)) { n.formatted(.number.locale(locale)) }
    }

    // MARK: Dates

    private func date(_ year: Int, _ month: Int, _ day: Int, hour: Int = 0, minute: Int = 0) -> Date {
        let days = CivilDate.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + Int64(hour * 3600 + minute * 60)))
    }

    private var style: Date.FormatStyle { Date.FormatStyle(locale: locale, calendar: gregorian, timeZone: utc) }

    /// A day in the language's long form: `November 30, 2026` (en), `30. November 2026` (de),
    /// `30 novembre 2026` (fr).
    public func day(_ d: CalendarDay) -> String { day(year: d.year, month: d.month, day: d.day) }

    /// The day of a wall time, as `day(_:)`.
    public func day(_ d: LocalDateTime) -> String { day(year: d.year, month: d.month, day: d.day) }

    private func day(year: Int, month: Int, day: Int) -> String {
        kept(.day(CivilDate.days(year: year, month: month, day: day))) {
            date(year, month, day).formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: gregorian, timeZone: utc))
        }
    }

    /// A month with its year: `November 2026`, `novembre 2026`.
    public func month(_ m: YearMonth) -> String {
        kept(.month(m.year * 12 + m.month)) { date(m.year, m.month, 1).formatted(style.month(.wide).year()) }
    }

    /// A month's name alone (the form that stands by itself): `April`, `avril`.
    public func monthName(_ month: Int) -> String {
        kept(.monthName(month)) { date(2001, month, 1).formatted(style.month(.wide)) }
    }

    /// A month's short name for chart axes: `Nov`, `nov.`.
    public func shortMonth(_ m: YearMonth) -> String {
        kept(.shortMonth(m.month)) { date(2001, m.month, 1).formatted(style.month(.abbreviated)) }
    }

    /// A wall time of day: `2:00 PM` (en), `14:00` (de, fr, en-GB).
    public func time(hour: Int, minute: Int) -> String {
        kept(.time(hour * 60 + minute)) { date(2001, 1, 1, hour: hour, minute: minute).formatted(style.hour().minute()) }
    }

    /// The site zone's short name at `t` in this language: `PST`, `GMT+1` (en), `MEZ` (de),
    /// `UTC+1` (fr), as CLDR has them; `UTC` for a site in UTC (docs/spec.md §2 `timezone`:
    /// the zone as written; Foundation would say `GMT`).
    public func zoneName(at t: Instant) -> String {
        if calendar.name == "UTC" || calendar.name == "Etc/UTC" { return "UTC" }
        let key = calendar.zonePeriodStart(at: t) ?? t.seconds
        return kept(.zone(key)) {
            Date(timeIntervalSince1970: TimeInterval(t.seconds)).formatted(
                Date.FormatStyle(locale: locale, calendar: gregorian, timeZone: calendar.timeZone).timeZone(.specificName(.short)))
        }
    }

    // MARK: Durations and lists

    /// Whole minutes in words, the largest two units: `50 minutes`, `2 hours, 10 minutes`,
    /// `3 days, 4 hours` (en); `2 Stunden und 10 Minuten` (de). Minutes are left out beside
    /// days (the duration is rounded to the minute before).
    public func duration(minutes totalMinutes: Int64) -> String {
        kept(.duration(totalMinutes)) {
            let days = totalMinutes / 1440
            let seconds = days > 0 ? (totalMinutes / 60) * 3600 : totalMinutes * 60
            let style = Duration.UnitsFormatStyle(allowedUnits: [.days, .hours, .minutes], width: .wide).locale(locale)
            return Duration.seconds(seconds).formatted(style)
        }
    }

    /// `A, B, and C` (en), `A, B und C` (de), `A, B et C` (fr).
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return kept(.list(items)) { items.formatted(.list(type: .and).locale(locale)) }
    }
}
