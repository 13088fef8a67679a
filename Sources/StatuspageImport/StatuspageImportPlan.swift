import SLACore
import SiteContent

/// What `slasite import statuspage` reads: the exports and the site as it is.
public struct StatuspageImportRequest: Sendable {
    /// Each export's name (as given on the command line) and bytes.
    public var exports: [(name: String, bytes: [UInt8])]
    /// Every source file of the site (`SiteLoader.load`), paths relative to the site folder.
    public var site: [SourceFile]

    public init(exports: [(name: String, bytes: [UInt8])], site: [SourceFile]) {
        self.exports = exports
        self.site = site
    }
}

/// What the import would do, decided before anything is written.
public struct StatuspageImportPlan: Sendable {
    public enum Action: String, Sendable {
        case added, changed, unchanged
        /// An imported file edited since: left as it is.
        case keptEdited
        /// A hand-written file at the incident's path: left as it is, the incident not imported.
        case keptHandWritten
        /// The incident affects no mapped service.
        case skipped
    }

    public struct Entry: Sendable, Equatable {
        public var action: Action
        public var statuspageID: String
        public var name: String
        /// The incident file, relative to the site folder (nil when skipped).
        public var path: String?
        /// The text to write (for `added` and `changed`).
        public var text: String?
        /// Why it was kept or skipped.
        public var reason: String?
    }

    public var entries: [Entry] = []
    /// Every problem found; when one is an error, nothing may be written.
    public var diagnostics: [Diagnostic] = []
    /// Every file text the import made, by path, also when it may not write them (for the
    /// excerpts under diagnostics).
    public var made: [String: String] = [:]

    public var canWrite: Bool { !diagnostics.hasErrors }
    /// The files to write, in path order.
    public var writes: [(path: String, text: String)] {
        entries.filter { $0.action == .added || $0.action == .changed }.compactMap { e in e.text.map { (e.path!, $0) } }
            .sorted { $0.path < $1.path }
    }
}
