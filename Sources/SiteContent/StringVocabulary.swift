/// The theme's string ids as the parser checks `strings` and `i18n/<code>.yaml` against them
/// (docs/spec.md §2): each id with the placeholders its default text takes, and the `_few` /
/// `_many` keys of counted strings. The ids and texts are SiteRender's (`StringID`), which
/// passes this in (`ParseOptions.standard`), so the parser holds no word of a page.
public struct StringVocabulary: Sendable, Hashable {
    /// A `<base>_few` or `<base>_many` key: its `<base>_other` id and the CLDR category.
    public struct Form: Sendable, Hashable {
        public var other: String
        public var category: String

        public init(other: String, category: String) {
            self.other = other
            self.category = category
        }
    }

    /// Each id's placeholders, in order of first use in its default text.
    public var placeholders: [String: [String]]
    /// The `_few` / `_many` keys.
    public var forms: [String: Form]
    /// Every key `strings` may set: the ids in the theme's order, then the forms.
    public let keys: [String]

    /// - Parameter ids: every id with its default text, in the theme's order.
    public init(ids: [(id: String, text: String)]) {
        var placeholders: [String: [String]] = [:]
        var forms: [String: Form] = [:]
        for (id, text) in ids {
            placeholders[id] = Self.placeholders(text)
            if id.hasSuffix("_other") {
                let base = String(id.dropLast("_other".count))
                forms[base + "_few"] = Form(other: id, category: "few")
                forms[base + "_many"] = Form(other: id, category: "many")
            }
        }
        self.placeholders = placeholders
        self.forms = forms
        keys = ids.map(\.id) + forms.keys.sorted()
    }

    /// No strings at all (a parse that reads no `strings`).
    public static let none = StringVocabulary(ids: [])

    public static func == (a: StringVocabulary, b: StringVocabulary) -> Bool { a.keys == b.keys && a.placeholders == b.placeholders }
    public func hash(into h: inout Hasher) { h.combine(keys) }

    /// The placeholders of a text (`{name}`, lowercase and `_`), in order of first use.
    public static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            let name = String(rest[after..<close])
            if !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 95 }), !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// What is wrong with `text` as the text of `key` (an id or a form): a placeholder the
    /// string does not take is an error (it would be published as written); one it leaves out
    /// is a warning (the text will not say that value). nil and nil for an unknown key.
    public func problems(key: String, text: String) -> (error: String?, warning: String?) {
        guard let expected = placeholders[key] ?? forms[key].flatMap({ placeholders[$0.other] }) else { return (nil, nil) }
        let found = Self.placeholders(text)
        let missing = expected.filter { !found.contains($0) }
        let unknown = found.filter { !expected.contains($0) }
        func list(_ names: [String]) -> String { names.map { "{\($0)}" }.joined(separator: ", ") }
        let error = unknown.isEmpty
            ? nil
            : "strings.\(key) has no \(list(unknown))" + (expected.isEmpty ? " (it takes no placeholders)" : " (it takes \(list(expected)))")
        let warning = missing.isEmpty ? nil : "strings.\(key) leaves out \(list(missing)): the text will not say it"
        return (error, warning)
    }
}
