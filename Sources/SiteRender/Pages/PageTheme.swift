import Foundation
import Synchronization
import Mustache
import SLACore

/// An error in a theme file, named by its path in the theme (and its position, when known).
public struct ThemeError: Error, CustomStringConvertible, Equatable {
    public var path: String
    /// 1-based; 0 when the error has no position in the file.
    public var line: Int = 0
    public var column: Int = 0
    public var message: String
    public var description: String { line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)" }
}

/// The compiled theme of a build: default files overlaid by the site's theme folder, compiled once.
struct PageTheme: Sendable {
    /// Every template, registered under its path without `.mustache` (partials as `partials/x`).
    let library: MustacheLibrary
    /// Static files under `assets/`, already renamed with a content hash where applicable.
    let assets: [OutputFile]
    /// Root-relative URL of the stylesheet, with its content hash.
    let stylesheetHref: String
    /// The same templates for the fast renderer; nil when one uses something only swift-mustache
    /// renders (or when a test asks for swift-mustache alone).
    let compiled: CompiledTemplates?
    /// How many renders fell back from the fast renderer to swift-mustache (tests require none
    /// for every page of the default theme: the fast path reads swift-mustache's token tree,
    /// which is not public API, so a change there must fail a test, not slow pages silently).
    let fallbacks = FallbackCount()

    /// The names each typed page template may read: its view model's and the layout's.
    static let viewSchemas: [(String, [String: TemplateSchema])] = {
        func names(_ schema: TemplateSchema) -> [String: TemplateSchema] {
            if case let .record(names) = schema { return names }
            return [:]
        }
        let layout = names(SiteLayoutView.schema).merging(names(NavView.schema)) { a, _ in a }
            .merging(names(LayoutView.schema)) { a, _ in a }
            .merging(["t": .record(Dictionary(uniqueKeysWithValues: StringID.allCases.map { ($0.rawValue, TemplateSchema.value) }))]) { a, _ in a }
        return [
            ("home", layout.merging(names(HomeView.schema)) { a, _ in a }),
            ("plan", layout.merging(names(PlanView.schema)) { a, _ in a }),
            ("details", layout.merging(names(DetailsView.schema)) { a, _ in a }),
            ("status", layout.merging(names(StatusView.schema)) { a, _ in a }),
            ("version", layout.merging(names(VersionView.schema)) { a, _ in a }),
        ]
    }()

    /// The page templates every theme must provide.
    static let pageTemplates = ["home", "plan", "details", "terms", "status", "incident", "version", "404"]

    /// Compiles the default theme, replacing files by relative path with `overrides`.
    /// - Parameter compile: false renders every page with swift-mustache alone (tests compare both).
    init(overrides: [String: [UInt8]], urls: SiteURLs, compile: Bool = true) throws(ThemeError) {
        var files: [String: [UInt8]] = [:]
        for (path, text) in DefaultTheme.files { files[path] = Array(text.utf8) }
        for (path, bytes) in overrides { files[path] = bytes }

        _ = FastHTMLContentType.registered
        var library = MustacheLibrary()
        var assets: [OutputFile] = []
        var stylesheet: String?
        var names: [String] = []
        for path in files.keys.sorted() {
            let bytes = files[path]!
            if path.hasSuffix(".mustache") {
                guard let text = String(bytes: bytes, encoding: .utf8) else {
                    throw ThemeError(path: path, message: "template is not valid UTF-8")
                }
                do {
                    let name = String(path.dropLast(".mustache".count))
                    try library.register(FastHTMLContentType.pragma + text, named: name)
                    names.append(name)
                } catch let error as MustacheTemplate.ParserError {
                    // Positions are swift-mustache's, less the line our content-type pragma adds.
                    throw ThemeError(
                        path: path, line: max(1, error.context.lineNumber - 1), column: max(1, error.context.columnNumber),
                        message: "cannot parse the template: \(Self.describe(error.error))")
                } catch {
                    throw ThemeError(path: path, message: "cannot parse the template: \(error)")
                }
            } else if path.hasPrefix("assets/") {
                let output = path.hasSuffix(".css") ? ContentHash.hashedName(path, bytes: bytes) : path
                let file = OutputFile(path: output, bytes: bytes)
                guard file.isContained else { throw ThemeError(path: path, message: "asset path leaves the output folder") }
                assets.append(file)
                if path == "assets/style.css" { stylesheet = output }
            }
        }
        for name in Self.pageTemplates + ["layout"] where library.getTemplate(named: name) == nil {
            throw ThemeError(path: "\(name).mustache", message: "the theme has no \(name) template")
        }
        // The pages with typed view models read only names their view model (and the layout's) has.
        var sources: [String: String] = [:]
        for path in files.keys where path.hasSuffix(".mustache") {
            sources[String(path.dropLast(".mustache".count))] = String(decoding: files[path]!, as: UTF8.self)
        }
        if let missing = TemplateIncludes.missing(sources) { throw missing }
        if let loop = TemplateIncludes.cycle(sources, overridden: Set(overrides.keys)) { throw loop }
        for (name, schema) in Self.viewSchemas {
            if let problem = TemplateCheck.check(name, sources: sources, schema: schema) { throw problem }
        }
        guard let stylesheet else { throw ThemeError(path: "assets/style.css", message: "the theme has no stylesheet") }
        self.library = library
        self.compiled = compile ? CompiledTemplates(library: library, names: names) : nil
        self.assets = assets
        self.stylesheetHref = urls.link(stylesheet)
    }

    /// swift-mustache's parse errors in words.
    static func describe(_ error: any Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": "a section is closed with a name that does not match its opening tag"
        case "unfinishedName": "a tag is not closed with }}"
        case "expectedSectionEnd": "a section is opened but never closed"
        case "invalidSetDelimiter": "an invalid set-delimiter tag"
        case "invalidConfigVariableSyntax", "unrecognisedConfigVariable": "an invalid {{% pragma }} tag"
        case "transformAppliedToPartial", "transformAppliedToInheritanceBlock": "a transform cannot apply to a partial or block"
        case "illegalTokenInsideInheritSection", "textInsideInheritSection":
            "only blocks may appear inside an inheriting partial"
        case let other: other
        }
    }

    /// Renders template `name` with a dictionary context.
    func render(_ name: String, _ context: [String: Any]) -> String {
        if let compiled, let text = try? compiled.render(name, context) { return text }
        if compiled != nil { fallbacks.add() }
        return library.render(context, withTemplate: name) ?? ""
    }

    /// Renders page template `name` with a page's layered context (`PageContext`).
    func renderBytes(_ name: String, page: PageContext) -> [UInt8] {
        if let compiled, let bytes = try? compiled.renderBytes(name, page: page) { return bytes }
        if compiled != nil { fallbacks.add() }
        return Array((library.render(page.merged(), withTemplate: name) ?? "").utf8)
    }

    /// `render` as UTF-8 bytes (pages go to files as bytes; this skips a copy and a validation).
    func renderBytes(_ name: String, _ context: [String: Any]) -> [UInt8] {
        if let compiled, let bytes = try? compiled.renderBytes(name, context) { return bytes }
        if compiled != nil { fallbacks.add() }
        return Array((library.render(context, withTemplate: name) ?? "").utf8)
    }
}

/// Content hashes for cache-busting asset names (FNV-1a, 64 bit: stable across runs and platforms).
public enum ContentHash {
    /// 16 hex digits of the FNV-1a hash of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// `assets/style.css` → `assets/style.0123456789abcdef.css`.
    static func hashedName(_ path: String, bytes: [UInt8]) -> String {
        let hash = String(hex(bytes).prefix(12))
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + hash }
        return path[..<dot] + "." + hash + path[dot...]
    }
}

/// A count shared by the workers rendering pages.
final class FallbackCount: Sendable {
    private let count = Atomic<Int>(0)

    func add() { count.add(1, ordering: .relaxed) }

    var value: Int { count.load(ordering: .relaxed) }
}
