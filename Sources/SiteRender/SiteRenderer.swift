import SLACore

/// Turns a validated site and its figures into the files of the output folder. Writes nothing.
public struct SiteRenderer: Sendable {
    public let context: RenderContext

    public init(
        site: Site, figures: SiteFigures, themeOverrides: [String: [UInt8]] = [:], markdownCache: MarkdownCache? = nil,
        pageCache: PageCache? = nil, jsonCache: JSONFragmentCache? = nil, sharedInputsKey: Int = 0
    ) {
        context = RenderContext(
            site: site, figures: figures, themeOverrides: themeOverrides, markdownCache: markdownCache,
            pageCache: pageCache, jsonCache: jsonCache, sharedInputsKey: sharedInputsKey)
    }

    /// Every output file, sorted by path.
    public func render() throws -> [OutputFile] {
        let context = self.context
        // The three groups are independent: run them side by side (pages also fan out inside).
        var files = try ParallelWork.flatMap([0, 1, 2]) { part -> [OutputFile] in
            switch part {
            case 0:
                let doc = SLAJSON.document(
                    site: context.site, figures: context.figures, urls: context.urls, cache: context.jsonCache)
                return [OutputFile(path: "sla.json", bytes: doc.bytes())]
            case 1: return try PageOutputs.files(context)
            default: return try MachineOutputs.files(context)
            }
        }
        files.sort { $0.path < $1.path }
        return files
    }
}
