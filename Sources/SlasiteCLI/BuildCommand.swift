import ArgumentParser
import Foundation
import SiteBuild
import SiteContent

/// `slasite build`: validate, render and atomically replace the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate the site and write it to the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output folder (default: <source>/public). Replaced whole and atomically: only a folder a build wrote, an empty or a missing one, unless --force.")
    var output: String?

    @Flag(name: .long, help: "Replace an output folder that holds files no build wrote (never the site's own folder or its sources).")
    var force = false

    func run() throws {
        let now = try site.referenceTime()
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? site.sourceURL.appendingPathComponent("public", isDirectory: true)
        let t0 = Date()
        let result = BuildPipeline(logger: site.makeLogger()).run(
            BuildRequest(
                source: site.sourceURL, output: outputURL, baseURL: site.baseURL, now: now, force: force,
                outputShownAs: output.map { "--output " + $0 }
                    ?? "the output folder " + (site.source == "." ? "public" : site.source + "/public")))
        if let refusal = result.refusal {
            FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
            throw Exit.usage
        }
        DiagnosticPrinter(quiet: site.quiet, sources: result.sources).print(result.diagnostics)
        guard result.succeeded else { throw Exit.contentErrors }
        if !site.quiet {
            let ms = Int((Date().timeIntervalSince(t0) * 1000).rounded())
            print(BuildSummary(paths: result.paths).line(milliseconds: ms))
        }
    }
}
