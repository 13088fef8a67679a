import SLACore

/// Plain-words text of figures, dates and durations for pages. Every number comes from the
/// computed figures with the publishing rounding of SPEC §3 (the same as sla.json).
enum PageFormat {
    /// Non-breaking space between a number and its unit, so "99.9 %" never wraps.
    static let nbsp = "\u{00A0}"

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// An objective or tier threshold as written, e.g. "99.95 %".
    static func percent(_ x: Double) -> String { Published.text(x) + nbsp + "%" }

    /// SPEC §4 `source` as the history table names it; an `error_rate` month adds its mean
    /// error rate ("Request samples: mean error rate 0.013 %").
    static func source(_ m: MonthFigure) -> String {
        switch m.source {
        case .incidents: return "Incidents"
        case .measurements: return "Measured"
        case .none: return "No data"
        case .samples:
            guard let rate = m.meanErrorRate else { return "Request samples" }
            return "Request samples: mean error rate " + uptime(rate)
        }
    }

    /// How Downtime is measured, in words, from a samples rule (nil for incidents, whose
    /// wording is the service's `measurement`): "A minute counts as Downtime when more than 5 %
    /// of requests fail, with at least 100 requests in the minute, in runs of at least 5 minutes."
    static func downtimeRule(_ terms: ResolvedTerms) -> String? {
        guard let r = terms.downtime.sampleRule else { return nil }
        let unit = r.interval == 1 ? "minute" : "\(r.interval)-minute interval"
        let units = r.interval == 1 ? "minutes" : "\(r.interval)-minute intervals"
        var text: String
        switch r.method {
        case .badIntervals:
            text = "A \(unit) counts as Downtime when "
                + (r.errorRateAbove == 0 ? "any request fails" : "more than \(percent(r.errorRateAbove)) of requests fail")
            if r.minRequests > 1 { text += ", with at least \(r.minRequests) requests in the \(unit)" }
            if r.minConsecutive > 1 {
                text += r.interval == 1
                    ? ", in runs of at least \(r.minConsecutive) minutes"
                    : ", in runs of at least \(r.minConsecutive) consecutive \(units) (\(r.minConsecutive * r.interval) minutes)"
            }
            text += ". Monthly Downtime is the number of such minutes"
                + (r.interval == 1 ? "." : " (each such interval counts \(r.interval) minutes).")
        case .errorRate:
            text = "Monthly uptime is 100" + nbsp + "% minus the mean error rate of the month\u{2019}s \(units)"
            if r.minRequests > 1 { text += " (one with fewer than \(r.minRequests) requests counts as 0" + nbsp + "%)" }
            text += "."
        }
        text += " Error rates come from request counts per \(unit); incidents do not count"
        text += terms.excludeMaintenance ? ", and a \(unit) that overlaps scheduled maintenance has none." : "."
        return text
    }

    /// A measured uptime with its 3 decimals, always, e.g. "99.912 %", "100.000 %".
    static func uptime(_ x: Double) -> String { Published.uptimeText(x) + nbsp + "%" }

    /// Minutes with their 1 decimal, always, e.g. "43.8 min", "180.0 min".
    static func minutes(_ x: Double) -> String { Published.minutesText(x) + nbsp + "min" }

    /// Minutes in words, e.g. "43.8 minutes", "1.0 minute".
    static func minutesInWords(_ x: Double) -> String {
        let rounded = Published.minutes(x)
        return Published.minutesText(x) + nbsp + (rounded == 1 ? "minute" : "minutes")
    }

    /// "November 2026".
    static func month(_ m: YearMonth) -> String { monthNames[m.month - 1] + " " + String(m.year) }

    /// "Nov 2026" for chart axes.
    static func shortMonth(_ m: YearMonth) -> String { String(monthNames[m.month - 1].prefix(3)) }

    /// "1 December 2025".
    static func date(_ d: LocalDateTime) -> String {
        String(d.day) + " " + monthNames[d.month - 1] + " " + String(d.year)
    }

    /// "15 October 2026".
    static func day(_ d: CalendarDay) -> String {
        String(d.day) + " " + monthNames[d.month - 1] + " " + String(d.year)
    }

    /// The claim window in words ("within 15 days after the end of the month", "by the end of
    /// the second calendar month after the month"), or nil without one.
    static func claimWindow(_ terms: ResolvedTerms) -> String? {
        if let days = terms.claimWindowDays {
            return "within \(days) day\(days == 1 ? "" : "s") after the end of the month"
        }
        if let months = terms.claimWindowMonths {
            let ordinals = ["", "", "second ", "third ", "fourth ", "fifth ", "sixth ", "seventh ", "eighth ", "ninth ", "tenth ", "eleventh ", "twelfth "]
            let nth = months < ordinals.count ? ordinals[months] : "\(months)th "
            return "by the end of the \(nth)calendar month after the month"
        }
        return nil
    }

    /// "10 November 2026, 14:00 GMT": the wall time in the site zone, with the zone named.
    static func dateTime(_ t: Instant, _ calendar: SiteCalendar) -> String {
        let local = calendar.localDateTime(of: t)
        return date(local) + ", " + pad2(local.hour) + ":" + pad2(local.minute) + " " + calendar.abbreviation(at: t)
    }

    /// Machine-readable `datetime` attribute value (UTC, RFC 3339).
    static func machine(_ t: Instant) -> String { t.rfc3339 }

    /// Whole-minute duration in words, e.g. "50 minutes", "2 hours 10 minutes", "3 days 4 hours".
    static func duration(seconds: Int64) -> String {
        let totalMinutes = (seconds + 30) / 60
        if totalMinutes < 1 { return "less than a minute" }
        let days = totalMinutes / 1440
        let hours = totalMinutes % 1440 / 60
        let minutes = totalMinutes % 60
        func unit(_ n: Int64, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if days > 0 { parts.append(unit(days, "day")) }
        if hours > 0 { parts.append(unit(hours, "hour")) }
        if minutes > 0 && days == 0 { parts.append(unit(minutes, "minute")) }
        return parts.joined(separator: " ")
    }

    /// "24×7" or "business hours".
    static func hours(_ h: SupportHours?) -> String? {
        switch h {
        case .allHours: "24×7"
        case .business: "business hours"
        case nil: nil
        }
    }

    /// "critical" → "Critical".
    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Fixed-point text with `places` decimals, independent of any locale (for SVG coordinates).
    static func fixed(_ x: Double, places: Int = 1) -> String {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let n = Int64((x * Double(scale)).rounded(.toNearestOrAwayFromZero))
        // Digits from the right into a small buffer, then one String (this runs for every
        // coordinate of every chart).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            var i = buf.count
            var rest = n.magnitude
            var written = 0
            repeat {
                if written == places && places > 0 {
                    i -= 1
                    buf[i] = UInt8(ascii: ".")
                }
                i -= 1
                buf[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
            } while rest > 0 || written <= places
            if n < 0 {
                i -= 1
                buf[i] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[i...]), as: UTF8.self)
        }
    }

    /// A human label of an impact.
    static func impact(_ i: Impact) -> String {
        switch i {
        case .major: "Major outage"
        case .partial: "Partial outage"
        case .degraded: "Degraded performance"
        case .maintenance: "Scheduled maintenance"
        }
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
