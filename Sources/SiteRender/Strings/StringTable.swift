import SLACore
import SiteContent

/// docs/spec.md §2 `strings`: every sentence and label the theme writes, by id, with the defaults
/// compiled in and a site's overrides from `site.yaml` on top.
///
/// A text may hold placeholders in braces (`{plan}`), filled where it is used; an override must
/// keep exactly the default's placeholders (checked where `site.yaml` is read). Texts that
/// depend on a count come in pairs, `<id>_one` for 1 and `<id>_other` for any other number.
/// The ids, their defaults and their placeholders are listed in `docs/themes.md`.
public struct StringTable: Sendable, Hashable {
    /// The texts in `StringID.allCases` order, then the terms' words (`TermWords`).
    private var texts: [String]
    /// How a count picks its form (CLDR plural rules of the table's language).
    public private(set) var pluralRule: PluralRule = .oneOther
    /// The `_few` and `_many` forms, by the index of their `_other` id (languages that have them).
    private var extraPlurals: [Int: [PluralCategory: String]] = [:]

    /// The defaults.
    public init() { texts = StringID.allCases.map(\.defaultText) + TermWords.all.map(\.en) }

    /// `base` with `layers` on top, later layers winning, counted by `rule`.
    public init(_ base: StringTable, layers: [StringOverrides], rule: PluralRule) {
        self = base
        pluralRule = rule
        for layer in layers {
            for (id, text) in layer.texts { texts[id.index] = text }
            for (id, forms) in layer.plurals { extraPlurals[id.index, default: [:]].merge(forms) { _, new in new } }
            for (id, text) in layer.words { if let slot = TermWords.slot[id] { texts[slot] = text } }
            for (id, forms) in layer.wordPlurals {
                if let slot = TermWords.slot[id] { extraPlurals[slot, default: [:]].merge(forms) { _, new in new } }
            }
        }
    }

    /// `written` (site.yaml `strings`, an `i18n/<code>.yaml`, checked when read) as overrides.
    public init(_ written: WrittenStrings) {
        self.init(StringTable(), layers: [StringOverrides(written)], rule: .oneOther)
    }

    /// Whether `id` has a text of its own in `layers` (for the fallback warning of `check`).
    public static func sets(_ id: StringID, in layers: [StringOverrides]) -> Bool {
        layers.contains { $0.texts[id] != nil }
    }

    /// Whether the term word `id` has a text of its own in `layers`.
    static func sets(word id: String, in layers: [StringOverrides]) -> Bool {
        layers.contains { $0.words[id] != nil }
    }

    /// Every id, the page words' then the terms' (what `check` counts).
    public static var ids: [String] { StringID.allCases.map(\.rawValue) + TermWords.all.map(\.id) }

    /// The defaults with `overrides` on top (ids already checked: see `problems(id:text:)`).
    public init(overrides: [StringID: String]) {
        self.init()
        for (id, text) in overrides { texts[id.index] = text }
    }

    /// docs/spec.md §3 Periods: the table for a service judged by `kind`: each month-worded string
    /// ("monthly uptime", "a month", "of the monthly fee") reads as its quarter or year variant
    /// (`StringID.forPeriod`), with the site's overrides of those variants. Itself for a month.
    public func forPeriod(_ kind: PeriodKind) -> StringTable {
        guard kind != .month else { return self }
        var out = self
        for id in StringID.allCases {
            let variant = id.forPeriod(kind)
            if variant != id { out.texts[id.index] = texts[variant.index] }
        }
        for word in TermWords.all {
            guard let variant = kind == .quarter ? word.quarterly : word.yearly,
                let from = Self.slot(variant), let to = Self.slot(word.id)
            else { continue }
            out.texts[to] = texts[from]
        }
        return out
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
        Self.fill(texts[id.index], literal: literal) { name in values.first { $0.key == name }?.value }
    }

    /// The form of `n` by the table's plural rule (`one`, `other`, or a language's `_few` or
    /// `_many` form of `other` where it has one), filled with `values` and `{n}`.
    public func plural(
        _ n: Int, one: StringID, other: StringID, _ values: KeyValuePairs<String, String> = [:]
    ) -> String {
        plural(n, shownAs: String(n), one: one, other: other, values)
    }

    /// `plural`, with `{n}` written as `shownAs` (the count in the language's digits and grouping).
    public func plural(
        _ n: Int, shownAs: String, one: StringID, other: StringID, _ values: KeyValuePairs<String, String> = [:]
    ) -> String {
        var all = Array(values)
        all.append(("n", shownAs))
        return Self.fill(form(n, one: one, other: other), all)
    }

    /// The unfilled text `n` takes.
    public func form(_ n: Int, one: StringID, other: StringID) -> String { form(n, one: one.index, other: other.index) }

    private func form(_ n: Int, one: Int, other: Int) -> String {
        switch pluralRule.category(n) {
        case .one: return texts[one]
        case .other: return texts[other]
        case let category: return extraPlurals[other]?[category] ?? texts[other]
        }
    }

    // MARK: The terms' words (`TermWord`, read by `TermCatalog`)

    /// The text of the term word `id` as it stands.
    func word(_ id: String) -> String { Self.slot(id).map { texts[$0] } ?? id }

    /// The term word `id` with its placeholders filled from `values`.
    func word(_ id: String, _ values: KeyValuePairs<String, String>) -> String { Self.fill(word(id), values) }

    /// The form of `n` of a counted term word (`<id>_one`, `<id>_other`), filled with `{n}` as `shownAs`.
    func word(_ n: Int, shownAs: String, one: String, other: String) -> String {
        guard let one = Self.slot(one), let other = Self.slot(other) else { return other }
        return Self.fill(form(n, one: one, other: other), [("n", shownAs)])
    }

    /// Where the term word `id` is kept. An id no description declares is a bug in the
    /// description that reads it: it stops a debug build (the tests), and a release shows the id.
    private static func slot(_ id: String) -> Int? {
        let slot = TermWords.slot[id]
        assert(slot != nil, "no term declares the word \(id)")
        return slot
    }

    /// Every id with its text, in id order (for the templates' `t`).
    public var all: [(id: String, text: String)] { StringID.allCases.map { ($0.rawValue, texts[$0.index]) } }

    /// The placeholders of a text, in order of first use (`StringVocabulary.placeholders`).
    public static func placeholders(_ text: String) -> [String] { StringVocabulary.placeholders(text) }

    /// What is wrong with `text` as an override of `id` (`StringVocabulary.problems`: the one
    /// check site.yaml, i18n files and the shipped tables go through).
    public static func problems(id: StringID, text: String) -> (error: String?, warning: String?) {
        StringID.vocabulary.problems(key: id.rawValue, text: text)
    }

    /// `text` with each `{name}` that `value(name)` knows replaced; everything else as written.
    /// Scans UTF-8 bytes (this runs for every figure of every page).
    static func fill(_ text: String, literal: (Substring) -> String = { String($0) }, value: (Substring) -> String?) -> String {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return literal(text[...]) }
        var out = ""
        out.reserveCapacity(utf8.count + 32)
        var segment = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            guard utf8[i] == UInt8(ascii: "{") else {
                i = utf8.index(after: i)
                continue
            }
            let nameStart = utf8.index(after: i)
            var j = nameStart
            while j < utf8.endIndex, utf8[j] != UInt8(ascii: "}"), utf8[j] != UInt8(ascii: "{") { j = utf8.index(after: j) }
            if j < utf8.endIndex, utf8[j] == UInt8(ascii: "}"), let v = value(text[nameStart..<j]) {
                out += literal(text[segment..<i])
                out += v
                i = utf8.index(after: j)
                segment = i
            } else {
                i = nameStart
            }
        }
        out += literal(text[segment..<utf8.endIndex])
        return out
    }
}

extension StringTable {
    static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        fillBytes(text) { name in
            for (key, value) in values where key.utf8.elementsEqual(name) { return value }
            return nil
        }
    }

    static func fill(_ text: String, _ values: [(String, String)]) -> String {
        fillBytes(text) { name in
            for (key, value) in values where key.utf8.elementsEqual(name) { return value }
            return nil
        }
    }

    /// `fill(_:value:)` without a `literal` step, on UTF-8 bytes: the same result, with no
    /// Substring or Character work (this runs for most figures of every page).
    static func fillBytes(_ text: String, value: (UnsafeBufferPointer<UInt8>) -> String?) -> String {
        var text = text
        let filled: [UInt8]? = text.withUTF8 { t in
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            guard t.contains(open) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(t.count + 32)
            var segment = 0
            var i = 0
            while i < t.count {
                guard t[i] == open else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < t.count, t[j] != close, t[j] != open { j += 1 }
                if j < t.count, t[j] == close, let v = value(UnsafeBufferPointer(rebasing: t[(i + 1)..<j])) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[segment..<i]))
                    out.append(contentsOf: v.utf8)
                    i = j + 1
                    segment = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[segment...]))
            return out
        }
        return filled.map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}

extension StringID {
    /// Every id with its default text, as the parser checks `strings` against them.
    /// The terms' words are ids like any other here (`TermWord`), so `strings` may set them.
    public static let vocabulary = StringVocabulary(
        ids: allCases.map { ($0.rawValue, $0.defaultText) } + TermWords.all.map { ($0.id, $0.en) })

    /// The position in `allCases` (the table's storage order). A case without a payload is
    /// stored as its position in declaration order, which is `allCases`' order (`StringsTests`
    /// checks every id), so no hashing of the raw string is needed: this runs for every string
    /// of every page.
    var index: Int {
        withUnsafeBytes(of: self) { raw in
            raw.count == 1 ? Int(raw[0]) : Int(raw.load(as: UInt16.self))
        }
    }
}
