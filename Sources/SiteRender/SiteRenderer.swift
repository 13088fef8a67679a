import BuildSupport
import Foundation
import SLACore

/// Turns a validated site and its figures into the files of the output folder. Writes nothing.
public struct SiteRenderer: Sendable {
    public let context: RenderContext

    /// - Parameter reuse: the preview's store of what earlier builds made; nil in a one-off build.
    public init(site: Site, figures: SiteFigures, themeOverrides: [String: [UInt8]] = [:], reuse: (any Reusing)? = nil) {
        context = RenderContext(site: site, figures: figures, themeOverrides: themeOverrides, reuse: reuse)
    }

    /// Every output file, sorted by path.
    public func render() throws(RenderError) -> [OutputFile] {
        let collected = LockedList<OutputFile>()
        _ = try renderUnsorted { collected.append($0) }
        return collected.elements.sorted { $0.path < $1.path }
    }

    /// Renders every output file and hands each to `emit` as soon as it is made, from several
    /// threads at once (a build writes each page while the next renders, and never holds the
    /// whole site in memory). Returns every path, sorted. An error of `emit` stops the
    /// rendering as `RenderError.output`, with the path it was given.
    public func render(emit: @Sendable (OutputFile) throws -> Void) throws(RenderError) -> [String] {
        try renderUnsorted(emit: emit).sorted()
    }

    /// `render(emit:)` with the paths in the order they were made.
    private func renderUnsorted(emit: @Sendable (OutputFile) throws -> Void) throws(RenderError) -> [String] {
        let context = self.context
        let pages: PageOutputs.Run
        do throws(ThemeError) {
            pages = try PageOutputs.Run(context)
        } catch {
            throw .theme(error)
        }
        // One flat list of independent pieces of work, so both cores stay busy to the end:
        // sla.json (the largest single file) first, then the feeds, then one piece per page,
        // incident pages taking turns with the others so that two workers rarely create
        // folders in the same parent folder at once (which serialises them in the kernel).
        enum Work: Sendable {
            case slaJSON, feeds, calendarAndSchema, siteFiles
            case badges(plan: Int)
            /// A few pages in a row: one piece of work per page costs more than a kept page.
            case pages(ArraySlice<PageOutputs.Job>)
        }
        var others: [PageOutputs.Job] = [], incidents: [PageOutputs.Job] = []
        for job in pages.jobs {
            if case .incident = job { incidents.append(job) } else { others.append(job) }
        }
        var order: [PageOutputs.Job] = []
        order.reserveCapacity(pages.jobs.count)
        for k in 0..<max(others.count, incidents.count) {
            if k < others.count { order.append(others[k]) }
            if k < incidents.count { order.append(incidents[k]) }
        }
        // Badges read the site's titles and *now* besides their level.
        context.reuse?.scope(.badges, context.scope)
        var work: [Work] = [.slaJSON, .feeds, .calendarAndSchema, .siteFiles] + context.site.plans.indices.map(Work.badges)
        let chunk = context.reuse == nil ? 4 : 64
        for start in stride(from: 0, to: order.count, by: chunk) {
            work.append(.pages(order[start..<min(start + chunk, order.count)]))
        }
        let done = ParallelWork.map(work) { piece -> Result<[String], RenderError> in
            let files: [OutputFile]
            switch piece {
            case .slaJSON:
                let doc = SLAJSON.document(
                    site: context.site, figures: context.figures, urls: context.urls, updateHTML: context.updateHTML,
                    reuse: context.reuse)
                files = [OutputFile(path: "sla.json", bytes: doc.bytes(reserving: doc.estimatedSize))]
            case .feeds: files = MachineOutputs.feeds(context)
            case .calendarAndSchema: files = MachineOutputs.calendarAndSchema(context)
            case .siteFiles: files = pages.siteFiles()
            case .badges(let p): files = Badge.files(context, plan: p)
            case .pages(let jobs): files = jobs.map(pages.file)
            }
            if let problem = PageOutputs.uncontained(files) { return .failure(.theme(problem)) }
            for file in files {
                do { try emit(file) } catch { return .failure(.output(path: file.path, reason: error)) }
            }
            return .success(files.map(\.path))
        }
        var paths: [String] = []
        for piece in done { paths += try piece.get() }
        return paths
    }
}
