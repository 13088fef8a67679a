/// Checks what templates include (`{{>partials/x}}`, `{{<layout}}`): a template the theme
/// does not have renders as nothing, and one that includes itself, directly or through others,
/// never ends (before this check, a theme override with such a partial overflowed the stack and
/// slasite crashed; issue 26, the review's "rendering failed" catch-all). No view model is
/// recursive, so a cycle is always a mistake.
enum TemplateIncludes {
    /// The first include of a template the theme does not have, as a theme error at its tag.
    /// swift-mustache renders such a partial as nothing, so a misspelt `{{>partials/bulets}}`
    /// would silently drop part of every page.
    static func missing(_ sources: [String: String]) -> ThemeError? {
        for name in sources.keys.sorted() {
            // A dynamic partial (`{{>*name}}`) names its template by a value, not here.
            for tag in TemplateCheck.tags(sources[name]!)
            where (tag.sigil == ">" || tag.sigil == "<") && !tag.name.hasPrefix("*") && sources[tag.name] == nil {
                let partials = sources.keys.filter { $0.hasPrefix("partials/") }.sorted().joined(separator: ", ")
                return ThemeError(
                    path: name + ".mustache", line: tag.line, column: tag.column,
                    message: "the theme has no template \(tag.name) to include (its partials: \(partials.isEmpty ? "none" : partials))")
            }
        }
        return nil
    }

    /// The first cycle, as a theme error at the tag that closes it, preferring a tag in one of
    /// `overridden` (the site's own theme files: the default theme has no cycle).
    /// - Parameter sources: every template's text by name (`details`, `partials/bullets`).
    static func cycle(_ sources: [String: String], overridden: Set<String>) -> ThemeError? {
        // Each template's includes of templates that exist, in order.
        var edges: [String: [(target: String, tag: TemplateCheck.Tag)]] = [:]
        for (name, text) in sources {
            edges[name] = TemplateCheck.tags(text).filter { ($0.sigil == ">" || $0.sigil == "<") && sources[$0.name] != nil }
                .map { ($0.name, $0) }
        }
        var done: Set<String> = []
        for start in sources.keys.sorted() where !done.contains(start) {
            var path: [(name: String, edge: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let top = path.last {
                let out = edges[top.name] ?? []
                guard top.edge < out.count else {
                    done.insert(top.name)
                    onPath.remove(top.name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].edge += 1
                let target = out[top.edge].target
                if onPath.contains(target) {
                    // The cycle: from `target` down the path and back to it.
                    let from = path.firstIndex { $0.name == target }!
                    let members = path[from...].map { (name: $0.name, tag: edges[$0.name]![$0.edge - 1].tag) }
                    let chain = (members.map(\.name) + [target]).joined(separator: " → ")
                    let closing = members.first { overridden.contains($0.name + ".mustache") } ?? members.last!
                    return ThemeError(
                        path: closing.name + ".mustache", line: closing.tag.line, column: closing.tag.column,
                        message: "this include closes a loop of templates (\(chain)): a template cannot include itself, even through others, or the page would never end")
                }
                if !done.contains(target) {
                    path.append((target, 0))
                    onPath.insert(target)
                }
            }
        }
        return nil
    }
}
