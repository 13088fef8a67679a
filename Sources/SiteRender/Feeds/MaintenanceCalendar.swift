import BuildSupport
import SLACore

/// `/maintenance.ics`: every maintenance window, past and scheduled, as iCalendar (RFC 5545).
enum MaintenanceCalendar {
    static let path = "maintenance.ics"

    /// The calendar text with CRLF line endings and lines folded at 75 octets.
    static func text(_ context: RenderContext) -> String {
        let config = context.site.config
        let host = uidHost(baseURL: config.baseURL)
        let s = context.text
        let name = s(.maintenanceCalendarName, ["provider": config.provider])
        let lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//slasite//Maintenance calendar//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:" + escapeText(name),
            "X-WR-CALNAME:" + escapeText(name),
            "X-WR-CALDESC:" + escapeText(s(.maintenanceCalendarDescription, ["provider": config.provider])),
            "URL:" + context.urls.absolute(context.urls.inLanguage(path)),
            // RFC 7986 and its older Microsoft form: ask subscribers to refresh hourly.
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
        var out: [UInt8] = []
        for line in lines { fold(line, into: &out) }
        // An event reads its incident, the site's titles and *now* (the table's scope).
        context.reuse?.scope(.calendar, context.scope)
        for incident in context.site.incidents where incident.impact == .maintenance {
            out += context.reuse.value(.calendar, at: incident.id, for: incident) {
                var bytes: [UInt8] = []
                for line in event(incident, host: host, context: context) { fold(line, into: &bytes) }
                return bytes
            }
        }
        fold("END:VCALENDAR", into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One VEVENT; every value comes from content (and *now* for a window still open), never the clock.
    static func event(_ incident: Incident, host: String, context: RenderContext) -> [String] {
        let url = context.urls.absolute(context.urls.incident(incident.id))
        let s = context.text
        let services = incident.services.map { context.service($0)?.title ?? $0 }
        var description = s(.maintenanceEventServices, ["services": s.list(services)])
        if let plans = incident.plans {
            description += "\n" + s(.maintenanceEventPlans, ["plans": s.list(plans.map { context.plan($0)?.title ?? $0 })])
        }
        description += "\n" + s(.eventDetails, ["url": url])
        let body = incident.body.trimmingWhitespace()
        if !body.isEmpty { description += "\n\n" + body }

        var lines = [
            "BEGIN:VEVENT",
            "UID:\(incident.id)@\(host)",
            // DTSTAMP must be stable across builds; the window's start is its own fixed date.
            "DTSTAMP:" + incident.start.basicUTC,
            "DTSTART:" + incident.start.basicUTC,
        ]
        // docs/spec.md §3: a window without an end is open until *now*.
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
        var text = text
        let escaped = text.withUTF8 { t -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(t.count + 16)
            // Runs of bytes that stay as they are are copied whole (this runs for every line of
            // claims.ics, tens of thousands of events on a large site).
            var run = 0
            var previousWasCR = false
            for i in 0..<t.count {
                let b = t[i]
                if b == 9 || (b >= 0x20 && b != 0x7F && b != 92 && b != 59 && b != 44) {
                    previousWasCR = false
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[run..<i]))
                run = i + 1
                switch b {
                case 92, 59, 44:  // backslash ; ,
                    out.append(92)
                    out.append(b)
                case 13:  // CR → \n
                    out.append(92)
                    out.append(110)
                case 10:
                    if !previousWasCR {
                        out.append(92)
                        out.append(110)
                    }
                default: break  // another control character: dropped
                }
                previousWasCR = b == 13
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[run...]))
            return out
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// RFC 5545 §3.1: lines longer than 75 octets are split, never inside a UTF-8 sequence;
    /// each continuation starts with one space. Returns the parts joined with CRLF.
    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        fold(line, into: &out)
        return String(decoding: out.dropLast(2), as: UTF8.self)
    }

    /// `fold`, appending the folded line and its CRLF to `out`.
    static func fold(_ line: String, into out: inout [UInt8]) {
        var line = line
        line.withUTF8 { bytes in
            var octets = 0
            var i = 0
            var run = 0  // start of the bytes not yet copied
            while i < bytes.count {
                // Length of the UTF-8 sequence starting here.
                let lead = bytes[i]
                let size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                let end = min(bytes.count, i + size)
                if octets + (end - i) > 75 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    out.append(13)  // CRLF and the space that continues a folded line
                    out.append(10)
                    out.append(32)
                    run = i
                    octets = 1
                }
                octets += end - i
                i = end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            out.append(13)
            out.append(10)
        }
    }
}

extension String {
    /// Drops leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingWhitespace() -> String {
        let u = Array(utf8)
        var start = 0
        var end = u.count
        func space(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 10 }
        while start < end, space(u[start]) { start += 1 }
        while end > start, space(u[end - 1]) { end -= 1 }
        return String(decoding: u[start..<end], as: UTF8.self)
    }
}
