import SLACore

/// `/maintenance.ics`: every maintenance window, past and scheduled, as iCalendar (RFC 5545).
enum MaintenanceCalendar {
    static let path = "maintenance.ics"

    /// The calendar text with CRLF line endings and lines folded at 75 octets.
    static func text(_ context: RenderContext) -> String {
        let config = context.site.config
        let host = uidHost(baseURL: config.baseURL)
        let name = "\(config.provider) maintenance"
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//slasite//Maintenance calendar//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:" + escapeText(name),
            "X-WR-CALNAME:" + escapeText(name),
            "X-WR-CALDESC:" + escapeText("Scheduled maintenance windows of \(config.provider)"),
            "URL:" + context.urls.absolute(path),
            // RFC 7986 and its older Microsoft form: ask subscribers to refresh hourly.
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
        for incident in context.site.incidents where incident.impact == .maintenance {
            lines += event(incident, host: host, context: context)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// One VEVENT; every value comes from content (and *now* for a window still open), never the clock.
    static func event(_ incident: Incident, host: String, context: RenderContext) -> [String] {
        let url = context.urls.absolute(context.urls.incident(incident.id))
        let services = incident.services.map { context.service($0)?.title ?? $0 }
        var description = "Services: " + services.joined(separator: ", ")
        if let plans = incident.plans {
            description += "\nPlans: " + plans.map { context.plan($0)?.title ?? $0 }.joined(separator: ", ")
        }
        description += "\nDetails: " + url
        let body = incident.body.trimmingWhitespace()
        if !body.isEmpty { description += "\n\n" + body }

        var lines = [
            "BEGIN:VEVENT",
            "UID:\(incident.id)@\(host)",
            // DTSTAMP must be stable across builds; the window's start is its own fixed date.
            "DTSTAMP:" + incident.start.basicUTC,
            "DTSTART:" + incident.start.basicUTC,
        ]
        // SPEC §3: a window without an end is open until *now*.
        if let end = incident.end ?? (context.figures.now > incident.start ? context.figures.now : nil) {
            lines.append("DTEND:" + end.basicUTC)
        }
        lines += [
            "SUMMARY:" + escapeText(incident.title),
            "DESCRIPTION:" + escapeText(description),
            "URL:" + url,
            "CATEGORIES:MAINTENANCE",
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
        return lines
    }

    /// Host of the base URL for UIDs, e.g. `sla.example.com` (no user info or port).
    static func uidHost(baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            // IPv6 literal: keep the brackets, drop a port after them.
            if let close = rest.firstIndex(of: "]") { rest = rest[...close] }
        } else if let colon = rest.firstIndex(of: ":") {
            rest = rest[..<colon]
        }
        return rest.isEmpty ? "slasite" : rest.lowercased()
    }

    /// RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped; line breaks as `\n`;
    /// other control characters dropped (they are not allowed in a content line).
    static func escapeText(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for u in text.unicodeScalars {
            defer { previousWasCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += "\t"
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// RFC 5545 §3.1: lines longer than 75 octets are split, never inside a UTF-8 sequence;
    /// each continuation starts with one space. Returns the parts joined with CRLF.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var octets = 0
        for u in line.unicodeScalars {
            let size = String(u).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(u)
            octets += size
        }
        return out
    }
}

extension String {
    /// Drops leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingWhitespace() -> String {
        let chars: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, chars.contains(scalars[start]) { start += 1 }
        while end > start, chars.contains(scalars[end - 1]) { end -= 1 }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[start..<end])
        return out
    }
}
