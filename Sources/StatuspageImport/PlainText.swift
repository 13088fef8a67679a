/// Text from another system written into a site's files so that it reads back as the same text.
public enum PlainText {
    /// Markdown whose rendering is `text` as plain text: every character that could start
    /// markup (raw HTML, an entity, a link, emphasis, code, a heading or list at a line's
    /// start) is escaped, so nothing in it reaches a page as markup, even with
    /// `markdown.unsafe: true`. Line breaks stay line breaks; blank lines separate
    /// paragraphs. Bare web and e-mail addresses stay as written, so GitHub's autolinks still
    /// find them.
    public static func markdown(_ text: String) -> String {
        let lines = normalizedLines(text)
        var out: [String] = []
        for (k, line) in lines.enumerated() {
            if line.isEmpty {
                out.append("")
                continue
            }
            var escaped = escapeLine(line)
            // A line break inside a paragraph is a hard break, as Statuspage shows it: a
            // backslash, or two spaces after an address (which would take the backslash in).
            if k + 1 < lines.count, !lines[k + 1].isEmpty {
                let last = line.split(separator: " ").last ?? ""
                escaped += isPlainAddress(last, last.lowercased()) ? "  " : "\\"
            }
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
    /// The characters a bare web address may hold and still be left to GitHub's autolinks.
    static let urlCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=%")
    /// What GitHub's autolinks leave out at an address's end and that would be markup as text.
    static let urlTrailingMarkup: Set<Character> = ["_", "~", "*"]
    static let urlTrailing: Set<Character> = ["?", "!", ".", ",", ":", "_", "~", "*", ")", "'", ";"]

    /// Whether `word` is a web address that can be left as written (see `escapeLine`).
    static func isPlainAddress(_ word: Substring, _ lower: String) -> Bool {
        guard let start = autolinkStarts.first(where: lower.hasPrefix), word.allSatisfy(urlCharacters.contains),
            word.firstMatch(of: /&[A-Za-z0-9#]+;/) == nil
        else { return false }
        // Only an address GFM links for certain: a domain of letters, digits and `-` with at
        // least one `.` (GFM's rule, without its underscores); anything else would be read as text.
        let afterScheme = start == "www." ? Substring(word) : word.dropFirst(start.count)
        let domain = afterScheme.prefix { !"/?#:".contains($0) }
        guard domain.wholeMatch(of: /[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/) != nil else { return false }
        for ch in word.reversed() {
            if urlTrailingMarkup.contains(ch) { return false }
            if !urlTrailing.contains(ch) { return true }
        }
        return true
    }
    /// Where GitHub's autolinks start: they are found in the raw text, escapes included.
    static let autolinkStarts = ["http://", "https://", "www."]

    /// Characters that start a block (heading, list, quote, rule, setext underline, a table's
    /// delimiter row such as `:-`) at a line's start.
    static let blockStart: Set<Character> = ["#", "-", "+", "=", ">", "*", "_", ":"]

    static func escapeLine(_ line: String) -> String {
        var out = ""
        for (k, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if k > 0 { out.append(" ") }
            let lower = word.lowercased()
            // A plain address (`https://status.example.com/a_b?x=1&y=2`) is left as written, so
            // it stays a link. The autolink would take in any escape written right after it, so
            // only an address whose end needs none (`.`, `,`, `)` …, not `_`, `~`, `*`) is.
            if isPlainAddress(word, lower) {
                out += word
                continue
            }
            // Anywhere else an autolink could start, its first letter is written as a character
            // reference, so the escapes after it stay escapes and the address is text.
            let chars = Array(word)
            for (j, ch) in chars.enumerated() {
                if "hHwW".contains(ch), autolinkStarts.contains(where: String(chars[j...]).lowercased().hasPrefix) {
                    out += "&#\(ch.unicodeScalars.first!.value);"
                    continue
                }
                if inline.contains(ch) || (k == 0 && j == 0 && blockStart.contains(ch)) { out.append("\\") }
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
