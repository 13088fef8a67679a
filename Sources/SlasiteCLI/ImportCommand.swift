import ArgumentParser

/// `slasite import …`: status data from other tools, merged into the site's content.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import status data from other tools into content/status/.",
        subcommands: [ImportPrometheusCommand.self, ImportStatuspageCommand.self])
}
