import SLACore

/// Issue 26 point 10: a zone abbreviation (`PST`, `CEST`) where slasite needs an IANA name
/// (site.yaml `timezone`) or an offset (a time). An abbreviation names no rules for the clock
/// changes and several mean different zones (`IST`), so slasite never reads one; it names what
/// to write instead.
enum ZoneAbbreviation {
    /// The abbreviations authors most often write, with the zone they usually mean and their
    /// offset from UTC in seconds (a summer abbreviation has the summer offset).
    static let known: [String: (zone: String, offset: Int)] = [
        "PST": ("America/Los_Angeles", -8 * 3600), "PDT": ("America/Los_Angeles", -7 * 3600),
        "MST": ("America/Denver", -7 * 3600), "MDT": ("America/Denver", -6 * 3600),
        "CST": ("America/Chicago", -6 * 3600), "CDT": ("America/Chicago", -5 * 3600),
        "EST": ("America/New_York", -5 * 3600), "EDT": ("America/New_York", -4 * 3600),
        "AKST": ("America/Anchorage", -9 * 3600), "AKDT": ("America/Anchorage", -8 * 3600),
        "HST": ("Pacific/Honolulu", -10 * 3600),
        "BST": ("Europe/London", 3600), "WET": ("Europe/Lisbon", 0), "WEST": ("Europe/Lisbon", 3600),
        "CET": ("Europe/Berlin", 3600), "CEST": ("Europe/Berlin", 2 * 3600),
        "EET": ("Europe/Athens", 2 * 3600), "EEST": ("Europe/Athens", 3 * 3600),
        "MSK": ("Europe/Moscow", 3 * 3600), "IST": ("Asia/Kolkata", 5 * 3600 + 1800),
        "SGT": ("Asia/Singapore", 8 * 3600), "HKT": ("Asia/Hong_Kong", 8 * 3600),
        "JST": ("Asia/Tokyo", 9 * 3600), "KST": ("Asia/Seoul", 9 * 3600),
        "AWST": ("Australia/Perth", 8 * 3600), "ACST": ("Australia/Adelaide", 9 * 3600 + 1800),
        "ACDT": ("Australia/Adelaide", 10 * 3600 + 1800), "AEST": ("Australia/Sydney", 10 * 3600),
        "AEDT": ("Australia/Sydney", 11 * 3600), "NZST": ("Pacific/Auckland", 12 * 3600),
        "NZDT": ("Pacific/Auckland", 13 * 3600),
    ]

    /// For site.yaml `timezone: PST` (or `06:00 PST`): the IANA name to write.
    static func timezoneHint(_ written: String) -> String? {
        guard let word = written.split(separator: " ").last, let entry = known[word.uppercased()] else { return nil }
        return "\(word) is an abbreviation, not a time zone: write the IANA name \(entry.zone), which follows its clock changes"
    }

    /// For a time such as `2026-11-10 06:00 PST`: the same time with the offset written.
    static func timeHint(_ written: String) -> String? {
        let text = written.trimmingSpaces()
        let letters = text.reversed().prefix { $0.isLetter }
        guard !letters.isEmpty, let entry = known[String(letters.reversed()).uppercased()] else { return nil }
        let abbreviation = String(letters.reversed())
        let rest = String(text.dropLast(letters.count)).trimmingSpaces()
        guard let local = LocalDateTime(iso8601: rest), local.utcOffset == nil, !local.isDateOnly else { return nil }
        let stamp =
            local.dateString + "T" + twoDigits(local.hour) + ":" + twoDigits(local.minute) + ":" + twoDigits(local.second)
            + SiteCalendar.offsetText(entry.offset)
        return "\(abbreviation) is an abbreviation, not an offset: write \(stamp), or set timezone: \(entry.zone) in site.yaml and write no offset"
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
