import ArgumentParser
import Foundation
import Logging
import PreviewServer
import SLACore

/// `slasite serve`: preview with live reload.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Build into memory, serve on localhost, rebuild and reload on every change.")

    @Option(name: .long, help: "The site folder (holding site.yaml and content/).")
    var source: String = "."

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 1313

    @Option(name: .long, help: "Address to bind; only this machine can connect unless you change it.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Fixed reference time (ISO 8601); default the clock at each rebuild.")
    var now: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        if let now, LocalDateTime(iso8601: now) == nil {
            throw ValidationError("--now must be an ISO 8601 time like 2026-11-24T00:00:00Z, got \"\(now)\"")
        }
    }

    func run() async throws {
        var reference: Instant?
        if let now, var local = LocalDateTime(iso8601: now) {
            if local.utcOffset == nil { local.utcOffset = 0 }
            reference = SiteCalendar(timeZone: TimeZone(identifier: "UTC")!).instant(local)
        }
        var logger = Logger(label: "slasite") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        let server = PreviewServer(
            source: URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL, host: host, port: port,
            now: reference, logger: logger)
        do {
            try await server.run { url in
                FileHandle.standardOutput.write(Data("serving \(url)  (Ctrl-C to stop)\n".utf8))
            }
        } catch let error as PreviewServer.ServeError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw Exit.usage
        }
    }
}
