import BuildSupport
import Foundation
import Logging
import SLACore
import SiteContent
import SiteRender

/// What a build is asked to do.
public struct BuildRequest: Sendable {
    public var source: URL
    /// nil renders without writing (for `check` and preview).
    public var output: URL?
    public var baseURL: String?
    public var now: Instant
    /// The inputs and their stamps as the caller has just scanned them (preview), if any.
    public var listing: [String: FileStamp]?
    /// Replace an output folder that holds files no build wrote (`--force`; never the site or its sources).
    public var force: Bool
    /// The output folder as the user named it, for messages (default: its path).
    public var outputShownAs: String?
    /// False to stop after the figures (`slasite report`): load, parse and compute, no pages.
    public var renders = true

    public init(
        source: URL, output: URL?, baseURL: String? = nil, now: Instant, listing: [String: FileStamp]? = nil,
        force: Bool = false, outputShownAs: String? = nil
    ) {
        self.listing = listing
        self.force = force
        self.outputShownAs = outputShownAs
        self.source = source
        self.output = output
        self.baseURL = baseURL
        self.now = now
    }
}

/// What a build did: diagnostics, the files it produced and how long each step took.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// The files of an in-memory build (no output folder); empty when the build failed.
    public var files: [OutputFile]
    /// Every output path, sorted (also for builds written to a folder); empty when the build failed.
    public var paths: [String] = []
    public var site: Site?
    public var figures: SiteFigures?
    public var steps: [(name: String, seconds: Double)]
    /// The source files read.
    public var sourceFiles: [SourceFile] = []
    /// The source files read, by path (for excerpts under diagnostics); made when asked for.
    /// Samples files are not among them: they are decoded as they are read, and their bytes not kept.
    public var sources: [String: [UInt8]] {
        Dictionary(sourceFiles.filter { $0.samples == nil }.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    }
    /// Set when the output folder may not be replaced (docs/cli.md, "The output folder"):
    /// nothing was read or written. A usage error, not a content error.
    public var refusal: OutputFolder.Refusal?
    public var succeeded: Bool { refusal == nil && !diagnostics.hasErrors && !paths.isEmpty }
}

/// The build as named steps: load, parse, compute, render, write (STYLE: Publish's pipeline).
public struct BuildPipeline: Sendable {
    public let logger: Logger
    /// What earlier builds of the same site made (preview); nil for one-off builds.
    public let reuse: ReuseStore?

    public init(logger: Logger = Logger(label: "slasite.build"), reuse: ReuseStore? = nil) {
        self.logger = logger
        self.reuse = reuse
    }

    public func run(_ request: BuildRequest) -> BuildResult {
        let result = steps(request)
        reuse?.endBuild(succeeded: result.succeeded)
        return result
    }

    /// Computes every figure: each plan × service's months from its inputs, on all cores,
    /// kept by the preview under those inputs (docs/spec.md §3 is `SLAArithmetic`'s; this only schedules).
    public static func figures(for site: Site, now: Instant, reuse: (any Reusing)? = nil) -> SiteFigures {
        // The figures read the site without its texts (they are numbers: nothing in them comes
        // from a title or a report), so an edit to an incident's words keeps them whole. A kept
        // whole keeps every level's values it was made from for the next build that needs them.
        let input = FiguresInput(site: site, now: now)
        guard let store = reuse else { return levelFigures(for: input.site, now: now, reuse: nil) }
        var made = false
        let figures = store.value(.siteFigures, at: "figures", for: input) {
            made = true
            return levelFigures(for: input.site, now: now, reuse: reuse)
        }
        if !made { store.carry([.figures, .terms, .levels]) }
        return figures
    }

    /// `figures(for:now:reuse:)` level by level.
    private static func levelFigures(for site: Site, now: Instant, reuse: (any Reusing)?) -> SiteFigures {
        // Downtime from samples once per distinct input, kept under that input (its service's
        // samples included, compared whole).
        let plan = FiguresPlan(
            site: site, now: now,
            sampleDowntime: { inputs in
                var seen: [String: Int] = [:]
                let slots = inputs.map { input -> String in
                    seen[input.service, default: 0] += 1
                    return "samples " + input.service + " " + String(seen[input.service]!)
                }
                return ParallelWork.map(Array(zip(inputs, slots))) { input, slot in
                    reuse.value(.figures, at: slot, for: input) { SampleDowntime(input) }
                }
            },
            // Unchanged terms keep their storage from one preview build to the next, so every
            // key that holds them (figures, pages) compares them in constant time.
            resolveTerms: { layers, slot in reuse.value(.terms, at: slot, for: layers) { layers.resolved } })
        // Each level's inputs behind one reference, the last build's where equal (compared once,
        // here): its figures are then found by identity, and so is every page key holding the box.
        let levels = ParallelWork.map(plan.allInputs) { level -> (Shared<LevelInputs>, LevelFigures) in
            let box = reuse.value(.levels, at: level.slot, for: level.inputs) { Shared(level.inputs) }
            return (box, reuse.value(.figures, at: level.slot, for: box) { SLAArithmetic.levelFigures(box.value) })
        }
        return plan.figures(levels.map(\.1), boxes: levels.map(\.0))
    }

    private func steps(_ request: BuildRequest) -> BuildResult {
        let reuse: (any Reusing)? = self.reuse
        var result = BuildResult(diagnostics: [], files: [], site: nil, figures: nil, steps: [])
        let stepNames = request.output == nil ? 4 : 5
        func step<T>(_ index: Int, _ name: String, _ body: () throws -> T) rethrows -> T {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let value = try body()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            result.steps.append((name, seconds))
            logger.debug("[\(index)/\(stepNames)] \(name) \(String(format: "%.1f", seconds * 1000)) ms")
            return value
        }

        // Before anything is read: a build never replaces a folder it may not (OutputFolder).
        var permit: OutputFolder.Permit?
        if let output = request.output {
            switch OutputFolder.check(output, source: request.source, force: request.force, shownAs: request.outputShownAs) {
            case let .success(p): permit = p
            case let .failure(refusal):
                result.refusal = refusal
                return result
            }
        }
        var files: [SourceFile]
        do {
            files = try step(1, "load") { try SiteLoader.load(root: request.source, reuse: reuse, listing: request.listing) }
        } catch let refused as SiteLoader.Refused {
            result.diagnostics = refused.diagnostics
            return result
        } catch {
            result.diagnostics = [Diagnostic(.error, ".", 0, 0, "cannot read the site at \(request.source.path): \(error)")]
            return result
        }
        result.sourceFiles = files
        let parsed = step(2, "parse") { SiteParser.parse(files, options: .standard(baseURL: request.baseURL), reuse: reuse) }
        result.diagnostics = parsed.diagnostics
        guard let site = parsed.site else { return result }
        result.site = site
        result.diagnostics += Self.untranslatedStrings(site.config, files: files)
        let figures = step(3, "compute") { Self.figures(for: site, now: request.now, reuse: reuse) }
        result.figures = figures
        guard request.renders else { return result }
        let themeFiles = files.compactMap { file -> (String, [UInt8])? in
            if case let .theme(name, rel) = SourceKind.classify(file.path), name == site.config.theme { return (rel, file.bytes) }
            return nil
        }
        if site.config.theme != "default" && themeFiles.isEmpty {
            // A misspelt theme name would otherwise silently fall back to the built-in theme.
            let line = files.first { $0.path == "site.yaml" }.map { Self.line(of: "theme:", in: $0.bytes) } ?? 1
            result.diagnostics.append(
                Diagnostic(
                    .warning, "site.yaml", line, 1,
                    "theme \"\(site.config.theme)\" has no files in themes/\(site.config.theme)/; using the default theme"))
        }
        if reuse == nil && request.output != nil {
            // A one-off build to a folder lets go of the sources before the pages (the site holds
            // what it read from them), keeping those its messages quote and the theme's (a
            // template error names its file): on the 20 × 50 × 2,000 corpus that is 4 MB off the
            // peak. `check` keeps them all: its link and objective checks quote any file.
            let quoted = Set(result.diagnostics.map(\.file))
            let themeFolder = "themes/\(site.config.theme)/"
            files = files.filter { quoted.contains($0.path) || $0.path.hasPrefix(themeFolder) }
            result.sourceFiles = files
        }
        // Made inside the render step, whose time then covers Markdown and the preview's keys.
        func makeRenderer() -> SiteRenderer {
            SiteRenderer(
                site: site, figures: figures, themeOverrides: Dictionary(themeFiles, uniquingKeysWith: { a, _ in a }),
                reuse: reuse)
        }
        // Issue 26: every way rendering stops is named (RenderError has no catch-all case).
        func renderFailed(_ error: RenderError) {
            switch error {
            case let .theme(t):
                // The site's own theme file when it has one by that name, else the built-in theme's.
                let own = "themes/\(site.config.theme)/\(t.path)"
                let path = files.contains { $0.path == own } ? own : "(default theme) \(t.path)"
                result.diagnostics.append(Diagnostic(.error, path, t.line, t.column, t.message))
            case let .output(path, reason):
                // The writer's messages name the file; anything else is named here.
                let message = reason is AtomicFolderWriter.WriteError ? "\(reason)" : "\(path): \(reason)"
                result.diagnostics.append(Diagnostic(.error, request.output?.path ?? path, 0, 0, "cannot write the output: \(message)"))
            }
        }
        guard let output = request.output, let permit else {
            // In memory (check, preview): every file is kept.
            switch step(4, "render", { Result { () throws(RenderError) in try makeRenderer().render() } }) {
            case let .success(files):
                result.files = files
                result.paths = files.map(\.path)
            case let .failure(error):
                renderFailed(error)
            }
            return result
        }
        // To a folder: each file is written as soon as it is rendered, into a temporary folder
        // that replaces the output only when everything is there.
        let staging: AtomicFolderWriter.Staging
        do {
            staging = try AtomicFolderWriter(permit: permit).begin()
        } catch {
            result.diagnostics.append(Diagnostic(.error, output.path, 0, 0, "cannot write the output: \(error)"))
            return result
        }
        switch step(4, "render and write", { Result { () throws(RenderError) in try makeRenderer().render(emit: staging.write, pieces: staging.write(path:pieces:)) } }) {
        case let .success(paths): result.paths = paths
        case let .failure(error):
            staging.abandon()
            renderFailed(error)
            return result
        }
        do {
            try step(5, "swap in") { try staging.commit() }
        } catch {
            staging.abandon()
            if case let AtomicFolderWriter.WriteError.refused(refusal) = error {
                result.refusal = refusal
            } else {
                result.diagnostics.append(Diagnostic(.error, output.path, 0, 0, "cannot write the output: \(error)"))
            }
            result.paths = []
        }
        return result
    }
}

extension BuildPipeline {
    /// docs/spec.md §2: a string without a translation shows in the default language, and
    /// `check` says so once per language (at its `i18n/<code>.yaml`, else at site.yaml's
    /// `languages`), so `--strict` fails.
    static func untranslatedStrings(_ config: SiteConfig, files: [SourceFile]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (k, language) in config.languages.enumerated().dropFirst() {
            let missing = LanguageStrings.untranslated(k, of: config)
            guard !missing.isEmpty else { continue }
            let i18n = "i18n/\(language.code).yaml"
            let file = files.contains { $0.path == i18n } ? i18n : "site.yaml"
            let line = file == "site.yaml" ? files.first { $0.path == "site.yaml" }.map { Self.line(of: "languages:", in: $0.bytes) } ?? 1 : 1
            out.append(
                Diagnostic(
                    .warning, file, line, 1,
                    "\(missing.count) of \(StringTable.ids.count) strings have no \(language.code) translation and are shown in \(config.languages[0].name) (\(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? ", …" : ""))",
                    hint: "slasite ships de and fr; give the others in \(i18n)"))
        }
        return out
    }

    /// 1-based line of the first line starting with `prefix` (1 when there is none).
    static func line(of prefix: String, in bytes: [UInt8]) -> Int {
        var n = 1
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if line.starts(with: Array(prefix.utf8)) { return n }
            n += 1
        }
        return 1
    }
}

/// What the figures are computed from: the site without its texts (incident titles and
/// reports, the terms page, translations), and *now*. The figures read only this site, so it is
/// the complete key of the kept whole.
struct FiguresInput: Equatable, Sendable {
    let site: Site
    let now: Instant

    init(site: Site, now: Instant) {
        var bare = site
        bare.incidents = site.incidents.map { incident in
            var numbers = incident
            numbers.title = ""
            numbers.body = ""
            numbers.titleLanguage = nil
            return numbers
        }
        bare.terms = TermsPage(title: "", body: "")
        bare.translations = [:]
        self.site = bare
        self.now = now
    }
}
