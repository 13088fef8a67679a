/// Escaping for XML 1.0 text and attribute values (Atom, SVG).
enum XMLText {
    /// Escapes `& < > " '` and drops characters XML 1.0 does not allow (C0 controls other than
    /// tab, newline and carriage return; U+FFFE, U+FFFF), so any content yields well-formed XML.
    static func escape(_ text: String) -> String {
        // Most text needs nothing: check the bytes once and return it as is.
        var clean = true
        for b in text.utf8 {
            if b == 38 || b == 60 || b == 62 || b == 34 || b == 39 || (b < 0x20 && b != 9 && b != 10 && b != 13) || b == 0xEF {
                clean = false
                break
            }
        }
        if clean { return text }
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
