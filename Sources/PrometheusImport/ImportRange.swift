import SLACore

/// The rows an import replaces: interval starts `from ≤ start < to`, on the interval's grid.
public struct ImportRange: Sendable, Hashable {
    public let from: Instant
    /// Exclusive: the start of the first interval not imported.
    public let to: Instant
    public let interval: SampleInterval

    /// Why `--from`/`--to` cannot make a range.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case notADate(option: String, text: String)
        case empty(from: Instant, to: Instant)
        case offGrid(option: String, at: Instant, interval: SampleInterval, before: Instant, after: Instant)
        case allInFuture(from: Instant, now: Instant)

        public var description: String {
            switch self {
            case let .notADate(option, text):
                return "\(option) must be a day (2026-10-01) or an ISO 8601 time (2026-10-01T00:00:00Z), got \"\(text)\""
            case let .empty(from, to):
                return "--to (\(to.rfc3339)) must be later than --from (\(from.rfc3339))"
            case let .offGrid(option, at, interval, before, after):
                return "\(option) \(at.rfc3339) is not on the \(interval) grid (every \(interval) from 00:00 UTC): use \(before.rfc3339) or \(after.rfc3339)"
            case let .allInFuture(from, now):
                return "nothing to import yet: --from \(from.rfc3339) is after the last whole interval before now (\(now.rfc3339))"
            }
        }
    }

    /// Makes the range from the options as written.
    ///
    /// A day is read in the site's zone: `--from DAY` starts at its first instant and `--to DAY`
    /// includes that whole day. A time without an offset is read in the site's zone too, and a
    /// `--to` time is exclusive (the start of the first interval not imported). The range ends
    /// at the last interval that has ended by `now`, since Prometheus would answer a later one
    /// with a partial count.
    public static func make(
        from fromText: String, to toText: String, interval: SampleInterval, calendar: SiteCalendar, now: Instant
    ) -> Result<ImportRange, Problem> {
        guard let fromLocal = LocalDateTime(iso8601: fromText) else { return .failure(.notADate(option: "--from", text: fromText)) }
        guard let toLocal = LocalDateTime(iso8601: toText) else { return .failure(.notADate(option: "--to", text: toText)) }
        let from = calendar.instant(fromLocal)
        var to = calendar.instant(toLocal)
        if toLocal.isDateOnly {
            let next = CivilDate.civil(fromDays: CivilDate.days(year: toLocal.year, month: toLocal.month, day: toLocal.day) + 1)
            to = calendar.instant(LocalDateTime(year: next.year, month: next.month, day: next.day))
        }
        guard from < to else { return .failure(.empty(from: from, to: to)) }
        for (option, t) in [("--from", from), ("--to", to)] where !isOnGrid(t, interval) {
            let before = floorToGrid(t, interval)
            return .failure(.offGrid(option: option, at: t, interval: interval, before: before, after: before.adding(seconds: interval.seconds)))
        }
        let lastEnded = floorToGrid(now, interval)
        if to > lastEnded { to = lastEnded }
        guard from < to else { return .failure(.allInFuture(from: from, now: lastEnded)) }
        return .success(ImportRange(from: from, to: to, interval: interval))
    }

    public init(from: Instant, to: Instant, interval: SampleInterval) {
        precondition(from < to && Self.isOnGrid(from, interval) && Self.isOnGrid(to, interval))
        self.from = from
        self.to = to
        self.interval = interval
    }

    /// The number of intervals (rows at most) in the range.
    public var count: Int64 { from.seconds(to: to) / interval.seconds }

    public func contains(_ start: Instant) -> Bool { from <= start && start < to }

    static func isOnGrid(_ t: Instant, _ interval: SampleInterval) -> Bool { floorToGrid(t, interval) == t }

    static func floorToGrid(_ t: Instant, _ interval: SampleInterval) -> Instant {
        let s = interval.seconds
        let q = t.seconds >= 0 ? t.seconds / s : (t.seconds - s + 1) / s
        return Instant(seconds: q * s)
    }
}
