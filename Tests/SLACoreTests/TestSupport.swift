import Foundation
import SLACore

let utc = SiteCalendar(timeZone: TimeZone(identifier: "UTC")!)
let london = SiteCalendar(timeZone: TimeZone(identifier: "Europe/London")!)

/// An instant from an ISO 8601 text (with offset, or read in `calendar`'s zone).
func at(_ text: String, _ calendar: SiteCalendar = utc) -> Instant {
    calendar.instant(LocalDateTime(iso8601: text)!)
}

func incident(
    _ id: String, _ impact: Impact, _ start: String, _ end: String?, services: [String] = ["api"], plans: [String]? = nil
) -> Incident {
    Incident(
        id: id, title: id, services: services, impact: impact, start: at(start), end: end.map { at($0) }, plans: plans)
}

func ym(_ text: String) -> YearMonth { YearMonth(parsing: text)! }
