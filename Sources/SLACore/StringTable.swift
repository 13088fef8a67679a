/// SPEC §2 `strings`: every sentence and label the theme writes, by id, with the defaults
/// compiled in and a site's overrides from `site.yaml` on top.
///
/// A text may hold placeholders in braces (`{plan}`), filled where it is used; an override must
/// keep exactly the default's placeholders (checked where `site.yaml` is read). Texts that
/// depend on a count come in pairs, `<id>_one` for 1 and `<id>_other` for any other number.
/// The ids, their defaults and their placeholders are listed in `docs/themes.md`.
public struct StringTable: Sendable, Hashable {
    /// The texts in `StringID.allCases` order.
    private var texts: [String]

    /// The defaults.
    public init() { texts = StringID.allCases.map(\.defaultText) }

    /// The defaults with `overrides` on top (ids already checked: see `problems(id:text:)`).
    public init(overrides: [StringID: String]) {
        self.init()
        for (id, text) in overrides { texts[id.index] = text }
    }

    /// The text of `id` as it stands (placeholders unfilled).
    public subscript(_ id: StringID) -> String { texts[id.index] }

    /// The text of `id` with its placeholders filled from `values` (`{name}` → `values["name"]`).
    public func callAsFunction(_ id: StringID, _ values: KeyValuePairs<String, String> = [:]) -> String {
        Self.fill(texts[id.index], values)
    }

    /// The text of `id` with its placeholders filled from `values` as they are, and every other
    /// part passed through `literal` (for HTML: the text escaped, the values already markup).
    public func fill(
        _ id: StringID, _ values: KeyValuePairs<String, String>, literal: (Substring) -> String
    ) -> String {
        let text = texts[id.index]
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), case let name = String(rest[after..<close]),
                let value = values.first(where: { $0.key == name })?.value
            {
                out += literal(rest[..<open])
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += literal(rest[...open])
                rest = rest[after...]
            }
        }
        out += literal(rest)
        return out
    }

    /// `one` when `n` is 1, else `other`, filled with `values` and `{n}`.
    public func plural(
        _ n: Int, one: StringID, other: StringID, _ values: KeyValuePairs<String, String> = [:]
    ) -> String {
        var all = Array(values)
        all.append(("n", String(n)))
        return Self.fill(texts[(n == 1 ? one : other).index], all)
    }

    /// Every id with its text, in id order (for the templates' `t`).
    public var all: [(id: String, text: String)] { StringID.allCases.map { ($0.rawValue, texts[$0.index]) } }

    /// The placeholders of a text, in order of first use.
    public static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            let name = String(rest[after..<close])
            if isName(name), !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// What is wrong with `text` as an override of `id`: a placeholder the string does not
    /// have is an error (it would be published as written); one it leaves out is a warning (the
    /// text will not say that value).
    public static func problems(id: StringID, text: String) -> (error: String?, warning: String?) {
        let expected = placeholders(id.defaultText)
        let found = placeholders(text)
        let missing = expected.filter { !found.contains($0) }
        let unknown = found.filter { !expected.contains($0) }
        func list(_ names: [String]) -> String { names.map { "{\($0)}" }.joined(separator: ", ") }
        let error = unknown.isEmpty
            ? nil
            : "strings.\(id.rawValue) has no \(list(unknown))"
                + (expected.isEmpty ? " (it takes no placeholders)" : " (it takes \(list(expected)))")
        let warning = missing.isEmpty ? nil : "strings.\(id.rawValue) leaves out \(list(missing)): the text will not say it"
        return (error, warning)
    }

    private static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 95 }
    }

    static func fill<Values: Sequence<(String, String)>>(_ text: String, _ values: Values) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), case let name = String(rest[after..<close]),
                let value = values.first(where: { $0.0 == name })?.1
            {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[after...]
            }
        }
        out += rest
        return out
    }
}

extension StringTable {
    static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        fill(text, values.lazy.map { ($0.key, $0.value) })
    }

    static func fill(_ text: String, _ values: [(String, String)]) -> String {
        fill(text, values.lazy.map { $0 })
    }
}

extension StringID {
    /// The position in `allCases` (the table's storage order).
    var index: Int { Self.indices[self]! }

    private static let indices: [StringID: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
