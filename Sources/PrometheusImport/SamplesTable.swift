import SLACore
import SiteContent

/// The rows of a samples file (SPEC §2: `start,total,errors`), for merging an import into it.
public struct SamplesTable: Sendable, Hashable {
    public static let header = "start,total,errors"

    /// One row: its interval start and its text as written (kept rows stay byte for byte).
    public struct Row: Sendable, Hashable {
        public var start: Instant
        public var line: String

        public init(start: Instant, line: String) {
            self.start = start
            self.line = line
        }

        /// A row the importer writes: the start in UTC (`2026-10-01T00:04:00Z`), then the counts.
        public init(start: Instant, total: Int64, errors: Int64) {
            self.init(start: start, line: "\(start.rfc3339),\(total),\(errors)")
        }
    }

    /// Rows sorted by start, no two with the same start.
    public private(set) var rows: [Row]

    public init(sortedRows rows: [Row]) { self.rows = rows }

    /// The file's text: the header, then one row a line, each ending in a newline.
    public var text: String {
        var out = Self.header + "\n"
        for row in rows { out += row.line + "\n" }
        return out
    }

    /// Reads a samples file's text; every bad row is a diagnostic at `file:line:column`.
    public static func parse(_ text: String, file: String) -> (table: SamplesTable, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var rows: [Row] = []
        var firstLine: [Int64: Int] = [:]
        var lineNumber = 0
        var sawHeader = false
        // By bytes: a String splits "\r\n" as one character, never at its "\n".
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = raw[...]
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            var line = Substring(String(decoding: bytes, as: UTF8.self))
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if !sawHeader {
                sawHeader = true
                if line != Self.header {
                    diagnostics.append(Diagnostic(.error, file, 1, 1, "the first line must be the header \(Self.header), got \"\(line)\""))
                    return (SamplesTable(sortedRows: []), diagnostics)
                }
                continue
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                diagnostics.append(Diagnostic(.error, file, lineNumber, 1, "a row has 3 fields (start,total,errors), this one has \(fields.count)"))
                continue
            }
            let columns = [1, fields[0].count + 2, fields[0].count + fields[1].count + 3]
            var ok = true
            var start = Instant(seconds: 0)
            if let local = LocalDateTime(iso8601: String(fields[0])), !local.isDateOnly, let offset = local.utcOffset {
                let days = CivilDate.days(year: local.year, month: local.month, day: local.day)
                start = Instant(seconds: days * 86_400 + Int64(local.hour * 3600 + local.minute * 60 + local.second - offset))
            } else {
                ok = false
                diagnostics.append(Diagnostic(
                    .error, file, lineNumber, columns[0],
                    "start must be an ISO 8601 time with Z or an offset (2026-10-01T00:04:00Z), got \"\(fields[0])\""))
            }
            var counts: [Int64] = []
            for (i, name) in [(1, "total"), (2, "errors")] {
                if let n = wholeNumber(fields[i]) {
                    counts.append(n)
                } else {
                    ok = false
                    diagnostics.append(Diagnostic(.error, file, lineNumber, columns[i], "\(name) must be a whole number 0 or more, got \"\(fields[i])\""))
                }
            }
            if counts.count == 2, counts[1] > counts[0] {
                ok = false
                diagnostics.append(Diagnostic(.error, file, lineNumber, columns[2], "errors (\(counts[1])) cannot exceed total (\(counts[0]))"))
            }
            guard ok else { continue }
            if let earlier = firstLine[start.seconds] {
                diagnostics.append(Diagnostic(
                    .error, file, lineNumber, 1, "a second row for the interval starting \(start.rfc3339) (the first is on line \(earlier))"))
                continue
            }
            firstLine[start.seconds] = lineNumber
            rows.append(Row(start: start, line: String(line)))
        }
        if !sawHeader {
            diagnostics.append(Diagnostic(.error, file, 1, 1, "the first line must be the header \(Self.header); the file is empty"))
        }
        rows.sort { $0.start < $1.start }
        return (SamplesTable(sortedRows: rows), diagnostics)
    }

    static func wholeNumber(_ s: Substring) -> Int64? {
        guard !s.isEmpty, s.count <= 18, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(s)
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
        return (SamplesTable(sortedRows: Array(before) + imported + Array(after)), counts)
    }
}
