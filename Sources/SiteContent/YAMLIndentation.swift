/// Issue 26 point 9: libyaml's words for a key out of line ("did not find expected key",
/// "mapping values are not allowed in this context") name the parser's state, and the second
/// points at the line after the mistake. From the source text, this finds the key that does
/// not line up and says so in plain words, at that key.
enum YAMLIndentation {
    /// A line that starts a key (`  key: value`) or a list item (`  - key: value`, `  - x`).
    struct KeyLine {
        var line: Int
        /// 0-based column of the key (after any `- ` markers); of the item's value when it has no key.
        var keyColumn: Int
        /// 0-based column of the first `-`, when the line starts a list item.
        var dashColumn: Int?
        var key: String?
        /// The key's value starts on its line as a plain scalar (which later lines may continue).
        var hasScalarValue: Bool
    }

    struct Explanation: Equatable {
        var line: Int
        /// 1-based.
        var column: Int
        var message: String
        var hint: String?
    }

    /// The plain-words explanation of libyaml's `problem` at 1-based `line` of `yaml`, or nil
    /// when the text does not show a key out of line there. Lines in the result and its words
    /// are file lines: YAML lines plus `lineOffset`.
    static func explain(_ yaml: String, line: Int, problem: String, lineOffset: Int = 0) -> Explanation? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var keyLines: [KeyLine] = []
        for (k, text) in lines.enumerated() where k < line {
            if let parsed = keyLine(text, line: k + 1 + lineOffset) { keyLines.append(parsed) }
        }
        let line = line + lineOffset
        guard let current = keyLines.last, current.line == line else { return nil }
        let above = keyLines.dropLast()
        guard let key = current.key else { return listItem(current, after: above.last, problem: problem) }
        switch problem {
        case "did not find expected key", "did not find expected '-' indicator":
            guard let previous = above.last else { return nil }
            if current.keyColumn > previous.keyColumn, let previousKey = previous.key {
                return rightOf(previous, previousKey, current, key, lineBefore: above.dropLast().last)
            }
            // A key further left than the line before, and in line with no key it could belong to.
            guard current.keyColumn < previous.keyColumn else { return nil }
            let open = openColumns(above)
            guard !open.contains(where: { $0.column == current.keyColumn }) else { return nil }
            let deeper = open.filter { $0.column > current.keyColumn }.min { $0.column < $1.column }
            let shallower = open.filter { $0.column < current.keyColumn }.max { $0.column < $1.column }
            let before = deeper ?? (previous.key.map { ($0, previous.line, previous.keyColumn) })
            var choices: [String] = []
            if let deeper { choices.append("\(deeper.column) spaces like \(deeper.key)") }
            if let shallower { choices.append("\(shallower.column) like \(shallower.key)") }
            return Explanation(
                line: line, column: current.keyColumn + 1,
                message: "this key (\(key)) is indented less than the one before"
                    + (before.map { " (\($0.0), line \($0.1))" } ?? "") + "; keys of one map line up",
                hint: choices.isEmpty ? nil : "indent it " + choices.joined(separator: ", or "))
        case "mapping values are not allowed in this context":
            // The key reads as more of the plain value on a line above, which is further left.
            guard let previous = above.last(where: { $0.keyColumn < current.keyColumn }), previous.hasScalarValue,
                !above.contains(where: { $0.line > previous.line }), let previousKey = previous.key
            else { return nil }
            if previous.dashColumn != nil {
                // `- date: …` then `    note: …`: the item's first key is the one out of line.
                return Explanation(
                    line: previous.line, column: previous.keyColumn + 1,
                    message: "this key (\(previousKey)) is indented less than the one after it (\(key), line \(line)); keys of one map line up",
                    hint: "the keys of a list item line up with the first key after its -")
            }
            return rightOf(previous, previousKey, current, key, lineBefore: above.dropLast().last, continuesValue: true)
        default:
            return nil
        }
    }

    /// `current` is further right than the key before it, and does not belong to it (libyaml:
    /// "did not find expected key", or "mapping values are not allowed" when `current` reads as
    /// more of `previous`'s plain value: `continuesValue`). The odd one of the two is the one
    /// whose neighbours disagree with it: `previous` when the line before it lines up with
    /// `current` (`degraded: 0.0` between `major` and `maintenance`), or when `previous` is the
    /// first key under a `key:` and not two spaces in from it while `current` is.
    static func rightOf(
        _ previous: KeyLine, _ previousKey: String, _ current: KeyLine, _ key: String, lineBefore: KeyLine?,
        continuesValue: Bool = false
    ) -> Explanation {
        if let before = lineBefore, before.keyColumn == current.keyColumn, let beforeKey = before.key {
            return Explanation(
                line: previous.line, column: previous.keyColumn + 1,
                message: "this key (\(previousKey)) is indented less than the ones around it (\(beforeKey), line \(before.line); \(key), line \(current.line)); keys of one map line up",
                hint: "indent it \(current.keyColumn) spaces like them")
        }
        if let parent = lineBefore, parent.key != nil, !parent.hasScalarValue,
            previous.keyColumn <= parent.keyColumn
                || (previous.keyColumn != parent.keyColumn + 2 && current.keyColumn == parent.keyColumn + 2)
        {
            return Explanation(
                line: previous.line, column: previous.keyColumn + 1,
                message: "this key (\(previousKey)) is indented less than the one after it (\(key), line \(current.line)); keys of one map line up",
                hint: "indent it \(current.keyColumn) spaces like \(key)")
        }
        return Explanation(
            line: current.line, column: current.keyColumn + 1,
            message: "this key (\(key)) is indented more than the one before (\(previousKey), line \(previous.line))"
                + (continuesValue ? ", so YAML reads it as more of that value" : "") + "; keys of one map line up",
            hint: "indent it \(previous.keyColumn) spaces like \(previousKey)")
    }

    /// A list item out of line with the item just above it (`- a` then `  - b`).
    static func listItem(_ current: KeyLine, after previous: KeyLine?, problem: String) -> Explanation? {
        guard problem == "did not find expected key" || problem == "did not find expected '-' indicator",
            let dash = current.dashColumn, let previous, let previousDash = previous.dashColumn, dash != previousDash
        else { return nil }
        return Explanation(
            line: current.line, column: dash + 1,
            message: "this list item is indented \(dash < previousDash ? "less" : "more") than the one before (line \(previous.line)); the items of one list line up",
            hint: "indent its - \(previousDash) spaces like line \(previous.line)")
    }

    /// The keys still open above the next line: each line further left than every line after it.
    static func openColumns(_ lines: ArraySlice<KeyLine>) -> [(key: String, line: Int, column: Int)] {
        var out: [(key: String, line: Int, column: Int)] = []
        var limit = Int.max
        for entry in lines.reversed() {
            if entry.keyColumn < limit, let key = entry.key { out.append((key, entry.line, entry.keyColumn)) }
            limit = min(limit, entry.keyColumn, entry.dashColumn ?? Int.max)
            if limit == 0 { break }
        }
        return out
    }

    /// The key or list item a line starts, or nil for a blank line, a comment or other text.
    static func keyLine(_ text: Substring, line: Int) -> KeyLine? {
        let chars = Array(text)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        guard i < chars.count, chars[i] != "#" else { return nil }
        var dash: Int?
        while i < chars.count, chars[i] == "-", i + 1 == chars.count || chars[i + 1] == " " {
            if dash == nil { dash = i }
            i += 1
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        let keyStart = i
        // A plain key: up to `: ` or a final `:`, not a quoted, flow or block scalar.
        guard i < chars.count, !"\"'{[|>#&*!%@`".contains(chars[i]) else {
            return dash.map { _ in KeyLine(line: line, keyColumn: keyStart, dashColumn: dash, key: nil, hasScalarValue: false) }
        }
        while i < chars.count, !(chars[i] == ":" && (i + 1 == chars.count || chars[i + 1] == " ")) {
            if chars[i] == " " && i + 1 < chars.count && chars[i + 1] == "#" { break }
            i += 1
        }
        guard i < chars.count, chars[i] == ":" else {
            return dash.map { _ in KeyLine(line: line, keyColumn: keyStart, dashColumn: dash, key: nil, hasScalarValue: true) }
        }
        let key = String(chars[keyStart..<i]).trimmingSpaces()
        var v = i + 1
        while v < chars.count, chars[v] == " " { v += 1 }
        let value = v < chars.count ? chars[v] : "#"
        let scalar = !"#|>{[\"'&*!".contains(value)
        return KeyLine(line: line, keyColumn: keyStart, dashColumn: dash, key: key, hasScalarValue: scalar)
    }
}
