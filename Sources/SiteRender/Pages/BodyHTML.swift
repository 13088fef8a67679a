import Foundation
import SLACore

/// Fits a body rendered by cmark-gfm into a page: headings nest under the page's own and table
/// header cells get a scope. Rewrites tags only; never re-renders the Markdown.
enum BodyHTML {
    /// Whether a body has any text: a page leaves out the section of a body without (issue 26).
    static func hasText(_ html: String) -> Bool { !html.allSatisfy(\.isWhitespace) }

    /// Both adjustments for a body whose top heading level should be `top`.
    static func prepare(_ html: String, top: Int) -> String {
        scopeHeaderCells(shift(html, top: top))
    }

    /// cmark-gfm writes `th` only in a table's header row, so each is a column header.
    /// One pass, one copy: a large body is not copied twice (issue 28).
    static func scopeHeaderCells(_ html: String) -> String {
        guard html.containsBytes("<th") else { return html }
        return ByteText.replacing(html, [("<th>", "<th scope=\"col\">"), ("<th align=", "<th scope=\"col\" align=")])
    }

    /// Shifts `<hN` / `</hN` tags so the body's top level becomes `top` (levels above 6 stay at 6).
    /// An `h1` or `h2` in the body both map to `top`, and deeper levels keep their offset from `h2`.
    static func shift(_ html: String, top: Int) -> String {
        guard top > 2 || html.containsBytes("<h1") || html.containsBytes("</h1") else { return html }
        var bytes = Array(html.utf8)
        let lt = UInt8(ascii: "<"), slash = UInt8(ascii: "/"), h = UInt8(ascii: "h")
        var i = 0
        while i + 3 < bytes.count {
            if bytes[i] == lt {
                var j = i + 1
                if bytes[j] == slash { j += 1 }
                if j + 1 < bytes.count, bytes[j] == h || bytes[j] == UInt8(ascii: "H"),
                    (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[j + 1]),
                    j + 2 < bytes.count, isTagEnd(bytes[j + 2])
                {
                    let level = Int(bytes[j + 1] - UInt8(ascii: "0"))
                    let newLevel = min(6, max(level, 2) + top - 2)
                    bytes[j + 1] = UInt8(ascii: "0") + UInt8(newLevel)
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isTagEnd(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ">") || b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t")
            || b == UInt8(ascii: "/")
    }
}

/// Byte-level text operations (Foundation's are slow on Linux for large strings).
enum ByteText {
    /// `text` with every occurrence of `target` replaced by `replacement`.
    static func replacing(_ text: String, _ target: String, with replacement: String) -> String {
        replacing(text, [(target, replacement)])
    }

    /// `text` with every occurrence of each target replaced by its replacement, in one pass: at
    /// each place the first target (in order) that occurs there wins. Targets must share no
    /// prefix that the other is part of, or be ordered longest first.
    static func replacing(_ text: String, _ pairs: [(target: String, replacement: String)]) -> String {
        let targets = pairs.map { Array($0.target.utf8) }
        let replacements = pairs.map { Array($0.replacement.utf8) }
        guard !targets.contains(where: \.isEmpty) else { return text }
        var text = text
        return text.withUTF8 { hay in
            var out: [UInt8] = []
            out.reserveCapacity(hay.count + 64)
            var starts = [Bool](repeating: false, count: 256)
            for needle in targets { starts[Int(needle[0])] = true }
            var run = 0  // start of the bytes not yet copied
            var i = 0
            search: while i < hay.count {
                if starts[Int(hay[i])] {
                    for k in targets.indices {
                        let needle = targets[k]
                        if i + needle.count <= hay.count
                            && needle.withUnsafeBufferPointer({ memcmp(hay.baseAddress! + i, $0.baseAddress!, needle.count) }) == 0
                        {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[run..<i]))
                            out.append(contentsOf: replacements[k])
                            i += needle.count
                            run = i
                            continue search
                        }
                    }
                }
                i += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[run...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
