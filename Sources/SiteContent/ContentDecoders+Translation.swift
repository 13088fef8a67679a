import Foundation
import SLACore
import Yams

extension ContentDecoders {
    /// The front-matter keys a translation may set: text only (docs/spec.md §2 Translations).
    static func translationKeys(_ kind: SourceKind.TranslatedKind) -> [String] {
        switch kind {
        case .terms: ["title"]
        case .service: ["title", "summary", "measurement", "exclusions"]
        case .plan: ["title", "summary", "price"]
        case .incident: ["title"]
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

    /// A translation's text: its text fields (each optional) and its body (empty: not translated).
    /// A key that is a term, a date, a list of services or any other non-text field is an error at
    /// the key: those come from the default-language file alone.
    /// - Parameter original: the path of the file it translates, for messages.
    static func translation(
        _ text: String, kind: SourceKind.TranslatedKind, file: String, original: String, terms grammar: TermGrammar,
        sink: DiagnosticSink
    ) -> TextTranslation? {
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
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        t.body = trimmed.isEmpty ? nil : body
        return sink.items.errors.count == before ? t : nil
    }
}
