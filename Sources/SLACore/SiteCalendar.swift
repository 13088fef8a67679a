import Foundation

/// Month edges and wall-clock conversions in the site's IANA time zone (docs/spec.md §3). Made once per
/// zone where the site configuration is read (`SiteConfig.calendar`): it reads the zone's table
/// of transitions then, and holds it as a value (no state shared between calendars).
public struct SiteCalendar: Sendable, Hashable {
    /// Calendars are equal when their zones are: everything else is derived from the zone.
    public static func == (a: SiteCalendar, b: SiteCalendar) -> Bool {
        a.name == b.name && a.timeZone.identifier == b.timeZone.identifier
    }

    public func hash(into h: inout Hasher) { h.combine(name) }

    public let timeZone: TimeZone
    /// The zone as the author wrote it (`UTC`, `Europe/London`): what pages and sla.json publish.
    /// Foundation names the UTC zone `GMT`, which is not what a contract that says UTC means.
    public let name: String
    private let calendar: Calendar
    private let periods: ZonePeriods?

    /// - Parameter name: the zone's name as written; by default Foundation's identifier (`UTC`
    /// for its UTC zone, which Foundation calls `GMT`).
    public init(timeZone: TimeZone, name: String? = nil) {
        self.timeZone = timeZone
        self.name = name ?? (timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier)
        periods = ZonePeriods(timeZone)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        self.calendar = cal
    }

    /// The instant at which month `m` starts in the site zone.
    public func start(of m: YearMonth) -> Instant {
        instant(LocalDateTime(year: m.year, month: m.month, day: 1))
    }

    /// The instant at which month `m` ends (the next month's start).
    public func end(of m: YearMonth) -> Instant { start(of: m.next) }

    /// Real minutes in month `m` in the site zone (DST months differ).
    public func minutes(in m: YearMonth) -> Double {
        Double(start(of: m).seconds(to: end(of: m))) / 60
    }

    /// The month containing `t` in the site zone.
    public func month(containing t: Instant) -> YearMonth {
        let local = localDateTime(of: t)
        return YearMonth(year: local.year, month: local.month)
    }

    /// The instant of a written date-time: its own offset when given, else read in the site zone.
    /// A wall time skipped by a DST change is shifted forward by the gap; a repeated one may read either way.
    public func instant(_ local: LocalDateTime) -> Instant {
        if let offset = local.utcOffset {
            let days = CivilDate.days(year: local.year, month: local.month, day: local.day)
            return Instant(seconds: days * 86_400 + Int64(local.hour * 3600 + local.minute * 60 + local.second - offset))
        }
        // Guess with the offset valid at the same wall time read as UTC, then correct once.
        let wallAsUTC = Instant(
            seconds: CivilDate.days(year: local.year, month: local.month, day: local.day) * 86_400
                + Int64(local.hour * 3600 + local.minute * 60 + local.second))
        let off1 = offset(at: Instant(seconds: wallAsUTC.seconds - Int64(offset(at: wallAsUTC))))
        let guess = Instant(seconds: wallAsUTC.seconds - Int64(off1))
        let off2 = offset(at: guess)
        if off2 == off1 { return guess }
        let second = Instant(seconds: wallAsUTC.seconds - Int64(off2))
        if offset(at: second) == off2 { return second }
        // In a gap: neither offset reproduces the wall time; take the later side's transition.
        return Instant(seconds: max(guess.seconds, second.seconds))
    }

    /// Whether offsets and abbreviations come from the zone's table of transitions (`ZonePeriods`).
    public var usesZoneTable: Bool { periods != nil }

    /// Offset from UTC in seconds at `t`.
    public func offset(at t: Instant) -> Int {
        if let period = periods?.period(at: t.seconds) { return period.offset }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.seconds)))
    }

    /// Wall-clock date and time of `t` in the site zone, with its offset.
    public func localDateTime(of t: Instant) -> LocalDateTime {
        let off = offset(at: t)
        let local = t.seconds + Int64(off)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let sod = Int(local - days * 86_400)
        let (y, m, d) = CivilDate.civil(fromDays: days)
        return LocalDateTime(
            year: y, month: m, day: d, hour: sod / 3600, minute: sod % 3600 / 60, second: sod % 60, utcOffset: off)
    }

    /// The first second of the stretch between two of the zone's transitions that holds `t`
    /// (its offset and name are the same throughout); nil without the zone's table.
    public func zonePeriodStart(at t: Instant) -> Int64? { periods?.period(at: t.seconds)?.start }

    /// Abbreviation of the zone at `t` (e.g. `BST`), falling back to the identifier; `UTC` for
    /// the UTC zone (Foundation would say `GMT`).
    public func abbreviation(at t: Instant) -> String {
        if name == "UTC" || name == "Etc/UTC" { return "UTC" }
        if let period = periods?.period(at: t.seconds) { return period.abbreviation ?? timeZone.identifier }
        return ZonePeriods.shortName(timeZone, Date(timeIntervalSince1970: TimeInterval(t.seconds)), ZonePeriods.shortNames(timeZone))
            ?? timeZone.identifier
    }
}

/// A zone's offset and abbreviation between its transitions from 1970 to 2100, read from the
/// time zone database when a calendar is made. Each query of Foundation's time zone otherwise
/// takes a lock shared by all threads, and pages ask for thousands of wall times.
final class ZonePeriods: Sendable {
    struct Period: Sendable {
        var start: Int64
        var offset: Int
        var abbreviation: String?
    }

    static let lower: Int64 = 0  // 1970-01-01
    static let upper: Int64 = 4_102_444_800  // 2100-01-01
    /// Sorted by start; each lasts until the next one starts (the last until `upper`).
    let periods: [Period]

    /// The zone's periods, or nil when the database's transitions do not account for every
    /// change (the calendar then asks Foundation each time).
    /// A formatter of the zone's CLDR short name in English (`PST`, `EST`; `GMT+1` where
    /// English has none), issue 26 point 6. Foundation's `TimeZone.abbreviation` gives only
    /// GMT offsets for most zones.
    static func shortNames(_ zone: TimeZone) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US")
        f.timeZone = zone
        f.dateFormat = "zzz"
        return f
    }

    /// The zone's short name at `date` (nil when the formatter gives none).
    static func shortName(_ zone: TimeZone, _ date: Date, _ formatter: DateFormatter) -> String? {
        let name = formatter.string(from: date)
        return name.isEmpty ? zone.abbreviation(for: date) : name
    }

    init?(_ zone: TimeZone) {
        func date(_ s: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(s)) }
        let names = Self.shortNames(zone)
        func abbreviation(_ d: Date) -> String? { Self.shortName(zone, d, names) }
        var list = [
            Period(
                start: Self.lower, offset: zone.secondsFromGMT(for: date(Self.lower)),
                abbreviation: abbreviation(date(Self.lower)))
        ]
        var t = date(Self.lower)
        while let next = zone.nextDaylightSavingTimeTransition(after: t),
            next.timeIntervalSince1970 < TimeInterval(Self.upper)
        {
            guard list.count < 4000, next > t else { return nil }
            let s = Int64(next.timeIntervalSince1970.rounded(.down))
            guard Double(s) == next.timeIntervalSince1970, s > list[list.count - 1].start else { return nil }
            list.append(
                Period(start: s, offset: zone.secondsFromGMT(for: next), abbreviation: abbreviation(next)))
            t = next
        }
        // Each period must hold to its last second, or a transition was missed.
        for (k, period) in list.enumerated() {
            let last = (k + 1 < list.count ? list[k + 1].start : Self.upper) - 1
            guard zone.secondsFromGMT(for: date(last)) == period.offset,
                abbreviation(date(last)) == period.abbreviation
            else { return nil }
        }
        periods = list
    }

    /// The period holding second `s`, or nil outside 1970–2100.
    func period(at s: Int64) -> Period? {
        guard s >= Self.lower && s < Self.upper else { return nil }
        var lo = 0
        var hi = periods.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if periods[mid].start <= s { lo = mid } else { hi = mid - 1 }
        }
        return periods[lo]
    }
}
