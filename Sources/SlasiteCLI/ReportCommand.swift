import ArgumentParser
import Foundation
import SLACore
import SiteBuild
import SiteContent
import SiteRender

/// `slasite report` (docs/spec.md §5): the judged periods as CSV or JSON on standard output, for a
/// customer's claim or a finance export, from the build's own load, parse and compute steps.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the judged periods (plan, service, period, objective, uptime, downtime, met, credit, claim_by) as CSV or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var site: SiteOptions

    @Option(help: "Only this plan (its id).")
    var plan: String?

    @Option(help: "Only this service (its id).")
    var service: String?

    @Option(help: "csv (RFC 4180, with a header row) or json.")
    var format: Format = .csv

    @Option(help: "Only periods with a day on or after this date (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only periods with a day on or before this date (YYYY-MM-DD).")
    var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Self.day(value) == nil {
                throw ValidationError("\(name) must be a date like 2026-07-01, got \"\(value)\"")
            }
        }
        if let from, let to, let a = Self.day(from), let b = Self.day(to), b < a {
            throw ValidationError("--to \(to) is before --from \(from)")
        }
    }

    static func day(_ text: String) -> CalendarDay? {
        guard let local = LocalDateTime(iso8601: text), local.isDateOnly else { return nil }
        return CalendarDay(local)
    }

    func run() throws {
        let now = try site.referenceTime()
        var request = BuildRequest(source: site.sourceURL, output: nil, baseURL: site.baseURL, now: now)
        request.renders = false
        let result = BuildPipeline(logger: site.makeLogger()).run(request)
        let diagnostics = result.diagnostics.sortedForDisplay
        // Warnings only with --verbose: standard output is the report, standard error stays quiet.
        DiagnosticPrinter(quiet: !site.verbose, sources: result.sources).print(diagnostics)
        guard !diagnostics.hasErrors, let parsed = result.site, let figures = result.figures else { throw Exit.contentErrors }
        // An id that names nothing is a usage error, with the closest id.
        if let plan, !parsed.plans.contains(where: { $0.id == plan }) {
            throw ValidationError(Self.unknown("plan", plan, parsed.plans.map(\.id)))
        }
        if let service, !parsed.services.contains(where: { $0.id == service }) {
            throw ValidationError(Self.unknown("service", service, parsed.services.map(\.id)))
        }
        let report = PeriodReport(
            figures: figures,
            filter: .init(plan: plan, service: service, from: from.flatMap(Self.day), to: to.flatMap(Self.day)))
        switch format {
        case .csv: FileHandle.standardOutput.write(Data(report.csv.utf8))
        case .json: FileHandle.standardOutput.write(Data(report.json))
        }
    }

    static func unknown(_ what: String, _ id: String, _ ids: [String]) -> String {
        "unknown \(what) \"\(id)\"" + (Suggestion.hint(for: id, in: ids).map { " (\($0))" } ?? "")
    }
}
