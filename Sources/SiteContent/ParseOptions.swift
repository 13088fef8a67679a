/// What the command line adds to a site's own configuration, and the SLA terms' descriptions.
public struct ParseOptions: Sendable, Hashable {
    /// `--base-url`, which replaces `site.yaml`'s `base_url`.
    public var baseURL: String?
    /// The SLA terms a level may carry (SiteRender's `TermCatalog.grammar`).
    public var terms: TermGrammar
    /// The string ids `strings` and `i18n/<code>.yaml` may set (SiteRender's `StringID`).
    public var strings: StringVocabulary

    public init(baseURL: String? = nil, terms: TermGrammar, strings: StringVocabulary = .none) {
        self.baseURL = baseURL
        self.terms = terms
        self.strings = strings
    }
}
