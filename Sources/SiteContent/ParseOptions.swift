/// What the command line adds to a site's own configuration.
public struct ParseOptions: Sendable, Hashable {
    /// `--base-url`, which replaces `site.yaml`'s `base_url`.
    public var baseURL: String?

    public init(baseURL: String? = nil) {
        self.baseURL = baseURL
    }
}
