import Yams

/// An incident file's `imported` key: the mark of a file an importer wrote (docs/content.md).
public struct ImportMarker: Sendable, Hashable {
    /// The importer: `statuspage`.
    public var from: String
    /// The incident's id in the system it came from.
    public var id: String
    /// The incident's address there (Statuspage's shortlink), if it had one.
    public var url: String?
    /// The digest of the file as the importer wrote it, to see whether it was edited since.
    public var digest: String?

    public init(from: String, id: String, url: String? = nil, digest: String? = nil) {
        self.from = from
        self.id = id
        self.url = url
        self.digest = digest
    }

    static let keys = ["from", "id", "url", "digest"]
    /// The importers that write incident files.
    static let sources = ["statuspage"]

    /// Decodes the value of `imported`, reporting what is wrong at its place.
    static func decode(_ node: Node, source: YAMLSource) -> ImportMarker? {
        let r = MappingReader(node, in: source, what: "imported", allowed: keys)
        guard r.isMapping else { return nil }
        let from = r.string("from", required: "imported")
        if let from, !sources.contains(from), let n = r.value("from") {
            source.error(
                n, "imported.from must be \(sources.map { "\"\($0)\"" }.joined(separator: " or ")), got \(MappingReader.describe(n))",
                hint: Suggestion.hint(for: from, in: sources))
        }
        let id = r.string("id", required: "imported")
        if let id, id.trimmingSpaces().isEmpty, let n = r.value("id") {
            source.error(n, "imported.id must not be empty")
        }
        let url = r.string("url")
        if let url, !SiteConfigDecoder.isWebURL(url), let n = r.value("url") {
            source.error(n, "imported.url must be an absolute http or https URL, got \(MappingReader.describe(n))")
        }
        let digest = r.string("digest")
        guard let from, let id, sources.contains(from), !id.trimmingSpaces().isEmpty else { return nil }
        return ImportMarker(from: from, id: id, url: url, digest: digest)
    }

    /// The marker of an incident file, or nil when it has none (or its front matter does not
    /// read: such a file is treated as written by hand).
    public static func read(_ file: SourceFile) -> ImportMarker? {
        guard case let .success(text) = SourceText.decode(file), case let .success(fm) = FrontMatter.split(text, file: file.path)
        else { return nil }
        let source = YAMLSource(file: file.path, lineOffset: fm.yamlLine - 1, sink: DiagnosticSink())
        guard let root = source.compose(fm.yaml), case let .mapping(m) = root else { return nil }
        for (k, v) in m where k.scalar?.string == "imported" {
            return decode(v, source: source)
        }
        return nil
    }
}
