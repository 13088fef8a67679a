import BuildSupport
import SLACore

/// docs/spec.md §2 `languages`, translations `<name>.<code>.md` and `i18n/<code>.yaml`.
extension SiteParser {
    /// The file a translation translates.
    static func originalPath(_ kind: SourceKind.TranslatedKind, id: String) -> String {
        switch kind {
        case .terms: "content/terms.md"
        case .service: "content/services/\(id).md"
        case .plan: "content/plans/\(id).md"
        case .incident: "content/status/incidents/\(id).md"
        }
    }

    /// Each `i18n/<code>.yaml`, checked as site.yaml's `strings` are; a file for a language the
    /// site does not have is an error (it would never be read).
    static func i18n(
        _ files: [(code: String, file: SourceFile)], languages: [Language], vocabulary: StringVocabulary, sink: DiagnosticSink,
        reuse: (any Reusing)?
    ) -> [String: WrittenStrings] {
        var out: [String: WrittenStrings] = [:]
        let codes = languages.map(\.code)
        for (code, file) in files {
            guard codes.contains(code) else {
                sink.error(
                    file.path, 1, 1, "\"\(code)\" is not one of the site's languages (site.yaml languages: \(codes.joined(separator: ", ")))",
                    hint: Suggestion.hint(for: code, in: codes))
                continue
            }
            let decoded = reuse.value(.parsed, at: file.path, for: I18nInput(bytes: ByteKey(file.bytes), vocabulary: vocabulary)) {
                () -> I18nResult in
                let local = DiagnosticSink()
                var written = WrittenStrings()
                switch SourceText.decode(file) {
                case let .failure(d): local.items.append(d)
                case let .success(text):
                    written = SiteConfigDecoder.decodeI18n(text, file: file.path, vocabulary: vocabulary, sink: local)
                }
                return I18nResult(strings: written, diagnostics: local.items)
            }
            sink.items += decoded.diagnostics
            out[code] = decoded.strings
        }
        return out
    }

    struct I18nResult: Sendable {
        var strings: WrittenStrings
        var diagnostics: [Diagnostic]
    }

    /// What an i18n file is read from (the key of its kept result).
    struct I18nInput: Equatable, Sendable {
        var bytes: ByteKey
        var vocabulary: StringVocabulary
    }

    /// One translated content file as read, with where each entry of its notes stands.
    struct Translated: Sendable {
        var code: String
        var kind: SourceKind.TranslatedKind
        var id: String
        var text: TextTranslation
        var file: String
        var notes: [(line: Int, column: Int)]
    }

    /// Puts each translation in `site.translations`; a translation into a language the site
    /// does not have (or into its default language), or of a file that does not exist, is an error.
    static func attach(_ translations: [Translated], to site: inout Site) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let languages = site.config.languages
        let others = languages.dropFirst().map(\.code)
        for t in translations.sorted(by: { $0.file < $1.file }) {
            guard others.contains(t.code) else {
                let message =
                    t.code == languages[0].code
                    ? "\"\(t.code)\" is the site's default language: its text is in \(originalPath(t.kind, id: t.id)) itself"
                    : "\"\(t.code)\" is not one of the site's languages (site.yaml languages: \(languages.map(\.code).joined(separator: ", ")))"
                problems.append(Diagnostic(.error, t.file, 1, 1, message, hint: Suggestion.hint(for: t.code, in: others)))
                continue
            }
            let exists: Bool
            switch t.kind {
            case .terms: exists = true
            case .service: exists = site.services.contains { $0.id == t.id }
            case .plan: exists = site.plans.contains { $0.id == t.id }
            case .incident: exists = site.incidents.contains { $0.id == t.id }
            }
            guard exists else {
                problems.append(
                    Diagnostic(.error, t.file, 1, 1, "this translates \(originalPath(t.kind, id: t.id)), which does not exist"))
                continue
            }
            // The n-th note translates the original's n-th update or revision: one past their end
            // translates nothing (docs/spec.md §2 Translations).
            let entries: Int? =
                switch t.kind {
                case .incident: site.incidents.first { $0.id == t.id }?.updates.count
                case .plan: site.plans.first { $0.id == t.id }?.revisions.count
                case .terms, .service: nil
                }
            if let entries, let notes = t.text.notes, notes.count > entries, entries < t.notes.count {
                let (key, what) = t.kind == .incident ? ("updates", "update") : ("revisions", "revision")
                let at = t.notes[entries]
                problems.append(
                    Diagnostic(
                        .error, t.file, at.line, at.column,
                        "this translation's \(key) has \(notes.count) entries, but \(originalPath(t.kind, id: t.id)) has \(entries) \(entries == 1 ? what : key): entry \(entries + 1) translates none",
                        hint: "the n-th entry translates the n-th \(what) of the original, in its order; add the \(what) there first"))
                continue
            }
            var into = site.translations[t.code] ?? SiteTranslation()
            switch t.kind {
            case .terms: into.terms = t.text
            case .service: into.services[t.id] = t.text
            case .plan: into.plans[t.id] = t.text
            case .incident: into.incidents[t.id] = t.text
            }
            site.translations[t.code] = into
        }
        return problems
    }

    /// docs/spec.md §2: a page without a translation falls back to the default language, and
    /// `check` says so, once per language (so `--strict` fails).
    static func untranslatedWarnings(_ site: Site) -> [Diagnostic] {
        let languages = site.config.languages
        guard languages.count > 1 else { return [] }
        var out: [Diagnostic] = []
        for language in languages.dropFirst() {
            let t = site.translations[language.code] ?? SiteTranslation()
            var missing: [String] = []
            if t.terms == nil { missing.append(originalPath(.terms, id: "")) }
            missing += site.services.filter { t.services[$0.id] == nil }.map { originalPath(.service, id: $0.id) }
            missing += site.plans.filter { t.plans[$0.id] == nil }.map { originalPath(.plan, id: $0.id) }
            missing += site.incidents.filter { t.incidents[$0.id] == nil }.map { originalPath(.incident, id: $0.id) }
            guard let first = missing.first else { continue }
            let total = 1 + site.services.count + site.plans.count + site.incidents.count
            let shown = missing.prefix(3).joined(separator: ", ") + (missing.count > 3 ? ", …" : "")
            out.append(
                Diagnostic(
                    .warning, first, 1, 1,
                    "\(missing.count) of \(total) content files have no \(language.code) translation and are shown in \(languages[0].name) on the \(language.name) pages (\(shown))",
                    hint: "a translation is a file beside the original named <name>.\(language.code).md"))
        }
        return out
    }
}
