import SLACore

/// The rows an import replaces: interval starts `from ≤ start < to`, on the interval's grid.
public struct ImportRange: Sendable, Hashable {
    public let from: Instant
    /// Exclusive: the start of the first interval not imported.
    public let to: Instant
    public let interval: SampleInterval

    /// A `--from` or `--to` time: the instant read, and how messages show it (as written, with
    /// the site zone when it has no offset; issue 26 point 8).
    public struct Bound: Sendable, Hashable {
        public let instant: Instant
        public let shown: String

        public init(_ instant: Instant, shown: String) {
            self.instant = instant
            self.shown = shown
        }
    }

    /// Why `--from`/`--to` cannot make a range.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case notADate(option: String, text: String)
        case empty(from: Bound, to: Bound)
        /// `before` and `after` are the grid's times around `at`, in the form `at` was written.
        case offGrid(option: String, at: Bound, interval: SampleInterval, before: Bound, after: Bound)
        case allInFuture(from: Bound, now: Instant)

        public var description: String {
            switch self {
            case let .notADate(option, text):
                return "\(option) must be a day (2026-10-01) or an ISO 8601 time (2026-10-01T00:00:00Z), got \"\(text)\""
            case let .empty(from, to):
                return "--to \(to.shown) must be later than --from \(from.shown)"
            case let .offGrid(option, at, interval, before, after):
                return "\(option) \(at.shown) is not on the \(interval) grid (every \(interval) from 00:00 UTC): use \(before.shown) or \(after.shown)"
            case let .allInFuture(from, now):
                return "nothing to import yet: --from \(from.shown) is after the last whole interval before now (\(now.rfc3339))"
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
        /// `t` as the author wrote the option: with an offset as UTC, without one in the site zone.
        func bound(_ t: Instant, written local: LocalDateTime, text: String? = nil) -> Bound {
            if local.utcOffset != nil { return Bound(t, shown: text ?? t.rfc3339) }
            return Bound(t, shown: text.map { "\($0) (\(calendar.name))" } ?? calendar.writtenWithOffset(t))
        }
        let fromBound = bound(from, written: fromLocal, text: fromText)
        let toBound = bound(to, written: toLocal, text: toText)
        guard from < to else { return .failure(.empty(from: fromBound, to: toBound)) }
        for (option, t, local, shown) in [("--from", from, fromLocal, fromBound), ("--to", to, toLocal, toBound)] where !isOnGrid(t, interval) {
            let before = floorToGrid(t, interval)
            let after = before.adding(seconds: interval.seconds)
            return .failure(
                .offGrid(option: option, at: shown, interval: interval, before: bound(before, written: local), after: bound(after, written: local)))
        }
        let lastEnded = floorToGrid(now, interval)
        if to > lastEnded { to = lastEnded }
        guard from < to else { return .failure(.allInFuture(from: fromBound, now: lastEnded)) }
        return .success(ImportRange(from: from, to: to, interval: interval))
    }

    /// The warnings for `--from` and `--to` wall times that the site zone repeats or skips
    /// (issue 26 point 7), as `SiteContent` gives them for times in content files.
    public static func wallTimeWarnings(from fromText: String, to toText: String, calendar: SiteCalendar) -> [String] {
        [("--from", fromText), ("--to", toText)].compactMap { option, text in
            guard let local = LocalDateTime(iso8601: text), !local.isDateOnly,
                let (message, hint) = calendar.reading(local).warning(option, shown: "\(text) (\(calendar.name))", calendar: calendar)
            else { return nil }
            return "\(message) (\(hint))"
        }
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
