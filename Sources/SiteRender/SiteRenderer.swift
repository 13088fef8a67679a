import BuildSupport
import Foundation
import SLACore

/// Turns a validated site and its figures into the files of the output folder. Writes nothing.
public struct SiteRenderer: Sendable {
    /// The default language's context.
    public var context: RenderContext { contexts[0] }
    /// One context per language (docs/spec.md §4 Languages), the default first; every one reads
    /// the same `figures` value: they are computed once per build, whatever the languages.
    public let contexts: [RenderContext]

    /// - Parameter reuse: the preview's store of what earlier builds made; nil in a one-off build.
    public init(site: Site, figures: SiteFigures, themeOverrides: [String: [UInt8]] = [:], reuse: (any Reusing)? = nil) {
        let first = RenderContext(site: site, figures: figures, themeOverrides: themeOverrides, reuse: reuse)
        var contexts = [first]
        for (k, language) in site.config.languages.enumerated().dropFirst() {
            // Each other language keeps its pages apart in the preview's store, so an edit of
            // one language's text rebuilds that language's pages only.
            let partition = reuse.map { PartitionedReuse($0, partition: language.code) as any Reusing }
            contexts.append(
                RenderContext(
                    site: site, figures: figures, themeOverrides: themeOverrides, reuse: partition, language: k, shared: first))
        }
        self.contexts = contexts
        translations = site.translations
    }

    /// The site's translations, for sla.json's `titles`.
    private let translations: [String: SiteTranslation]

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

    /// Writes a file in pieces: `path`, then `make`, which hands the file's bytes to its argument
    /// in order. Throws what writing them met.
    public typealias PieceWriter = @Sendable (_ path: String, _ make: (_ put: ([UInt8]) -> Void) -> Void) throws -> Void

    /// `render(emit:)`, with sla.json written through `pieces` as it is serialized rather than
    /// made whole first: on a large site it is tens of MB (issue 23, peak memory).
    public func render(emit: @Sendable (OutputFile) throws -> Void, pieces: PieceWriter?) throws(RenderError) -> [String] {
        try renderUnsorted(emit: emit, pieces: pieces).sorted()
    }

    /// `render(emit:)` with the paths in the order they were made.
    private func renderUnsorted(emit: @Sendable (OutputFile) throws -> Void, pieces: PieceWriter? = nil) throws(RenderError) -> [String] {
        let contexts = self.contexts
        let context = contexts[0]
        var made: [PageOutputs.Run] = []
        do throws(ThemeError) {
            for c in contexts { made.append(try PageOutputs.Run(c)) }
        } catch {
            throw .theme(error)
        }
        let runs = made
        // One flat list of independent pieces of work, so both cores stay busy to the end:
        // sla.json (the largest single file) first, then the feeds, then one piece per page,
        // incident pages taking turns with the others (the writer makes each worker's page
        // folders apart, so the order is no longer needed for the kernel; it mixes page sizes).
        enum Work: Sendable {
            case slaJSON, siteFiles
            case feeds(language: Int), calendarAndSchema(language: Int)
            case badges(plan: Int)
            /// A few pages in a row of one language: one piece of work per page costs more than a kept page.
            case pages(language: Int, ArraySlice<PageOutputs.Job>)
        }
        // Badges read the site's titles and *now* besides their level.
        context.reuse?.scope(.badges, context.scope)
        var work: [Work] = [.slaJSON] + contexts.indices.map { Work.feeds(language: $0) }
            + contexts.indices.map { Work.calendarAndSchema(language: $0) } + [.siteFiles]
            + context.site.plans.indices.map(Work.badges)
        let chunk = context.reuse == nil ? 4 : 64
        for (k, run) in runs.enumerated() {
            var others: [PageOutputs.Job] = [], incidents: [PageOutputs.Job] = []
            for job in run.jobs {
                if case .incident = job { incidents.append(job) } else { others.append(job) }
            }
            var order: [PageOutputs.Job] = []
            order.reserveCapacity(run.jobs.count)
            for i in 0..<max(others.count, incidents.count) {
                if i < others.count { order.append(others[i]) }
                if i < incidents.count { order.append(incidents[i]) }
            }
            for start in stride(from: 0, to: order.count, by: chunk) {
                work.append(.pages(language: k, order[start..<min(start + chunk, order.count)]))
            }
        }
        let done = ParallelWork.map(work) { piece -> Result<[String], RenderError> in
            var files: [OutputFile] = []
            // Files written in pieces as they were made (a one-off build's sla.json and claims.ics).
            var streamed: [String] = []
            func stream(_ path: String, _ make: (_ put: ([UInt8]) -> Void) -> Void) -> RenderError? {
                guard let pieces, context.reuse == nil else { return nil }
                do { try pieces(path, make) } catch { return .output(path: path, reason: error) }
                streamed.append(path)
                return nil
            }
            switch piece {
            case .slaJSON:
                let doc = SLAJSON.document(
                    site: context.site, figures: context.figures, urls: context.urls, updateHTML: context.updateHTML,
                    reuse: context.reuse, languageTitles: SLAJSON.titles(contexts, translations: translations))
                if let failed = stream("sla.json", { doc.write(to: $0) }) { return .failure(failed) }
                if streamed.isEmpty {
                    // The preview keeps the bytes under the document: an edit that changes no
                    // service or incident object (its pieces are kept too) does not write it again.
                    let bytes = context.reuse.value(.machine, at: "sla.json", for: SameJSON(doc)) { doc.bytes(reserving: doc.estimatedSize) }
                    files = [OutputFile(path: "sla.json", bytes: bytes)]
                }
            case .feeds(let k): files = MachineOutputs.feeds(contexts[k])
            case .calendarAndSchema(let k):
                let claims = contexts[k].urls.inLanguage(ClaimsCalendar.path)
                if let failed = stream(claims, { ClaimsCalendar.write(contexts[k], to: $0) }) { return .failure(failed) }
                files = MachineOutputs.calendarAndSchema(contexts[k], claimsWritten: !streamed.isEmpty)
            case .siteFiles: files = runs[0].siteFiles(languages: runs)
            case .badges(let p): files = Badge.files(context, plan: p)
            case .pages(let k, let jobs): files = jobs.map(runs[k].file)
            }
            if let problem = PageOutputs.uncontained(files) { return .failure(.theme(problem)) }
            for file in files {
                do { try emit(file) } catch { return .failure(.output(path: file.path, reason: error)) }
            }
            return .success(streamed + files.map(\.path))
        }
        var paths: [String] = []
        for piece in done { paths += try piece.get() }
        return paths
    }
}

/// A JSON document as a key: equal when the trees are the same (`JSONValue.isSame`), which is
/// cheap for trees of kept pieces, unlike comparing their serializations.
struct SameJSON: Equatable, Sendable {
    let value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    static func == (a: SameJSON, b: SameJSON) -> Bool { a.value.isSame(as: b.value) }
}
