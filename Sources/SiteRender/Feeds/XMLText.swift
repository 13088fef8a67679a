/// Escaping for XML 1.0 text and attribute values (Atom, SVG).
enum XMLText {
    /// Escapes `& < > " '` and drops characters XML 1.0 does not allow (C0 controls other than
    /// tab, newline and carriage return; U+FFFE, U+FFFF), so any content yields well-formed XML.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
