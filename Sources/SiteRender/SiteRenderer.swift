import SLACore

/// Turns a validated site and its figures into the files of the output folder. Writes nothing.
public struct SiteRenderer: Sendable {
    public let context: RenderContext

    public init(site: Site, figures: SiteFigures, themeOverrides: [String: [UInt8]] = [:], markdownCache: MarkdownCache? = nil) {
        context = RenderContext(site: site, figures: figures, themeOverrides: themeOverrides, markdownCache: markdownCache)
    }

    /// Every output file, sorted by path.
    public func render() throws -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(
            OutputFile(
                path: "sla.json",
                text: SLAJSON.document(site: context.site, figures: context.figures, urls: context.urls).serialized()))
        files += try PageOutputs.files(context)
        files += try MachineOutputs.files(context)
        return files.sorted { $0.path < $1.path }
    }
}
