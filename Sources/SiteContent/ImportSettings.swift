import Yams

/// `site.yaml` `import`: what the importers read from the site (docs/spec.md §5).
public struct ImportSettings: Sendable, Hashable {
    /// `import.statuspage.components`, in the order written.
    public var statuspageComponents: [ComponentMapping] = []

    public init(statuspageComponents: [ComponentMapping] = []) {
        self.statuspageComponents = statuspageComponents
    }

    /// One entry of `import.statuspage.components`: a Statuspage component (by name or id) and
    /// the service it counts against; a nil service means the component is left out.
    public struct ComponentMapping: Sendable, Hashable {
        public var component: String
        public var service: String?
        /// Where the entry's key is written in site.yaml.
        public var line: Int
        public var column: Int

        public init(component: String, service: String?, line: Int = 0, column: Int = 0) {
            self.component = component
            self.service = service
            self.line = line
            self.column = column
        }
    }

    static let keys = ["statuspage"]
    static let statuspageKeys = ["components"]

    /// Decodes the value of `import`, reporting every problem at its place; the services it
    /// names become references, checked once every file is read.
    static func decode(_ node: Node, source: YAMLSource, refs: inout [Reference]) -> ImportSettings {
        var settings = ImportSettings()
        let r = MappingReader(node, in: source, what: "import", allowed: keys)
        guard r.isMapping, let sp = r.value("statuspage") else { return settings }
        let s = MappingReader(sp, in: source, what: "import.statuspage", allowed: statuspageKeys)
        guard s.isMapping, let components = s.value("components") else { return settings }
        guard case let .mapping(m) = components else {
            source.error(
                components,
                "import.statuspage.components must be a mapping from a Statuspage component's name or id to a service id, got \(MappingReader.describe(components))"
            )
            return settings
        }
        for (k, v) in m {
            let p = source.position(k)
            guard case let .scalar(ks) = k, !ks.string.trimmingSpaces().isEmpty else {
                source.error(k, "a Statuspage component must be named by its name or id (text)")
                continue
            }
            if MappingReader.isNull(v) {
                // docs/spec.md §5 leaves it open; docs/cli.md: null leaves the component out of the import.
                settings.statuspageComponents.append(ComponentMapping(component: ks.string, service: nil, line: p.line, column: p.column))
                continue
            }
            guard case let .scalar(vs) = v, TermsDecoder.isID(vs.string.trimmingSpaces()) else {
                source.error(
                    v,
                    "the service of Statuspage component \"\(ks.string)\" must be a service id (or null to leave the component out), got \(MappingReader.describe(v))"
                )
                continue
            }
            let service = vs.string.trimmingSpaces()
            let vp = source.position(v)
            refs.append(Reference(kind: .service, id: service, file: source.file, line: vp.line, column: vp.column, context: "import"))
            settings.statuspageComponents.append(ComponentMapping(component: ks.string, service: service, line: p.line, column: p.column))
        }
        return settings
    }

    /// The `import` settings of a site.yaml, with the problems found in them (and in the
    /// YAML as a whole); the services they name are not checked here.
    public static func read(_ file: SourceFile) -> (settings: ImportSettings, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard case let .success(text) = SourceText.decode(file) else { return (ImportSettings(), []) }
        let source = YAMLSource(file: file.path, lineOffset: 0, sink: sink)
        guard let root = source.compose(text), case let .mapping(m) = root else { return (ImportSettings(), sink.items) }
        var refs: [Reference] = []
        for (k, v) in m where k.scalar?.string == "import" && !MappingReader.isNull(v) {
            return (decode(v, source: source, refs: &refs), sink.items)
        }
        return (ImportSettings(), sink.items)
    }
}
