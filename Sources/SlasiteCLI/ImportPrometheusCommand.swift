import ArgumentParser
import Foundation
import PrometheusImport
import SLACore
import SiteContent
import SiteRender

/// `slasite import prometheus`: request and error counts per interval from a Prometheus-compatible
/// API, merged into `content/status/samples/<service>.csv` (docs/spec.md §5).
struct ImportPrometheusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prometheus",
        abstract: "Merge request and error counts per interval from a Prometheus-compatible API into content/status/samples/<service>.csv.",
        discussion: """
            A query's value at time t is the row of the interval that ends at t. Both
            queries must give one series of whole numbers: requests over one interval,
            e.g. for --interval 1m:
              --total 'sum(round(increase(http_requests_total[1m])))'
              --errors 'sum(round(increase(http_requests_total{code=~"5.."}[1m])))'
            Rows from --from to --to are replaced; the file's other rows are kept.
            See docs/cli.md.
            """)

    @Option(help: "The site folder.")
    var source: String = "."

    @Option(help: "Base URL of the API, e.g. http://localhost:9090 (a path prefix is kept; user:password@ is sent as basic auth).")
    var url: String

    @Option(help: "The service id (content/services/<id>.md).")
    var service: String

    @Option(help: "PromQL: requests per interval, one series of whole numbers.")
    var total: String

    @Option(help: "PromQL: failed requests per interval, one series of whole numbers.")
    var errors: String

    @Option(help: "First day or time to import (a day, or a time without an offset, is read in the site's time zone).")
    var from: String

    @Option(help: "Last day to import (included), or the time to stop at (excluded).")
    var to: String

    @Option(help: "Length of one row: 1m, 5m, 10m, 15m or 30m.")
    var interval: String = "1m"

    @Option(help: "Seconds to wait for each request's answer.")
    var timeout: Int = 120

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func validate() throws {
        guard SampleInterval(interval) != nil else {
            throw ValidationError("--interval must be one of 1m, 5m, 10m, 15m, 30m, got \"\(interval)\"")
        }
        guard PrometheusHTTPSource.isValidURL(url) else {
            throw ValidationError("--url must be an absolute http or https URL without ? or #, e.g. http://localhost:9090, got \"\(url)\"")
        }
        guard (1...3600).contains(timeout) else {
            throw ValidationError("--timeout must be a whole number of seconds from 1 to 3600, got \(timeout)")
        }
        for (option, query) in [("--total", total), ("--errors", errors)] where query.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("\(option) must be a PromQL query")
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL
        let calendar = try siteCalendar(root: root)
        try checkService(root: root)
        let step = SampleInterval(interval)!
        let now = Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
        let range: ImportRange
        switch ImportRange.make(from: from, to: to, interval: step, calendar: calendar, now: now) {
        case let .success(r): range = r
        case let .failure(problem): throw usageError(problem.description)
        }
        if !quiet {
            for warning in ImportRange.wallTimeWarnings(from: from, to: to, calendar: calendar) { warn(warning) }
            for (role, query) in [("total", total), ("errors", errors)] {
                for selector in rangeSelectorSeconds(in: query) where selector.seconds != step.seconds {
                    warn("the \(role) query's range [\(selector.text)] is not --interval \(step): each row would count \(selector.text) of requests")
                }
            }
        }

        // The file the import merges into must read cleanly first: nothing is written otherwise.
        let relative = "content/status/samples/\(service).csv"
        let file: SamplesFile
        switch SamplesFile.read(at: root.appendingPathComponent(relative), displayPath: relative) {
        case let .success(f): file = f
        case let .failure(unreadable):
            DiagnosticPrinter(sources: [relative: unreadable.bytes]).print(unreadable.diagnostics)
            FileHandle.standardError.write(Data("error: \(relative) must be fixed before importing into it; nothing was written\n".utf8))
            throw Exit.contentErrors
        }

        let server = PrometheusHTTPSource(url: url, timeoutSeconds: Int64(timeout))!
        let result = await SamplesImport.fetch(
            SamplesImport.Request(totalQuery: total, errorsQuery: errors, range: range), from: server)
        await server.shutdown()
        let fetched: SamplesImport.Fetched
        switch result {
        case let .success(f): fetched = f
        case let .failure(failure):
            printProblems(failure.problems)
            throw Exit.contentErrors
        }
        if !quiet { for w in fetched.warnings { warn("\(server.displayURL) says: \(w)") } }

        let outcome: SamplesFile.Outcome
        do {
            outcome = try file.write(merging: fetched.rows, in: range)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw Exit.contentErrors
        }
        guard !quiet else { return }
        let what = "\(fetched.rows.count) rows from \(range.from.rfc3339) to \(range.to.rfc3339) (\(fetched.requests) requests)"
        switch outcome {
        case let .written(c):
            print("\(relative): \(what): \(c.added) added, \(c.replaced) replaced, \(c.removed) removed, \(c.kept) kept")
        case let .unchanged(c):
            print("\(relative) unchanged: \(what), \(c.kept) kept")
        case .notCreated:
            print("\(relative) not created: no requests from \(range.from.rfc3339) to \(range.to.rfc3339) (\(fetched.requests) requests)")
        }
    }

    /// The site's calendar, from site.yaml (its errors stop the import).
    func siteCalendar(root: URL) throws -> SiteCalendar {
        guard let bytes = FileManager.default.contents(atPath: root.appendingPathComponent("site.yaml").path) else {
            FileHandle.standardError.write(Data("error: no site.yaml in \(source): is --source the site folder?\n".utf8))
            throw Exit.contentErrors
        }
        let parsed = SiteParser.parse(
            [SourceFile(path: "site.yaml", bytes: [UInt8](bytes)), SourceFile(path: "content/terms.md", text: "---\ntitle: x\n---\n")],
            options: .standard())
        let problems = parsed.diagnostics.filter { $0.file == "site.yaml" && $0.severity == .error }
        guard problems.isEmpty, let calendar = parsed.site?.config.calendar else {
            DiagnosticPrinter(sources: ["site.yaml": [UInt8](bytes)]).print(problems)
            throw Exit.contentErrors
        }
        return calendar
    }

    /// `--service` names a file in content/services/ (with a "did you mean" when it does not).
    func checkService(root: URL) throws {
        let ids = SiteLoader.relativeFiles(under: root.appendingPathComponent("content/services"))
            .filter { $0.hasSuffix(".md") && !$0.contains("/") }.map { String($0.dropLast(3)) }
        guard !ids.contains(service) else { return }
        var message = "--service \"\(service)\" is not a service of this site (content/services/\(service).md does not exist)"
        if let hint = Suggestion.hint(for: service, in: ids) {
            message += "; \(hint)"
        } else if !ids.isEmpty {
            message += "; the services are \(ids.joined(separator: ", "))"
        }
        throw usageError(message)
    }

    /// Every problem, up to a screenful: a month of bad values would otherwise be 44,640 lines.
    func printProblems(_ problems: [ImportProblem]) {
        let shown = 20
        var text = ""
        for p in problems.prefix(shown) { text += "error: \(p)\n" }
        if problems.count > shown { text += "error: … and \(problems.count - shown) more problems\n" }
        text += "nothing was written\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints a usage error found after parsing (it needs the site) as ArgumentParser prints its own.
    func usageError(_ message: String) -> ExitCode {
        let usage = SlasiteCommand.usageString(for: Self.self)
        let text = "Error: \(message)\nUsage: \(usage)\n  See 'slasite import prometheus --help' for more information.\n"
        FileHandle.standardError.write(Data(text.utf8))
        return Exit.usage
    }

    func warn(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
    }
}
