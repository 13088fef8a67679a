import Foundation
import SLACore

/// The incident file `slasite import statuspage` writes for one Statuspage incident.
public struct ImportedIncidentFile: Sendable, Hashable {
    public struct Update: Sendable, Hashable {
        public var at: Instant
        /// A docs/spec.md §2 status.
        public var status: String
        /// Markdown (already escaped plain text).
        public var note: String
    }

    public var title: String
    public var services: [String]
    public var impact: Impact
    public var start: Instant
    public var end: Instant?
    public var updates: [Update]
    /// Markdown body (already escaped plain text).
    public var body: String
    public var statuspageID: String
    public var shortlink: String?

    /// The file's text: front matter (times in the site zone, with their offset), then the body.
    public func text(calendar: SiteCalendar) -> String {
        var lines = [
            "---",
            "# Written by `slasite import statuspage` from Statuspage incident \(statuspageID).",
            "# A re-run rewrites this file until it is edited; once edited, the import leaves it as it is.",
            "title: " + PlainText.yamlQuoted(title),
            "services: [" + services.joined(separator: ", ") + "]",
            "impact: " + impact.rawValue,
            "start: " + Self.stamp(start, calendar),
        ]
        if let end { lines.append("end: " + Self.stamp(end, calendar)) }
        if !updates.isEmpty {
            lines.append("updates:")
            for u in updates {
                lines.append("  - at: " + Self.stamp(u.at, calendar))
                lines.append("    status: " + u.status)
                lines.append("    note: " + PlainText.yamlQuoted(u.note))
            }
        }
        let bodyText = body.isEmpty ? "" : body + "\n"
        let core = lines.joined(separator: "\n") + "\n" + "---\n" + bodyText
        var marker = "imported: {from: statuspage, id: " + PlainText.yamlQuoted(statuspageID)
        if let shortlink { marker += ", url: " + PlainText.yamlQuoted(shortlink) }
        marker += ", digest: \"" + Self.digest(core) + "\"}"
        return lines.joined(separator: "\n") + "\n" + marker + "\n---\n" + bodyText
    }

    /// Whether `text`, a file this importer wrote, is as it wrote it: the digest in its marker
    /// matches its text without the marker line.
    public static func isUnedited(_ text: String, digest: String?) -> Bool {
        guard let digest else { return false }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let k = lines.firstIndex(where: { $0.hasPrefix("imported:") }) else { return false }
        lines.remove(at: k)
        return Self.digest(lines.joined(separator: "\n")) == digest
    }

    /// FNV-1a (64 bits) of the text's UTF-8, as `fnv1a64:` and 16 hex digits: enough to notice an
    /// edit (it guards against accidents, not against someone forging a digest).
    static func digest(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `2026-10-12T16:03:11+02:00`: the wall time in the site zone with its offset.
    static func stamp(_ t: Instant, _ calendar: SiteCalendar) -> String {
        let local = calendar.localDateTime(of: t)
        let offset = local.utcOffset ?? 0
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let zone = "\(offset < 0 ? "-" : "+")\(p(abs(offset) / 3600)):\(p(abs(offset) % 3600 / 60))"
        return "\(local.dateString)T\(p(local.hour)):\(p(local.minute)):\(p(local.second))\(zone)"
    }

    /// A stable file name: the start day in the site zone and the name's words, in id characters
    /// (`2026-10-12-elevated-api-error-rates`), short enough for a suffix such as `-2`.
    public static func slug(name: String, start: Instant, calendar: SiteCalendar, fallback: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .lowercased()
        var words = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                words.unicodeScalars.append(scalar)
            } else if !words.isEmpty && !words.hasSuffix("-") {
                words += "-"
            }
        }
        // 100 characters at most (docs/content.md, Ids): the day (10), a dash, the words (at most
        // 84) and room for a suffix ("-999").
        if words.count > 84 { words = String(words.prefix(84)) }
        while words.hasSuffix("-") { words.removeLast() }
        if words.isEmpty { words = fallback }
        return calendar.localDateTime(of: start).dateString + "-" + words
    }
}
