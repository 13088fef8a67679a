import Foundation
import SLACore
import Yams

/// Decodes `site.yaml` (docs/spec.md §2).
public enum SiteConfigDecoder {
    static let keys = [
        "title", "provider", "base_url", "timezone", "theme", "contact", "impact_weights", "status_since", "strings", "defaults", "markdown",
        "import", "languages",
    ]

    /// site.yaml alone: the configuration, or nil with the problems that stop it.
    public static func decode(_ file: SourceFile, options: ParseOptions) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        var refs: [Reference] = []
        switch SourceText.decode(file) {
        case let .failure(d): return (nil, [d])
        case let .success(text):
            let config = decode(text, file: file.path, options: options, sink: sink, refs: &refs)
            return (config, sink.items)
        }
    }

    static func decode(_ text: String, file: String, options: ParseOptions, sink: DiagnosticSink) -> SiteConfig? {
        var refs: [Reference] = []
        return decode(text, file: file, options: options, sink: sink, refs: &refs)
    }

    /// - Parameter refs: the services named by `import` (checked once every file is read).
    static func decode(_ text: String, file: String, options: ParseOptions, sink: DiagnosticSink, refs: inout [Reference]) -> SiteConfig? {
        let source = YAMLSource(file: file, lineOffset: 0, sink: sink)
        guard let root = source.compose(text) else { return nil }
        let before = sink.items.errors.count
        let r = MappingReader(root, in: source, what: "site.yaml", allowed: keys)
        guard r.isMapping else { return nil }
        let title = r.string("title", required: "site.yaml")
        let provider = r.string("provider", required: "site.yaml")
        var baseURL: String?
        if let override = options.baseURL {
            baseURL = normalizedBaseURL(override)
            if baseURL == nil {
                sink.error("--base-url", 0, 0, "--base-url must be an absolute http or https URL, got \"\(override)\"")
            }
        } else if let node = r.requireValue("base_url", what: "site.yaml"),
            let raw = MappingReader.string(node, key: "base_url", in: source)
        {
            baseURL = normalizedBaseURL(raw)
            if baseURL == nil {
                source.error(node, "base_url must be an absolute http or https URL like https://sla.example.com/, got \"\(raw)\"")
            }
        }
        var timeZone = TimeZone(identifier: "UTC")!
        var timeZoneName = "UTC"
        if let node = r.value("timezone"), let id = MappingReader.string(node, key: "timezone", in: source) {
            if let zone = zone(named: id) {
                timeZone = zone
                timeZoneName = id
            } else {
                source.error(
                    node, "timezone must be an IANA time zone like Europe/London, got \"\(id)\"",
                    hint: ZoneAbbreviation.timezoneHint(id) ?? Suggestion.hint(for: id, in: TimeZone.knownTimeZoneIdentifiers))
            }
        }
        var theme = "default"
        if let node = r.value("theme"), let name = MappingReader.string(node, key: "theme", in: source) {
            if TermsDecoder.isID(name) {
                theme = name
            } else {
                source.error(node, "theme must be a folder name of a-z, 0-9 and -, got \"\(name)\"")
            }
        }
        var contacts: [Contact] = []
        if let node = r.value("contact") {
            if case let .sequence(seq) = node {
                for item in seq {
                    let c = MappingReader(item, in: source, what: "contact", allowed: ["role", "name", "email", "url"])
                    guard c.isMapping else { continue }
                    let role = c.string("role", required: "contact")
                    let name = c.string("name", required: "contact")
                    let email = c.string("email")
                    let url = c.string("url")
                    if email == nil && url == nil {
                        source.error(item, "contact needs an \"email\" or a \"url\"")
                    }
                    if let email, !isEmail(email) {
                        source.error(c.value("email"), "email must be an address like support@example.com, got \"\(email)\"")
                    }
                    if let url, !isWebURL(url) {
                        source.error(c.value("url"), "url must be an absolute http or https URL, got \"\(url)\"")
                    }
                    if let role, let name, email != nil || url != nil {
                        contacts.append(Contact(role: role, name: name, email: email, url: url))
                    }
                }
            } else {
                source.error(node, "contact must be a list of {role, name, email or url}, got \(MappingReader.describe(node))")
            }
        }
        var weights = ImpactWeights.standard
        if let node = r.value("impact_weights") {
            for (impact, x) in TermsDecoder.impactWeights(node, source: source) { weights[impact] = x }
        }
        var defaults = SLATerms()
        if let node = r.value("defaults") {
            let d = MappingReader(node, in: source, what: "defaults", allowed: options.terms.keys)
            if d.isMapping { defaults = options.terms.decode(d) }
        }
        var unsafe = false
        if let node = r.value("markdown") {
            let m = MappingReader(node, in: source, what: "markdown", allowed: ["unsafe"])
            unsafe = m.bool("unsafe") ?? false
        }
        // docs/spec.md §5: what `slasite import` reads; validated here so `check` reports it.
        if let node = r.value("import") { _ = ImportSettings.decode(node, source: source, refs: &refs) }
        // docs/spec.md §2: the day from which the status data is complete (months before it: no data).
        let since = r.date("status_since", dateOnly: true).map { CalendarDay(year: $0.0.year, month: $0.0.month, day: $0.0.day) }
        let languages = r.value("languages").map { decodeLanguages($0, source: source) } ?? [.english]
        let strings = r.value("strings").map { decodeStrings($0, source: source, vocabulary: options.strings) } ?? WrittenStrings()
        guard sink.items.errors.count == before, let title, let provider, let baseURL else { return nil }
        var config = SiteConfig(
            title: title, provider: provider, baseURL: baseURL, timeZone: timeZone, timeZoneName: timeZoneName, theme: theme, contacts: contacts,
            impactWeights: weights, defaults: defaults, markdownUnsafe: unsafe)
        config.statusSince = since
        config.languages = languages
        config.strings = strings
        return config
    }

    /// docs/spec.md §2 `strings` (and `i18n/<code>.yaml`): a map from string id to text. An unknown id
    /// is an error (with the closest id), and so is a placeholder the string does not take;
    /// leaving one out warns. A counted string's `_few` and `_many` forms (docs/themes.md,
    /// *Plural forms*) take its `_other` form's placeholders.
    static func decodeStrings(_ node: Node, source: YAMLSource, vocabulary: StringVocabulary) -> WrittenStrings {
        let r = MappingReader(node, in: source, what: "strings", allowed: vocabulary.keys)
        guard r.isMapping else { return WrittenStrings() }
        var written = WrittenStrings()
        for pair in r.pairs {
            guard let text = MappingReader.string(pair.value, key: "strings." + pair.key, in: source) else { continue }
            let problems = vocabulary.problems(key: pair.key, text: text)
            if let error = problems.error {
                source.error(pair.value, error + ", got \"\(text)\"")
                continue
            }
            if let warning = problems.warning { source.warning(pair.value, warning) }
            if let form = vocabulary.forms[pair.key] {
                written.forms[form.other, default: [:]][form.category] = text
            } else {
                written.texts[pair.key] = text
            }
        }
        return written
    }

    /// docs/spec.md §2 `languages`: a list of `{code, name, locale}`, codes unique.
    static func decodeLanguages(_ node: Node, source: YAMLSource) -> [Language] {
        guard case let .sequence(seq) = node, !seq.isEmpty else {
            source.error(node, "languages must be a non-empty list of {code, name, locale}, got \(MappingReader.describe(node))")
            return [.english]
        }
        var out: [Language] = []
        for item in seq {
            let r = MappingReader(item, in: source, what: "language", allowed: ["code", "name", "locale"])
            guard r.isMapping else { continue }
            let code = r.string("code", required: "language")
            let name = r.string("name", required: "language")
            let locale = r.string("locale", required: "language")
            if let code {
                // 2–3 letters first, so a code never names one of the output's folders (§4).
                if !isLanguageCode(code) {
                    source.error(r.value("code"), "code must be a language code of lowercase letters like de or pt-br, got \"\(code)\"")
                } else if out.contains(where: { $0.code == code }) {
                    source.error(r.value("code"), "language \"\(code)\" is listed twice")
                }
            }
            if let locale, !isLocaleTag(locale) {
                source.error(r.value("locale"), "locale must be a BCP 47 tag like de-DE or fr, got \"\(locale)\"")
            }
            if let code, let name, let locale { out.append(Language(code: code, name: name, locale: locale)) }
        }
        return out.isEmpty ? [.english] : out
    }

    static func isLanguageCode(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return !s.isEmpty && s.count <= 12 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 97 && $0 <= 122 } }
            && parts[0].count >= 2 && parts[0].count <= 3
    }

    static func isLocaleTag(_ s: String) -> Bool {
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), s.count <= 35 else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.count <= 8 && p.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) } }
    }

    /// docs/spec.md §2 `i18n/<code>.yaml`: one language's strings, checked as `strings` is.
    static func decodeI18n(_ text: String, file: String, vocabulary: StringVocabulary, sink: DiagnosticSink) -> WrittenStrings {
        let source = YAMLSource(file: file, lineOffset: 0, sink: sink)
        guard let root = source.compose(text) else { return WrittenStrings() }
        if case let .mapping(m) = root, m.isEmpty { return WrittenStrings() }
        return decodeStrings(root, source: source, vocabulary: vocabulary)
    }

    static func zone(named id: String) -> TimeZone? {
        if id == "UTC" || id == "Etc/UTC" { return TimeZone(identifier: "UTC") }
        guard TimeZone.knownTimeZoneIdentifiers.contains(id) else { return nil }
        return TimeZone(identifier: id)
    }

    /// `raw` as an absolute http(s) URL ending in `/`, or nil.
    public static func normalizedBaseURL(_ raw: String) -> String? {
        let text = raw.trimmingSpaces()
        guard isWebURL(text), !text.contains("?"), !text.contains("#") else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    public static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}
