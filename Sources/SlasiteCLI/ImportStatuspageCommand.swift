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
        abstract: "Turn Statuspage API v2 JSON (incidents.json, scheduled-maintenances.json, or one incident) into incident files.",
        discussion: """
            Components map to services through site.yaml:
              import: {statuspage: {components: {"API": api, "Marketing website": null}}}
            (a component's name or id; null leaves it out). Each incident is written to
            content/status/incidents/<day>-<name>.md, marked `imported`. A re-run rewrites
            only the files it wrote and nobody edited since, and lists what it added,
            changed, left unchanged, kept or skipped. Any error: nothing is written.
            See docs/cli.md.
            """)

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
        // Every file was made and checked above; each is now written whole (temporary file, then
        // rename over a file it wrote before, or link to a new name, which never replaces one).
        let added = Set(plan.entries.filter { $0.action == .added }.compactMap(\.path))
        for w in plan.writes {
            try Self.writeAtomically(w.text, to: root.appendingPathComponent(w.path), replacing: !added.contains(w.path), display: w.path)
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

    /// Writes `text` beside `url` and renames it over `url` (or, when not `replacing`, links it
    /// to `url`, which fails if a file appeared there meanwhile), so no reader sees half a file.
    static func writeAtomically(_ text: String, to url: URL, replacing: Bool, display: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).slasite-tmp-\(getpid())")
        try Data(text.utf8).write(to: temp)
        defer { if !replacing { try? fm.removeItem(at: temp) } }
        let ok = replacing ? rename(temp.path, url.path) == 0 : link(temp.path, url.path) == 0
        guard ok else {
            let code = errno
            if replacing { try? fm.removeItem(at: temp) }
            let why = code == EEXIST ? "a file appeared there meanwhile; not overwriting it" : String(cString: strerror(code))
            FileHandle.standardError.write(Data("\(display):0:0: cannot write: \(why)\n".utf8))
            throw Exit.contentErrors
        }
    }
}
