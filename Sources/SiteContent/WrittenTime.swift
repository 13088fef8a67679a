import SLACore
import Yams

/// A date-time of a content file as its author wrote it, with the instant it is read as.
/// Issue 26 point 8: messages about it show it as written (with the site zone when it has no
/// offset), not in UTC; point 7: a wall time the site zone has twice or never is read as
/// `SiteCalendar.instant` reads it, with a warning that says which instant that is and what
/// to write for the other (docs/content.md, Values).
struct WrittenTime {
    let instant: Instant
    let node: Node
    /// `2026-11-10 09:30 (Europe/Berlin)`, or `2026-11-10T09:30:00Z` when written with an offset.
    let shown: String
    /// The text as written, trimmed.
    let text: String

    /// Reads `local` (the value of `key`, at `node`) in `calendar`'s zone; warns at `node`
    /// when that zone repeats or skips the wall time.
    init(_ local: LocalDateTime, node: Node, key: String, calendar: SiteCalendar, source: YAMLSource) {
        self.node = node
        text = node.scalar?.string.trimmingSpaces() ?? ""
        shown = local.utcOffset == nil ? "\(text) (\(calendar.name))" : text
        let reading = calendar.reading(local)
        instant = reading.instant
        func named(_ t: Instant) -> String { "\(calendar.writtenWithOffset(t)) (\(calendar.abbreviation(at: t)))" }
        switch reading {
        case .unique: break
        case let .repeated(taken, other):
            let (which, otherWhich) = taken < other ? ("first", "second") : ("second", "first")
            source.warning(
                node,
                "\(key) \(shown) occurs twice: the clocks go back \(Self.duration(taken, other)) then; it is read as the \(which), \(named(taken))",
                hint: "write \(calendar.writtenWithOffset(other)) for the \(otherWhich), or \(calendar.writtenWithOffset(taken)) to keep this one")
        case let .skipped(taken, other):
            source.warning(
                node,
                "\(key) \(shown) does not exist: the clocks go forward \(Self.duration(taken, other)) then; it is read as \(named(taken))",
                hint: "write \(calendar.writtenWithOffset(other)) for the instant \(Self.duration(taken, other)) earlier, or \(calendar.writtenWithOffset(taken)) to keep this one")
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
