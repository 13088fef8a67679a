import Foundation
import SiteContent

/// Prints diagnostics to standard error, then a one-line count.
struct DiagnosticPrinter {
    var quiet = false

    func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for d in diagnostics where !(quiet && d.severity == .warning) {
            text += d.description + "\n"
        }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        if errors > 0 || (warnings > 0 && !quiet) {
            text += Self.count(errors: errors, warnings: warnings) + "\n"
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    static func count(errors: Int, warnings: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
