import ArgumentParser
import Foundation
import Logging
import SLACore
import SiteBuild
import SiteContent

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding site.yaml and content/).")
    var source: String = "."

    @Option(name: .long, help: "Reference time (ISO 8601, e.g. 2026-11-24T00:00:00Z); default SOURCE_DATE_EPOCH, else the clock.")
    var now: String?

    @Option(name: .long, help: "Absolute URL the site is published at; overrides site.yaml's base_url.")
    var baseURL: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each build step and its time.")
    var verbose = false

    var sourceURL: URL { URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL }

    func validate() throws {
        if let now, LocalDateTime(iso8601: now) == nil {
            throw ValidationError("--now must be an ISO 8601 time like 2026-11-24T00:00:00Z, got \"\(now)\"")
        }
        if let baseURL, SiteConfigDecoder.normalizedBaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http or https URL, got \"\(baseURL)\"")
        }
    }

    /// docs/spec.md §3: *now* is `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
    func referenceTime(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Instant {
        if let now, let local = LocalDateTime(iso8601: now) {
            // A time without an offset is read as UTC: the site's zone is not known yet.
            var utc = local
            if utc.utcOffset == nil { utc.utcOffset = 0 }
            return SiteCalendar(timeZone: TimeZone(identifier: "UTC")!).instant(utc)
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds since 1970, got \"\(epoch)\"")
            }
            return Instant(seconds: seconds)
        }
        return Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    func makeLogger() -> Logger {
        var logger = Logger(label: "slasite") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = verbose ? .debug : .info
        return logger
    }
}
