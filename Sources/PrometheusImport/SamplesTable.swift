import SLACore
import SiteContent

/// The rows of a samples file (docs/spec.md §2: `start,total,errors`), for merging an import into it.
public struct SamplesTable: Sendable, Hashable {
    public static let header = "start,total,errors"

    /// One row: the build's own row type (docs/spec.md §2), written as the importer writes it.
    public typealias Row = SampleRow

    /// The file's `#` comment lines, as written and in order.
    public private(set) var comments: [String]
    /// Rows sorted by start, no two with the same start.
    public private(set) var rows: [Row]

    public init(comments: [String] = [], sortedRows rows: [Row]) {
        self.comments = comments
        self.rows = rows
    }

    /// The file's text: the header, the comments, then one row a line, each line ending in a newline.
    public var text: String {
        var out = Self.header + "\n"
        for line in comments { out += line + "\n" }
        for row in rows { out += row.line + "\n" }
        return out
    }

    /// Reads a samples file with the build's own reader (`SamplesDecoder`), so the importer
    /// accepts exactly the files a build accepts; its errors come back as they are.
    public static func parse(_ bytes: [UInt8], file: String) -> (table: SamplesTable, diagnostics: [Diagnostic]) {
        let decoded = SamplesDecoder.decode(bytes, file: file)
        let errors = decoded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return (SamplesTable(sortedRows: []), errors) }
        let rows = decoded.series.rows.map { Row(start: $0.start, total: $0.total, errors: $0.errors) }
        // The decoder skips comment lines; the import keeps them, after the header.
        var comments: [String] = []
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = String(decoding: raw, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") { comments.append(line) }
        }
        return (SamplesTable(comments: comments, sortedRows: rows), [])
    }

    /// What a merge did to the rows.
    public struct MergeCounts: Sendable, Hashable {
        /// Imported rows for intervals that had no row.
        public var added = 0
        /// Imported rows for intervals that had one (whether or not its counts changed).
        public var replaced = 0
        /// Rows in the range that the import has no row for (no requests there now).
        public var removed = 0
        /// Rows outside the range, unchanged.
        public var kept = 0

        public init(added: Int = 0, replaced: Int = 0, removed: Int = 0, kept: Int = 0) {
            self.added = added
            self.replaced = replaced
            self.removed = removed
            self.kept = kept
        }
    }

    /// This table with every row in `range` replaced by `imported` (sorted, all inside the range).
    public func merging(_ imported: [Row], in range: ImportRange) -> (table: SamplesTable, counts: MergeCounts) {
        var counts = MergeCounts()
        let old = Set(rows.lazy.filter { range.contains($0.start) }.map(\.start.seconds))
        let new = Set(imported.map(\.start.seconds))
        counts.replaced = new.intersection(old).count
        counts.added = new.count - counts.replaced
        counts.removed = old.subtracting(new).count
        let before = rows.prefix { $0.start < range.from }
        let after = rows.drop { $0.start < range.to }
        counts.kept = before.count + after.count
        return (SamplesTable(comments: comments, sortedRows: Array(before) + imported + Array(after)), counts)
    }
}

extension SampleRow {
    /// The row as the importer writes it: the start in UTC (`2026-10-01T00:04:00Z`), then the counts.
    public var line: String { "\(start.rfc3339),\(total),\(errors)" }
}
