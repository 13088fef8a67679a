import Foundation
import SLACore
import Yams

extension ContentDecoders {
    /// The front-matter keys a translation may set: text only (docs/spec.md §2 Translations).
    static func translationKeys(_ kind: SourceKind.TranslatedKind) -> [String] {
        switch kind {
        case .terms: ["title"]
        case .service: ["title", "summary", "measurement", "exclusions"]
        case .plan: ["title", "summary", "price", "revisions"]
        case .incident: ["title", "updates"]
        }
    }

    /// The list whose notes a translation may carry (docs/spec.md §2 Translations: text fields),
    /// with the keys an entry of the original has.
    static func translatedList(_ kind: SourceKind.TranslatedKind, terms grammar: TermGrammar) -> (key: String, what: String, entryKeys: [String])? {
        switch kind {
        case .incident: ("updates", "update", updateKeys)
        case .plan: ("revisions", "revision", ["date", "note", "effective", "services"] + grammar.keys)
        case .terms, .service: nil
        }
    }

    /// Every key the translated file itself may have (a translation setting one of the others is
    /// told so, rather than that the key is unknown).
    /// - Parameter grammar: the SLA terms a plan and a service's `defaults` may carry.
    static func originalKeys(_ kind: SourceKind.TranslatedKind, terms grammar: TermGrammar) -> [String] {
        switch kind {
        case .terms: termsKeys
        case .service: serviceKeys
        case .plan: planKeys + grammar.keys
        case .incident: incidentKeys
        }
    }

    /// A translation's text: its text fields (each optional) and its body (empty: not translated),
    /// with where each of its notes' entries stands (the site checks their count against the
    /// original's). A key that is a term, a date, a list of services or any other non-text field
    /// is an error at the key: those come from the default-language file alone.
    /// - Parameter original: the path of the file it translates, for messages.
    static func translation(
        _ text: String, kind: SourceKind.TranslatedKind, file: String, original: String, terms grammar: TermGrammar,
        sink: DiagnosticSink
    ) -> (text: TextTranslation, notes: [(line: Int, column: Int)])? {
        guard let (node, source, body) = open(text, file: file, sink: sink) else { return nil }
        let textKeys = translationKeys(kind)
        let r = MappingReader(node, in: source, what: "translation", allowed: Array(Set(originalKeys(kind, terms: grammar) + textKeys)).sorted())
        guard r.isMapping else { return nil }
        let before = sink.items.errors.count
        for pair in r.pairs where !textKeys.contains(pair.key) {
            source.error(
                pair.keyNode,
                "a translation carries text only: \"\(pair.key)\" comes from \(original) in every language; set it there",
                hint: "a translation may set \(textKeys.map { "\"\($0)\"" }.joined(separator: ", ")) and the body")
        }
        var t = TextTranslation()
        t.title = r.string("title")
        if textKeys.contains("summary") { t.summary = r.string("summary") }
        if textKeys.contains("measurement") { t.measurement = r.string("measurement") }
        if textKeys.contains("price") { t.price = r.string("price") }
        if textKeys.contains("exclusions") { t.exclusions = r.stringList("exclusions")?.map(\.0) }
        var positions: [(line: Int, column: Int)] = []
        if let list = translatedList(kind, terms: grammar), let node = r.value(list.key) {
            t.notes = notes(node, list: list, original: original, source: source, positions: &positions)
        }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        t.body = trimmed.isEmpty ? nil : body
        return sink.items.errors.count == before ? (t, positions) : nil
    }

    /// A translated `updates` or `revisions`: a list of `{note}`, the n-th translating the
    /// original's n-th (both lists are in time order, so a new entry is added at the end of each).
    /// An entry without a note (`{}`) keeps the original's; any other key of the original's
    /// entries is an error at the key.
    static func notes(
        _ node: Node, list: (key: String, what: String, entryKeys: [String]), original: String, source: YAMLSource,
        positions: inout [(line: Int, column: Int)]
    ) -> [String?] {
        guard case let .sequence(seq) = node else {
            source.error(
                node, "\(list.key) in a translation must be a list of {note}, in the order of \(original)'s \(list.key), got \(MappingReader.describe(node))")
            return []
        }
        var out: [String?] = []
        for item in seq {
            positions.append(source.position(item))
            let er = MappingReader(item, in: source, what: "translated \(list.what)", allowed: list.entryKeys)
            guard er.isMapping else {
                out.append(nil)
                continue
            }
            for pair in er.pairs where pair.key != "note" {
                source.error(
                    pair.keyNode,
                    "a translation carries text only: the \(list.what)'s \"\(pair.key)\" comes from \(original) in every language; set it there",
                    hint: "an entry of a translation's \(list.key) sets \"note\" alone; the n-th entry translates the n-th \(list.what) of \(original)")
            }
            out.append(er.string("note"))
        }
        return out
    }
}
