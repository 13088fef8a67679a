import ArgumentParser
import Foundation
import SLACore
import SiteContent
import SiteRender

/// `slasite new site|plan|service|incident`: scaffolds that build at once and never overwrite.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a new site, plan, service or incident from a commented template.",
        subcommands: [NewSite.self, NewPlan.self, NewService.self, NewIncident.self])
}

/// Writes `text` to `url` unless something is already there.
func writeNew(_ text: String, to url: URL, displayPath: String) throws {
    let fm = FileManager.default
    if fm.fileExists(atPath: url.path) {
        FileHandle.standardError.write(Data("\(displayPath) already exists; not overwriting it\n".utf8))
        throw Exit.contentErrors
    }
    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    // Exclusive create: never replace a file that appeared meanwhile.
    try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    print("created \(displayPath)")
}

/// The first service of the site (by file name), for the examples in new plans and incidents.
func firstServiceID(in root: URL) -> String {
    SiteLoader.relativeFiles(under: root.appendingPathComponent("content/services"))
        .first { $0.hasSuffix(".md") && !$0.contains("/") }.map { String($0.dropLast(3)) } ?? "api"
}

/// Writes `text` as `relative` under the site folder `source`, never overwriting.
func writeNew(_ text: String, relative: String, source: String) throws {
    try writeNew(text, to: URL(fileURLWithPath: source, isDirectory: true).appendingPathComponent(relative), displayPath: relative)
}

func validateID(_ id: String, what: String) throws {
    guard !id.isEmpty, id.count <= 100, id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
        throw ValidationError("\(what) must use lowercase letters a-z, digits 0-9 and -, got \"\(id)\"")
    }
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "site", abstract: "Scaffold a site that builds at once.")

    @Argument(help: "Folder to create the site in (must not hold a site.yaml yet).")
    var directory: String

    func run() throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("site.yaml").path) {
            FileHandle.standardError.write(Data("\(directory)/site.yaml already exists; not overwriting the site\n".utf8))
            throw Exit.contentErrors
        }
        let now = Instant(seconds: Int64(Date().timeIntervalSince1970))
        let files: [(String, String)] = [
            ("site.yaml", Scaffold.site),
            ("content/terms.md", Scaffold.terms),
            ("content/services/api.md", Scaffold.service(id: "api")),
            ("content/plans/standard.md", Scaffold.plan(id: "standard", service: "api")),
            (
                "content/status/incidents/example-incident.md",
                Scaffold.incident(
                    service: "api", start: now, calendar: SiteCalendar(timeZone: TimeZone(identifier: "UTC")!), resolved: true, example: true)
            ),
            (".gitignore", "public/\n"),
        ]
        // Refuse before writing anything, so a refused scaffold never leaves half a site.
        let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        if !existing.isEmpty {
            FileHandle.standardError.write(Data("\(directory) already has \(existing.joined(separator: ", ")); not overwriting anything\n".utf8))
            throw Exit.contentErrors
        }
        for (path, text) in files {
            try writeNew(text, to: root.appendingPathComponent(path), displayPath: "\(directory)/\(path)")
        }
        print("next: cd \(directory) && slasite build")
    }
}

struct NewPlan: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Add content/plans/<id>.md.")

    @Argument(help: "Plan id (a-z, 0-9, -).") var id: String
    @Option(help: "The site folder.") var source: String = "."

    func run() throws {
        try validateID(id, what: "a plan id")
        let service = firstServiceID(in: URL(fileURLWithPath: source, isDirectory: true))
        try writeNew(Scaffold.plan(id: id, service: service), relative: "content/plans/\(id).md", source: source)
    }
}

struct NewService: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "service", abstract: "Add content/services/<id>.md.")

    @Argument(help: "Service id (a-z, 0-9, -).") var id: String
    @Option(help: "The site folder.") var source: String = "."

    func run() throws {
        try validateID(id, what: "a service id")
        try writeNew(Scaffold.service(id: id), relative: "content/services/\(id).md", source: source)
    }
}

struct NewIncident: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "incident", abstract: "Add content/status/incidents/<slug>.md, starting now.")

    @Argument(help: "Incident slug (a-z, 0-9, -), e.g. 2026-11-25-api-errors.") var slug: String
    @Option(help: "The site folder.") var source: String = "."
    @Option(help: "Start time (ISO 8601); default now.") var now: String?

    func run() throws {
        try validateID(slug, what: "an incident slug")
        let root = URL(fileURLWithPath: source, isDirectory: true)
        // The start is written in the site's own zone, read from site.yaml when it parses.
        var zone = TimeZone(identifier: "UTC")!
        if let bytes = try? Data(contentsOf: root.appendingPathComponent("site.yaml")) {
            let parsed = SiteParser.parse([SourceFile(path: "site.yaml", bytes: [UInt8](bytes)), SourceFile(path: "content/terms.md", text: "---\ntitle: x\n---\n")], options: .standard())
            if let z = parsed.site?.config.timeZone { zone = z }
        }
        var start = Instant(seconds: Int64(Date().timeIntervalSince1970))
        if let now {
            guard var local = LocalDateTime(iso8601: now) else { throw ValidationError("--now must be ISO 8601, got \"\(now)\"") }
            if local.utcOffset == nil { local.utcOffset = 0 }
            start = SiteCalendar(timeZone: zone).instant(local)
        }
        let service = firstServiceID(in: root)
        try writeNew(
            Scaffold.incident(service: service, start: start, calendar: SiteCalendar(timeZone: zone), resolved: false),
            relative: "content/status/incidents/\(slug).md", source: source)
    }
}
