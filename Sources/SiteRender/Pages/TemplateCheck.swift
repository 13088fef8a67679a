/// Checks that a page template reads only names its view model gives it (docs/spec.md §4 pages with
/// numbers: home, plan, details, status). A misspelt `{{titel}}` would otherwise render as
/// nothing; here it is a theme error at its line and column.
enum TemplateCheck {
    /// One tag of a template: its sigil (`#`, `^`, `/`, `>`, `<`, `$`, `!`, `&`, `{` or none),
    /// its name and its position.
    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of a template, in order (`{{ }}` delimiters; set-delimiter tags stop the scan).
    static func tags(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        let chars = Array(text)
        var i = 0
        var line = 1
        var lineStart = 0
        while i + 1 < chars.count {
            if chars[i] == "\n" {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            guard chars[i] == "{", chars[i + 1] == "{" else {
                i += 1
                continue
            }
            let start = i
            var j = i + 2
            let triple = j < chars.count && chars[j] == "{"
            if triple { j += 1 }
            var body = ""
            while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") {
                body.append(chars[j])
                j += 1
            }
            var trimmed = Substring(body).drop { $0 == " " }
            var sigil: Character? = triple ? "{" : nil
            if !triple, let first = trimmed.first, "#^/>!&<$=%".contains(first) {
                sigil = first
                trimmed = trimmed.dropFirst()
            }
            if sigil == "=" { break }
            let name = String(trimmed.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            tags.append(Tag(sigil: sigil, name: name, line: line, column: start - lineStart + 1))
            i = j + 2 + (triple ? 1 : 0)
        }
        return tags
    }

    /// The first name in `template` (and the partials and parent it uses) that no record of the
    /// context stack has, as a theme error.
    /// - Parameters:
    ///   - sources: every template's text by name (`details`, `layout`, `partials/bullets`).
    ///   - schema: the page's names (its view model's and the layout's).
    static func check(_ template: String, sources: [String: String], schema: [String: TemplateSchema]) -> ThemeError? {
        var visiting: Set<String> = []
        return check(template, sources: sources, stack: [schema], visiting: &visiting)
    }

    private static func check(
        _ name: String, sources: [String: String], stack start: [[String: TemplateSchema]], visiting: inout Set<String>
    ) -> ThemeError? {
        guard let text = sources[name], !visiting.contains(name) else { return nil }
        visiting.insert(name)
        defer { visiting.remove(name) }
        var stack = start
        // What each open section pushed (nil: nothing).
        var opened: [Bool] = []
        func lookup(_ name: String) -> TemplateSchema? {
            if name == "." { return .value }
            // A transform (`uppercased(title)`, swift-mustache's syntax) reads the name inside
            // its innermost parentheses; `last()` and the other sequence transforms read none.
            if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
                let inner = name[name.index(after: open)...].prefix { $0 != ")" }
                return inner.isEmpty ? .value : lookup(String(inner))
            }
            let parts = name.split(separator: ".").map(String.init)
            for frame in stack.reversed() {
                guard var found = frame[parts[0]] else { continue }
                for part in parts.dropFirst() {
                    guard case let .record(names) = found, let next = names[part] else { return nil }
                    found = next
                }
                return found
            }
            return nil
        }
        for tag in tags(text) {
            let path = name + ".mustache"
            switch tag.sigil {
            case "!", "%": continue
            case "$": opened.append(false)
            case "/":
                if let pushed = opened.popLast(), pushed { stack.removeLast() }
            case ">", "<":
                if let problem = check(tag.name, sources: sources, stack: stack, visiting: &visiting) { return problem }
                if tag.sigil == "<" { opened.append(false) }
            case "#", "^":
                guard let found = lookup(tag.name) else {
                    return ThemeError(
                        path: path, line: tag.line, column: tag.column,
                        message: "unknown name \"\(tag.name)\": the page's view model has no such value")
                }
                if tag.sigil == "#", case let .list(.record(names)) = found {
                    stack.append(names)
                    opened.append(true)
                } else if tag.sigil == "#", case let .record(names) = found {
                    stack.append(names)
                    opened.append(true)
                } else {
                    opened.append(false)
                }
            default:
                if lookup(tag.name) == nil {
                    return ThemeError(
                        path: path, line: tag.line, column: tag.column,
                        message: "unknown name \"\(tag.name)\": the page's view model has no such value")
                }
            }
        }
        return nil
    }
}
