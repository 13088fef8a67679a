// Yams composes the nodes with positions; before it does (and hashes them),
// `YAMLLimits.excessiveExpansion` measures what aliases expand to with libyaml's event parser
// from Debian's libyaml-dev (the CLibYAML module: Yams keeps its own copy internal).
import SLACore
import Yams

/// A YAML document of one file, with the offset that maps its marks to file lines.
struct YAMLSource {
    var file: String
    /// Added to a YAML line to get the file line.
    var lineOffset: Int
    var sink: DiagnosticSink

    /// File position of a node, or of the document start when it has no mark.
    func position(_ node: Node?) -> (line: Int, column: Int) {
        guard let mark = node?.mark else { return (lineOffset + 1, 1) }
        return (mark.line + lineOffset, mark.column)
    }

    func error(_ node: Node?, _ message: String, hint: String? = nil) {
        let p = position(node)
        sink.error(file, p.line, p.column, message, hint: hint)
    }

    func warning(_ node: Node?, _ message: String, hint: String? = nil) {
        let p = position(node)
        sink.warning(file, p.line, p.column, message, hint: hint)
    }

    /// Whether the character at a 1-based line and column of `yaml` is a tab.
    static func isTab(at mark: Mark, in yaml: String) -> Bool {
        var line = 1
        var column = 1
        for byte in yaml.utf8 {
            if line == mark.line && column == mark.column { return byte == 9 }
            if line > mark.line { return false }
            if byte == 10 {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return false
    }

    /// Parses `yaml`; reports a syntax error with its position and returns nil then.
    /// An empty document is an empty mapping.
    func compose(_ yaml: String) -> Node? {
        if let depth = YAMLLimits.excessiveNesting(yaml) {
            sink.error(file, depth.line + lineOffset, depth.column, "YAML is nested deeper than \(YAMLLimits.maxDepth) levels")
            return nil
        }
        // Fuzzing fix: Yams shares an aliased node by reference, but hashes every mapping key in
        // full (its duplicate-key check), so `? *bomb` walked a "billion laughs" node exponentially,
        // and a chain of aliases (`b: &b [*a]`, `c: &c [*b]` …) built nodes deep enough to overflow
        // the stack when hashed or freed. Reject both before composing.
        if let problem = YAMLLimits.excessiveExpansion(yaml) {
            sink.error(file, problem.line + lineOffset, problem.column, problem.message)
            return nil
        }
        do {
            // The basic resolver: every scalar is read as text and parsed by the readers, so Yams's
            // per-scalar regular expressions (and its environment lookup for the encoding) are skipped.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                let .composer(context, problem, mark, _):
                if Self.isTab(at: mark, in: yaml) {
                    // libyaml's words for a tab where indentation goes.
                    sink.error(file, mark.line + lineOffset, mark.column, "tabs cannot indent YAML; use spaces")
                    return nil
                }
                if let plain = YAMLIndentation.explain(yaml, line: mark.line, problem: problem, lineOffset: lineOffset) {
                    sink.error(file, plain.line, plain.column, plain.message, hint: plain.hint)
                    return nil
                }
                var message = "invalid YAML: \(problem)"
                if let context { message += " \(context.text)" }
                sink.error(file, mark.line + lineOffset, mark.column, message)
            case let .duplicatedKeysInMapping(duplicates, context):
                if let dup = YAMLLimits.duplicateKey(yaml) {
                    // At the repeated key, naming the first (Yams knows only the first's place).
                    sink.error(
                        file, dup.line + lineOffset, dup.column,
                        "duplicate key \"\(dup.key)\": it is already set on line \(dup.firstLine + lineOffset); keep one of them")
                } else {
                    let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
                    sink.error(file, context.mark.line + lineOffset, context.mark.column, "duplicate key \(keys) in a mapping")
                }
            case let .reader(problem, _, _, _):
                sink.error(file, lineOffset + 1, 1, "invalid YAML: \(problem)")
            default:
                sink.error(file, lineOffset + 1, 1, "invalid YAML: \(error)")
            }
            return nil
        } catch {
            sink.error(file, lineOffset + 1, 1, "invalid YAML: \(error)")
            return nil
        }
    }
}

/// Guards against input that would exhaust the stack of a recursive YAML composer.
enum YAMLLimits {
    static let maxDepth = 64

    /// The position where flow or block nesting first exceeds `maxDepth`, if it does.
    static func excessiveNesting(_ yaml: String) -> (line: Int, column: Int)? {
        var depth = 0
        var line = 1
        var column = 0
        var indentLevels = 0
        var atLineStart = true
        var indent = 0
        var inQuote: UInt8 = 0
        for b in yaml.utf8 {
            column += 1
            if b == 10 {
                line += 1
                column = 0
                atLineStart = true
                indent = 0
                inQuote = 0
                continue
            }
            if atLineStart {
                if b == 32 || b == 45 {  // spaces and "- " both nest block structure
                    indent += 1
                    continue
                }
                atLineStart = false
                indentLevels = indent / 2
                if indentLevels > maxDepth * 2 { return (line, column) }
            }
            if inQuote != 0 {
                if b == inQuote { inQuote = 0 }
                continue
            }
            switch b {
            case 34, 39: inQuote = b
            case 35: break
            case 91, 123:
                depth += 1
                if depth > maxDepth { return (line, column) }
            case 93, 125: depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}

/// Reads the keys of one YAML mapping, reporting unknown keys and wrong types as it goes.
/// (`package`: the term descriptions in SiteRender read their keys with it.)
package struct MappingReader {
    let source: YAMLSource
    let node: Node
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    package let isMapping: Bool

    /// - Parameters:
    ///   - what: names the mapping in messages, e.g. `plan` or `credit tier`.
    ///   - allowed: the keys the spec defines here; any other is an error with a suggestion.
    init(_ node: Node, in source: YAMLSource, what: String, allowed: [String]) {
        self.source = source
        self.node = node
        guard case let .mapping(mapping) = node else {
            isMapping = false
            source.error(node, "\(what) must be a mapping of keys to values, got \(Self.describe(node))")
            return
        }
        isMapping = true
        for (k, v) in mapping {
            guard case let .scalar(scalar) = k else {
                source.error(k, "keys in \(what) must be plain names")
                continue
            }
            let key = scalar.string
            if !allowed.contains(key) {
                source.error(
                    k, "unknown key \"\(key)\" in \(what)", hint: Suggestion.hint(for: key, in: allowed))
                continue
            }
            pairs.append((key, k, v))
        }
    }

    /// The value node of `key`; nil when absent or written as null.
    func value(_ key: String) -> Node? {
        guard let v = pairs.first(where: { $0.key == key })?.value else { return nil }
        if Self.isNull(v) { return nil }
        return v
    }

    package func has(_ key: String) -> Bool { value(key) != nil }

    /// Reports a missing required key at the mapping (for the term descriptions).
    package func require(_ key: String, what: String) {
        _ = requireValue(key, what: what)
    }

    /// Reports a missing required key at the mapping.
    func requireValue(_ key: String, what: String) -> Node? {
        if let v = value(key) { return v }
        if isMapping { source.error(node, "\(what) is missing the required key \"\(key)\"") }
        return nil
    }

    func string(_ key: String, required: String? = nil) -> String? {
        let v = required.map { requireValue(key, what: $0) } ?? value(key)
        guard let v else { return nil }
        return Self.string(v, key: key, in: source)
    }

    package func number(_ key: String, in range: ClosedRange<Double>, rangeText: String) -> Double? {
        guard let v = value(key) else { return nil }
        return Self.number(v, key: key, in: range, rangeText: rangeText, source: source)
    }

    package func integer(_ key: String, in range: ClosedRange<Int>, rangeText: String) -> Int? {
        guard let v = value(key) else { return nil }
        guard case let .scalar(s) = v, let n = Int(s.string.trimmingSpaces()), range.contains(n),
            s.string.trimmingSpaces().allSatisfy({ $0.isASCIIDigit || $0 == "-" || $0 == "+" })
        else {
            source.error(v, "\(key) must be \(rangeText), got \(Self.describe(v))")
            return nil
        }
        return n
    }

    package func bool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case let .scalar(s) = v, let b = Self.parseBool(s.string) else {
            source.error(v, "\(key) must be true or false, got \(Self.describe(v))")
            return nil
        }
        return b
    }

    func stringList(_ key: String) -> [(String, Node)]? {
        guard let v = value(key) else { return nil }
        guard case let .sequence(seq) = v else {
            var hint: String?
            if case let .scalar(s) = v, !s.string.trimmingSpaces().isEmpty {
                // One name where a list goes: the list of it (or of its comma-separated names).
                let names = s.string.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                hint = "write [\(names.joined(separator: ", "))]"
            }
            source.error(v, "\(key) must be a list, got \(Self.describe(v))", hint: hint)
            return nil
        }
        return seq.compactMap { item in Self.string(item, key: "each item of \(key)", in: source).map { ($0, item) } }
    }

    func date(_ key: String, required: String? = nil, dateOnly: Bool = false) -> (LocalDateTime, Node)? {
        let v = required.map { requireValue(key, what: $0) } ?? value(key)
        guard let v else { return nil }
        return Self.date(v, key: key, dateOnly: dateOnly, source: source)
    }

    // MARK: - Scalars

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func string(_ node: Node, key: String, in source: YAMLSource) -> String? {
        guard case let .scalar(s) = node else {
            source.error(node, "\(key) must be text, got \(describe(node))")
            return nil
        }
        return s.string
    }

    static func number(
        _ node: Node, key: String, in range: ClosedRange<Double>, rangeText: String, source: YAMLSource
    ) -> Double? {
        guard case let .scalar(s) = node, let x = parseNumber(s.string), range.contains(x) else {
            source.error(node, "\(key) must be \(rangeText), got \(describe(node))", hint: numberHint(node, range: range))
            return nil
        }
        return x
    }

    /// What to write instead of a number with a unit or a comma that would fit (`100%` → `100`).
    static func numberHint(_ node: Node, range: ClosedRange<Double>) -> String? {
        guard case let .scalar(s) = node else { return nil }
        let text = s.string.trimmingSpaces()
        for unit in ["%", " %", "percent", " percent"] where text.hasSuffix(unit) {
            let bare = String(text.dropLast(unit.count)).trimmingSpaces()
            if let x = parseNumber(bare), range.contains(x) { return "write \(bare), without the % sign: the unit is implied" }
        }
        if text.contains(","), !text.contains("."), let x = parseNumber(text.replacingOccurrences(of: ",", with: ".")),
            range.contains(x)
        {
            return "write \(text.replacingOccurrences(of: ",", with: ".")), with a decimal point"
        }
        return nil
    }

    static func date(_ node: Node, key: String, dateOnly: Bool, source: YAMLSource) -> (LocalDateTime, Node)? {
        let expected = dateOnly ? "a date like 2026-01-31" : "an ISO 8601 date and time like 2026-03-14T09:30:00Z"
        guard case let .scalar(s) = node, let d = LocalDateTime(iso8601: s.string.trimmingSpaces()) else {
            let hint = dateOnly ? nil : node.scalar.flatMap { ZoneAbbreviation.timeHint($0.string) }
            source.error(node, "\(key) must be \(expected), got \(describe(node))", hint: hint)
            return nil
        }
        if dateOnly && !d.isDateOnly {
            source.error(node, "\(key) must be \(expected), got \(describe(node))")
            return nil
        }
        return (d, node)
    }

    /// Strict decimal number: digits with an optional sign, point and exponent; no NaN, no infinity.
    static func parseNumber(_ raw: String) -> Double? {
        let text = raw.trimmingSpaces()
        var sawDigit = false
        var i = text.utf8.startIndex
        let u = text.utf8
        if i < u.endIndex, u[i] == 43 || u[i] == 45 { i = u.index(after: i) }
        var sawPoint = false
        while i < u.endIndex {
            let c = u[i]
            if c >= 48 && c <= 57 {
                sawDigit = true
            } else if c == 46 && !sawPoint {
                sawPoint = true
            } else if (c == 101 || c == 69) && sawDigit {
                var j = u.index(after: i)
                if j < u.endIndex, u[j] == 43 || u[j] == 45 { j = u.index(after: j) }
                guard j < u.endIndex else { return nil }
                while j < u.endIndex {
                    guard u[j] >= 48 && u[j] <= 57 else { return nil }
                    j = u.index(after: j)
                }
                break
            } else {
                return nil
            }
            i = u.index(after: i)
        }
        guard sawDigit, let x = Double(text), x.isFinite else { return nil }
        return x
    }

    static func parseBool(_ raw: String) -> Bool? {
        switch raw.trimmingSpaces().lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// How a value reads in a message: quoted text, or the kind of structure it is.
    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(s):
            var text = s.string
            if text.count > 60 { text = String(text.prefix(57)) + "..." }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
