/// Text from another system written into a site's files so that it reads back as the same text.
public enum PlainText {
    /// Markdown whose rendering is `text` as plain text: every character that could start
    /// markup (raw HTML, an entity, a link, emphasis, code, a heading or list at a line's
    /// start) is escaped, so nothing in it reaches a page as markup, even with
    /// `markdown.unsafe: true`. Line breaks stay line breaks; blank lines separate
    /// paragraphs. Bare web addresses stay as written, so GitHub's autolinks still find them.
    public static func markdown(_ text: String) -> String {
        let lines = normalizedLines(text)
        var out: [String] = []
        for (k, line) in lines.enumerated() {
            if line.isEmpty {
                out.append("")
                continue
            }
            var escaped = escapeLine(line)
            // A line break inside a paragraph is a hard break, as Statuspage shows it.
            if k + 1 < lines.count, !lines[k + 1].isEmpty { escaped += "\\" }
            out.append(escaped)
        }
        return out.joined(separator: "\n")
    }

    /// Lines without surrounding spaces, runs of blank lines made one, none at either end.
    static func normalizedLines(_ text: String) -> [String] {
        var lines: [String] = []
        let unified = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        for raw in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmed
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Characters that start or end inline markup anywhere in a line.
    static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "|"]
    /// Inside a bare web address only these are escaped (the others are part of the address).
    static let inURL: Set<Character> = ["\\", "`", "[", "]", "<", ">"]
    /// Characters that start a block (heading, list, quote, rule, setext underline) at a line's start.
    static let blockStart: Set<Character> = ["#", "-", "+", "=", ">", "*", "_"]

    static func escapeLine(_ line: String) -> String {
        var out = ""
        for (k, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if k > 0 { out.append(" ") }
            let lower = word.lowercased()
            let isURL = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            for (j, ch) in word.enumerated() {
                let escape = isURL ? inURL.contains(ch) : inline.contains(ch)
                if escape || (k == 0 && j == 0 && blockStart.contains(ch)) { out.append("\\") }
                out.append(ch)
            }
        }
        // An ordered-list marker ("1." or "1)" first on the line) is escaped at its punctuation.
        var digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = out.dropFirst(digits.count)
            if let p = rest.first, p == "." || p == ")" {
                digits.append("\\")
                out = String(digits) + rest
            }
        }
        return out
    }

    /// A YAML double-quoted scalar holding exactly `text`.
    public static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                // Control characters, line and paragraph separators, the BOM and non-characters
                // are escaped: YAML reads them as breaks or refuses them.
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
                    || v == 0xFFFE || v == 0xFFFF
                {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (and other white space).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
