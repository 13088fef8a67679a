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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 38: out += [38, 97, 109, 112, 59]  // &amp;
            case 60: out += [38, 108, 116, 59]  // &lt;
            case 62: out += [38, 103, 116, 59]  // &gt;
            case 34: out += [38, 113, 117, 111, 116, 59]  // &quot;
            case 39: out += [38, 97, 112, 111, 115, 59]  // &apos;
            case 9, 10, 13: out.append(b)
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                i += 2  // U+FFFE and U+FFFF are not allowed in XML
            default:
                if b >= 0x20 { out.append(b) }
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
