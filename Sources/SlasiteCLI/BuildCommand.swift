import ArgumentParser
import Foundation
import SiteBuild
import SiteContent

/// `slasite build`: validate, render and atomically replace the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate the site and write it to the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output folder (default: <source>/public). Replaced atomically.")
    var output: String?

    func run() throws {
        let now = try site.referenceTime()
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? site.sourceURL.appendingPathComponent("public", isDirectory: true)
        try Self.checkOutputIsSafe(outputURL, source: site.sourceURL)
        let t0 = Date()
        let result = BuildPipeline(logger: site.makeLogger()).run(
            BuildRequest(source: site.sourceURL, output: outputURL, baseURL: site.baseURL, now: now))
        DiagnosticPrinter(quiet: site.quiet, sources: result.sources).print(result.diagnostics)
        guard result.succeeded else { throw Exit.contentErrors }
        if !site.quiet {
            let ms = Int((Date().timeIntervalSince(t0) * 1000).rounded())
            print(BuildSummary(paths: result.paths).line(milliseconds: ms))
        }
    }

    /// The output folder is replaced whole, so it must not be, or contain, the source folder.
    static func checkOutputIsSafe(_ output: URL, source: URL) throws {
        let out = output.resolvingSymlinksInPath().path
        let src = source.resolvingSymlinksInPath().path
        if out == src || src.hasPrefix(out.hasSuffix("/") ? out : out + "/") || out == "/" {
            throw ValidationError("--output \(output.path) would replace the site's own folder; choose a folder inside or beside it, like public/")
        }
    }
}
