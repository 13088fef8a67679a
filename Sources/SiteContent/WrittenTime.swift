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
        if let (message, hint) = reading.warning(key, shown: shown, calendar: calendar) {
            source.warning(node, message, hint: hint)
        }
    }
}
