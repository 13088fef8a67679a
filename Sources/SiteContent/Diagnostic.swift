import SLACore

/// One problem found in a site's sources, with where it is and what was expected.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// Path relative to the source folder, e.g. `content/plans/pro.md`.
    public var file: String
    /// 1-based; 0 when the problem concerns the file as a whole.
    public var line: Int
    /// 1-based, counted in Unicode scalars; 0 when unknown.
    public var column: Int
    public var message: String
    /// A suggestion such as `did you mean "uptime"?`.
    public var hint: String?

    public init(_ severity: Severity, _ file: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `path:line:column: message (hint)`, with `warning: ` before the message of a warning.
    public var description: String {
        var text = "\(file):\(line):\(column): "
        if severity == .warning { text += "warning: " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, so output does not depend on the order work finished in.
    public var sortedForDisplay: [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }
}

/// Where a credit tier was written, for the checks that need the terms of every level merged
/// (`SiteParser.tierWarnings`).
struct WrittenTier: Sendable, Hashable {
    var tier: CreditTier
    var file: String
    var line: Int
    var column: Int
}

/// Collects the diagnostics of one run, and the places of what later checks point at.
final class DiagnosticSink {
    var items: [Diagnostic] = []
    /// Every credit tier read, in the order written.
    var tiers: [WrittenTier] = []

    func error(_ file: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(.error, file, line, column, message, hint: hint))
    }

    func warning(_ file: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(.warning, file, line, column, message, hint: hint))
    }
}
