/// How a wall time without an offset reads in the site zone (docs/spec.md §3, Time): once, twice
/// (the clocks go back) or never (the clocks go forward). Issue 26 point 7: the two last are
/// read as `SiteCalendar.instant` reads them, and the author is told which instant that is.
public enum WallTimeReading: Sendable, Hashable {
    /// The wall time occurs once (or was written with an offset).
    case unique(Instant)
    /// The wall time occurs twice; `taken` is the instant `SiteCalendar.instant` gives.
    case repeated(taken: Instant, other: Instant)
    /// The clocks skip the wall time; `taken` is the instant `SiteCalendar.instant` gives,
    /// `other` the instant the same wall time names with the offset after the change.
    case skipped(taken: Instant, other: Instant)

    /// The instant the wall time is read as, whichever case.
    public var instant: Instant {
        switch self {
        case let .unique(t), let .repeated(t, _), let .skipped(t, _): t
        }
    }

    /// The warning for a repeated or skipped wall time, and its hint (what to write instead);
    /// nil for one that occurs once. One wording for content files and command-line options.
    /// - Parameters:
    ///   - what: the key or option, e.g. `start` or `--from`.
    ///   - shown: the time as written, with the zone: `2026-10-25 02:30 (Europe/Berlin)`.
    public func warning(_ what: String, shown: String, calendar: SiteCalendar) -> (message: String, hint: String)? {
        func named(_ t: Instant) -> String { "\(calendar.writtenWithOffset(t)) (\(calendar.abbreviation(at: t)))" }
        switch self {
        case .unique: return nil
        case let .repeated(taken, other):
            let (which, otherWhich) = taken < other ? ("first", "second") : ("second", "first")
            return (
                "\(what) \(shown) occurs twice: the clocks go back \(Self.duration(taken, other)) then; it is read as the \(which), \(named(taken))",
                "write \(calendar.writtenWithOffset(other)) for the \(otherWhich), or \(calendar.writtenWithOffset(taken)) to keep this one"
            )
        case let .skipped(taken, other):
            return (
                "\(what) \(shown) does not exist: the clocks go forward \(Self.duration(taken, other)) then; it is read as \(named(taken))",
                "write \(calendar.writtenWithOffset(other)) for the instant \(Self.duration(taken, other)) earlier, or \(calendar.writtenWithOffset(taken)) to keep this one"
            )
        }
    }

    /// `1 h`, `30 min`, `1 h 30 min`: the time between the two readings.
    static func duration(_ a: Instant, _ b: Instant) -> String {
        let minutes = abs(Int(a.seconds - b.seconds)) / 60
        let (h, m) = (minutes / 60, minutes % 60)
        switch (h, m) {
        case (0, _): return "\(m) min"
        case (_, 0): return "\(h) h"
        default: return "\(h) h \(m) min"
        }
    }
}

extension SiteCalendar {
    /// Whether `local` occurs once, twice or never in the site zone, with the instant it is read
    /// as (always `instant(local)`, so nothing read changes) and the other reading.
    public func reading(_ local: LocalDateTime) -> WallTimeReading {
        let taken = instant(local)
        guard local.utcOffset == nil else { return .unique(taken) }
        let wallAsUTC =
            CivilDate.days(year: local.year, month: local.month, day: local.day) * 86_400
            + Int64(local.hour * 3600 + local.minute * 60 + local.second)
        // Every offset in force within a day either side; no zone changes twice in two days.
        var offsets: [Int] = []
        for probe in [wallAsUTC - 86_400, wallAsUTC, wallAsUTC + 86_400] {
            let o = offset(at: Instant(seconds: probe))
            if !offsets.contains(o) { offsets.append(o) }
        }
        // A reading is an offset that is in force at the instant it gives.
        let readings = offsets.map { Instant(seconds: wallAsUTC - Int64($0)) }.filter { t in
            offsets.contains { o in Int64(o) == wallAsUTC - t.seconds && offset(at: t) == o }
        }
        if readings.count > 1, let other = readings.first(where: { $0 != taken }) {
            return .repeated(taken: taken, other: other)
        }
        if readings.isEmpty {
            // The offset after the change is the larger one (the clocks went forward).
            let after = offsets.max() ?? 0
            return .skipped(taken: taken, other: Instant(seconds: wallAsUTC - Int64(after)))
        }
        return .unique(taken)
    }

    /// `2026-10-25T01:30:00+01:00`: `t` as a wall time in the site zone with its offset, the
    /// form an author writes to name exactly that instant.
    public func writtenWithOffset(_ t: Instant) -> String {
        let local = localDateTime(of: t)
        return local.dateString + "T" + pad2(local.hour) + ":" + pad2(local.minute) + ":" + pad2(local.second)
            + Self.offsetText(local.utcOffset ?? 0)
    }

    /// `+01:00`, `-08:00`, `+05:30`.
    public static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return sign + pad2(m / 60) + ":" + pad2(m % 60)
    }
}
