import Foundation
import SLACore

/// One language's words and forms: its strings (docs/spec.md §2 `strings`, `i18n/<code>.yaml`)
/// and its CLDR formatting (`LocaleFormat`). What every page, feed and calendar writes text with.
public struct PageText: Sendable {
    public let strings: StringTable
    public let format: LocaleFormat

    public init(strings: StringTable, format: LocaleFormat) {
        self.strings = strings
        self.format = format
    }

    /// `strings` with the forms of `locale` (default `en`, the default language of
    /// docs/spec.md §2 `languages`) for a site in `calendar`'s zone (default UTC).
    public init(strings: StringTable = StringTable(), locale: String = "en", calendar: SiteCalendar? = nil) {
        self.init(
            strings: strings,
            format: LocaleFormat(identifier: locale, calendar: calendar ?? SiteCalendar(timeZone: TimeZone(identifier: "UTC")!, name: "UTC")))
    }

    /// The text of `id` as it stands (placeholders unfilled).
    public subscript(_ id: StringID) -> String { strings[id] }

    /// The text of `id` with its placeholders filled from `values`.
    public func callAsFunction(_ id: StringID, _ values: KeyValuePairs<String, String> = [:]) -> String {
        strings(id, values)
    }

    /// The text of `id` with its placeholders filled from `values` as they are, and every other
    /// part passed through `literal`.
    public func fill(_ id: StringID, _ values: KeyValuePairs<String, String>, literal: (Substring) -> String) -> String {
        strings.fill(id, values, literal: literal)
    }

    /// The form of `n` by the language's plural rule, filled with `values` and `{n}` (written
    /// with the language's grouping: `1,234` in English, `1.234` in German).
    public func plural(_ n: Int, one: StringID, other: StringID, _ values: KeyValuePairs<String, String> = [:]) -> String {
        strings.plural(n, shownAs: format.integer(n), one: one, other: other, values)
    }

    /// The text of the term word `id` (`TermWord`), filled from `values`.
    func word(_ id: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        values.isEmpty ? strings.word(id) : strings.word(id, values)
    }

    /// The form of `n` of a counted term word, `{n}` written as `plural(_:one:other:)` writes it.
    func word(_ n: Int, one: String, other: String) -> String {
        strings.word(n, shownAs: format.integer(n), one: one, other: other)
    }

    /// The wording for a service judged by `kind` (`StringTable.forPeriod`), with the same forms.
    public func forPeriod(_ kind: PeriodKind) -> PageText { PageText(strings: strings.forPeriod(kind), format: format) }

    // MARK: Forms (LocaleFormat)

    public func percent(_ x: Double) -> String { format.percent(x) }
    public func uptime(_ x: Double) -> String { format.uptime(x) }
    public func minutes(_ x: Double) -> String { format.minutes(x) }
    public func minutesInWords(_ x: Double) -> String { format.minutesInWords(x) }
    public func day(_ d: CalendarDay) -> String { format.day(d) }
    public func date(_ d: LocalDateTime) -> String { format.day(d) }
    public func month(_ m: YearMonth) -> String { format.month(m) }
    public func list(_ items: [String]) -> String { format.list(items) }
}
