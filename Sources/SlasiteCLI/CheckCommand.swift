import ArgumentParser
import Foundation
import SiteBuild
import SiteContent

/// `slasite check`: everything `build` validates, writing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate content and internal links without writing anything.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let now = try site.referenceTime()
        let result = BuildPipeline(logger: site.makeLogger()).run(
            BuildRequest(source: site.sourceURL, output: nil, baseURL: site.baseURL, now: now))
        var diagnostics = result.diagnostics
        if result.succeeded, let parsed = result.site {
            diagnostics += LinkChecker.check(result.files, site: parsed, sources: result.sources)
            if let figures = result.figures {
                diagnostics += QuotedObjectives.check(site: parsed, figures: figures, sources: result.sources)
            }
        }
        diagnostics = diagnostics.sortedForDisplay
        DiagnosticPrinter(quiet: site.quiet, sources: result.sources).print(diagnostics)
        if diagnostics.hasErrors || (strict && !diagnostics.warnings.isEmpty) { throw Exit.contentErrors }
        guard !site.quiet else { return }
        // Issue 26, point 4: the summary never says "no problems" after listing warnings.
        let warnings = diagnostics.warnings.count
        print(
            warnings == 0
                ? "no problems found in \(result.files.count) files"
                : "\(warnings) warning\(warnings == 1 ? "" : "s"), no errors, in \(result.files.count) files")
    }
}
