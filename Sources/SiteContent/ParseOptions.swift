/// What the command line adds to a site's own configuration, and the SLA terms' descriptions.
public struct ParseOptions: Sendable, Hashable {
    /// `--base-url`, which replaces `site.yaml`'s `base_url`.
    public var baseURL: String?
    /// The SLA terms a level may carry (SiteRender's `TermCatalog.grammar`).
    public var terms: TermGrammar

    public init(baseURL: String? = nil, terms: TermGrammar) {
        self.baseURL = baseURL
        self.terms = terms
    }
}
