import Foundation

/// Month edges and wall-clock conversions in the site's IANA time zone (SPEC §3).
public struct SiteCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
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

    /// Offset from UTC in seconds at `t`.
    public func offset(at t: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.seconds)))
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

    /// Abbreviation of the zone at `t` (e.g. `BST`), falling back to the identifier.
    public func abbreviation(at t: Instant) -> String {
        timeZone.abbreviation(for: Date(timeIntervalSince1970: TimeInterval(t.seconds))) ?? timeZone.identifier
    }
}
