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
        let pages = try PageOutputs.Run(context)
        // One flat list of independent pieces of work, so both cores stay busy to the end:
        // sla.json (the largest single file) first, then the feeds, then one piece per page.
        enum Work: Sendable {
            case slaJSON, machine
            case page(PageOutputs.Job)
        }
        let work: [Work] = [.slaJSON, .machine] + pages.jobs.map(Work.page)
        let done = try ParallelWork.map(work) { piece -> Result<(files: [OutputFile], reused: Int), any Error> in
            Result {
                switch piece {
                case .slaJSON:
                    let doc = SLAJSON.document(
                        site: context.site, figures: context.figures, urls: context.urls, cache: context.jsonCache)
                    return ([OutputFile(path: "sla.json", bytes: doc.bytes())], 0)
                case .machine:
                    return (try MachineOutputs.files(context) + pages.siteFiles(), 0)
                case .page(let job):
                    let (file, reused) = pages.file(job)
                    return ([file], reused ? 1 : 0)
                }
            }
        }.map { try $0.get() }
        let reused = done.reduce(0) { $0 + $1.reused }
        context.pageCache?.record(rendered: pages.jobs.count - reused, reused: reused)
        var files = done.flatMap(\.files)
        try PageOutputs.checkContained(files)
        files.sort { $0.path < $1.path }
        return files
    }
}
