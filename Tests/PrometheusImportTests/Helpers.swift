import Foundation
import SLACore

/// An instant from an RFC 3339 text with Z or an offset (test inputs only).
func at(_ text: String) -> Instant {
    let local = LocalDateTime(iso8601: text)!
    precondition(local.utcOffset != nil, "test instants carry an offset")
    return SiteCalendar(timeZone: TimeZone(identifier: "UTC")!).instant(local)
}

let utc = SiteCalendar(timeZone: TimeZone(identifier: "UTC")!)
