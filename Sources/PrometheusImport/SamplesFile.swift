import Foundation
import SiteContent

/// A service's samples file on disk, as it was before an import: read first, replaced at the end.
public struct SamplesFile: Sendable {
    /// Where it is, and its path as messages show it (`content/status/samples/api.csv`).
    public let url: URL
    public let displayPath: String
    /// Its bytes when it exists.
    public let bytes: [UInt8]?
    public let table: SamplesTable

    /// What `write(merging:in:)` did.
    public enum Outcome: Sendable, Hashable {
        case written(SamplesTable.MergeCounts)
        /// The merged file is byte for byte the old one: it was not touched.
        case unchanged(SamplesTable.MergeCounts)
        /// No file yet and no requests in the range: none was made.
        case notCreated
    }

    /// A file with errors, as the build's reader reports them.
    public struct Unreadable: Error, Sendable, Hashable {
        public var diagnostics: [Diagnostic]
        /// The file's bytes, for the source lines under the messages.
        public var bytes: [UInt8]
    }

    /// Reads the file (a missing one is empty); its errors, from the build's reader, come back instead.
    public static func read(at url: URL, displayPath: String) -> Result<SamplesFile, Unreadable> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .success(SamplesFile(url: url, displayPath: displayPath, bytes: nil, table: SamplesTable(sortedRows: [])))
        }
        let bytes = [UInt8](data)
        let parsed = SamplesTable.parse(bytes, file: displayPath)
        if !parsed.diagnostics.isEmpty { return .failure(Unreadable(diagnostics: parsed.diagnostics, bytes: bytes)) }
        return .success(SamplesFile(url: url, displayPath: displayPath, bytes: bytes, table: parsed.table))
    }

    /// Merges `rows` into the range and writes the file atomically, unless nothing would change.
    public func write(merging rows: [SamplesTable.Row], in range: ImportRange) throws -> Outcome {
        let merged = table.merging(rows, in: range)
        if bytes == nil && merged.table.rows.isEmpty && merged.table.comments.isEmpty { return .notCreated }
        let newBytes = Array(merged.table.text.utf8)
        if newBytes == bytes { return .unchanged(merged.counts) }
        try AtomicFile.write(newBytes, to: url)
        return .written(merged.counts)
    }
}
