import Foundation
import SiteContent

#if canImport(Glibc)
    import Glibc
#endif

/// Prints diagnostics like a compiler: `path:line:column: message`, the source line with a caret
/// under the column, then a one-line count. Colour only on a terminal and never with `NO_COLOR`.
struct DiagnosticPrinter {
    var quiet = false
    var color: Bool
    /// Source text by path, for the excerpt under each diagnostic.
    var sources: [String: [UInt8]]

    init(quiet: Bool = false, sources: [String: [UInt8]] = [:], environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.quiet = quiet
        self.sources = sources
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        self.color = !noColor && isatty(2) == 1 && environment["TERM"] != "dumb"
    }

    func print(_ diagnostics: [Diagnostic]) {
        let text = render(diagnostics)
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    func render(_ diagnostics: [Diagnostic]) -> String {
        var text = ""
        for d in diagnostics where !(quiet && d.severity == .warning) {
            text += headline(d) + "\n"
            if let excerpt = excerpt(d) { text += excerpt }
        }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        if errors > 0 || (warnings > 0 && !quiet) {
            text += Self.count(errors: errors, warnings: warnings) + "\n"
        }
        return text
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    private func headline(_ d: Diagnostic) -> String {
        var text = paint("\(d.file):\(d.line):\(d.column):", "1") + " "
        if d.severity == .warning { text += paint("warning:", "1;33") + " " }
        text += d.severity == .error ? paint(d.message, "1;31") : d.message
        if let hint = d.hint { text += " " + paint("(\(hint))", "36") }
        return text
    }

    /// The offending line and a caret under the column (wide characters take two cells).
    func excerpt(_ d: Diagnostic) -> String? {
        guard d.line > 0, let bytes = sources[d.file] else { return nil }
        var lineStart = 0
        var current = 1
        var i = 0
        while current < d.line && i < bytes.count {
            if bytes[i] == 10 {
                current += 1
                lineStart = i + 1
            }
            i += 1
        }
        guard current == d.line else { return nil }
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != 10 && bytes[lineEnd] != 13 { lineEnd += 1 }
        var line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        if d.line == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        if line.count > 200 { return nil }
        var pad = ""
        for (k, scalar) in line.unicodeScalars.enumerated() where k < max(0, d.column - 1) {
            pad += scalar == "\t" ? "\t" : String(repeating: " ", count: Self.cells(scalar))
        }
        let gutter = String(d.line)
        return "  \(gutter) | \(line)\n  \(String(repeating: " ", count: gutter.count)) | \(pad)" + paint("^", "1;32") + "\n"
    }

    /// Terminal cells a scalar takes: 2 for East Asian wide and emoji, 0 for combining marks.
    static func cells(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    static func count(errors: Int, warnings: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
