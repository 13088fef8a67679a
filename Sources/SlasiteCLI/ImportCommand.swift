import ArgumentParser

/// `slasite import statuspage|prometheus`: status data from other systems (SPEC §5).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import status data from another system into the site's files.",
        // `prometheus` (branch prom) joins here.
        subcommands: [ImportStatuspageCommand.self])
}
