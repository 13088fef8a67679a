import ArgumentParser
import Foundation

/// The `slasite` command line (docs/spec.md §5).
public struct SlasiteCommand: AsyncParsableCommand {
    /// `<version> (commit <id>)`: the version follows the git tags (Version.swift, scripts/dist.sh).
    public static let version = "\(releaseVersion) (commit \(releaseCommit))"

    public static let configuration = CommandConfiguration(
        commandName: "slasite",
        abstract: "Build public SLA pages, feeds and sla.json from plain files.",
        version: version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self, ReportCommand.self],
        defaultSubcommand: nil)

    public init() {}

    /// Runs the command line and exits: 0 on success, 1 on content errors, 2 on usage errors.
    public static func runAndExit(arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            // ArgumentParser reports usage errors as 64; slasite promises 2 for them.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Exit statuses of slasite.
enum Exit {
    static let contentErrors = ExitCode(1)
    static let usage = ExitCode(2)
}
