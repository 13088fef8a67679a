import ArgumentParser
import Foundation
import SiteContent
import StatuspageImport

#if canImport(Glibc)
    import Glibc
#endif

/// `slasite import statuspage [--source DIR] FILE…`: Statuspage API v2 JSON to incident files.
struct ImportStatuspageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statuspage",
        abstract: "Turn Statuspage API v2 JSON (incidents.json, scheduled-maintenances.json, or one incident) into incident files.")

    @Option(name: .long, help: "The site folder (holding site.yaml and content/).")
    var source: String = "."

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Argument(help: "Statuspage API v2 JSON files.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one Statuspage JSON file, e.g. incidents.json") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL
        var exports: [(name: String, bytes: [UInt8])] = []
        var unreadable: [Diagnostic] = []
        for name in files {
            if let data = FileManager.default.contents(atPath: name) {
                exports.append((name, [UInt8](data)))
            } else {
                unreadable.append(Diagnostic(.error, name, 0, 0, "cannot read this file"))
            }
        }
        let site: [SourceFile]
        do {
            site = try SiteLoader.load(root: root)
        } catch let refused as SiteLoader.Refused {
            DiagnosticPrinter().print(refused.diagnostics.sortedForDisplay)
            throw Exit.contentErrors
        }
        let plan = StatuspageImporter.plan(StatuspageImportRequest(exports: exports, site: site))
        var sources: [String: [UInt8]] = Dictionary(exports.map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        for f in site { sources[f.path] = f.bytes }
        for (path, text) in plan.made { sources[path] = Array(text.utf8) }
        let diagnostics = (unreadable + plan.diagnostics).sortedForDisplay
        DiagnosticPrinter(quiet: quiet, sources: sources).print(diagnostics)
        guard !diagnostics.hasErrors else {
            FileHandle.standardError.write(Data("nothing was written\n".utf8))
            throw Exit.contentErrors
        }
        // Every file was made and checked above; each is now replaced whole (temporary file, rename).
        for w in plan.writes {
            try Self.writeAtomically(w.text, to: root.appendingPathComponent(w.path))
        }
        if quiet { return }
        for e in plan.entries { print(Self.line(e)) }
        print(Self.summary(plan.entries))
    }

    static func line(_ e: StatuspageImportPlan.Entry) -> String {
        let what = "Statuspage \(e.statuspageID) \(PlainText.yamlQuoted(e.name))"
        switch e.action {
        case .added: return "added \(e.path!) (\(what))"
        case .changed: return "changed \(e.path!) (\(what))"
        case .unchanged: return "unchanged \(e.path!)"
        case .keptEdited, .keptHandWritten: return "kept \(e.path!): \(e.reason ?? "") (\(what) not imported)"
        case .skipped: return "skipped \(what): \(e.reason ?? "")"
        }
    }

    static func summary(_ entries: [StatuspageImportPlan.Entry]) -> String {
        func n(_ a: StatuspageImportPlan.Action...) -> Int { entries.filter { a.contains($0.action) }.count }
        return "\(entries.count) Statuspage incident\(entries.count == 1 ? "" : "s"): \(n(.added)) added, \(n(.changed)) changed, "
            + "\(n(.unchanged)) unchanged, \(n(.keptEdited, .keptHandWritten)) kept, \(n(.skipped)) skipped"
    }

    /// Writes `text` beside `url` and renames it over `url`, so a reader never sees half a file.
    static func writeAtomically(_ text: String, to url: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).slasite-tmp-\(getpid())")
        try Data(text.utf8).write(to: temp)
        guard rename(temp.path, url.path) == 0 else {
            let code = errno
            try? fm.removeItem(at: temp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
    }
}
