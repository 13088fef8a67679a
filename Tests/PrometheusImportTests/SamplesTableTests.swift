import Foundation
import PrometheusImport
import SLACore
import SiteContent
import XCTest

final class SamplesTableTests: XCTestCase {
    let file = "content/status/samples/api.csv"

    private func parse(_ text: String) -> (table: SamplesTable, diagnostics: [Diagnostic]) {
        SamplesTable.parse(Array(text.utf8), file: file)
    }

    func testRowsInAnyOrderAndOffsetsReadSortedInUTC() {
        let parsed = parse("start,total,errors\r\n2026-10-01T02:05:00+02:00,10,1\r\n# from the old exporter\r\n2026-10-01T00:00:00Z,5,0\r\n\r\n")
        XCTAssertEqual(parsed.diagnostics, [])
        // 02:05+02:00 is 00:05Z, after 00:00Z; rows are written in UTC, the comment after the header.
        XCTAssertEqual(parsed.table.text, "start,total,errors\n# from the old exporter\n2026-10-01T00:00:00Z,5,0\n2026-10-01T00:05:00Z,10,1\n")
    }

    func testTheBuildsOwnErrorsStopTheImport() {
        // The same reader as the build: errors at file:line:column, all of them.
        let parsed = parse("start,total,errors\n2026-10-01T00:00:00Z,5,6\n2026-10-01T00:01:00,5,0\n")
        XCTAssertEqual(parsed.diagnostics.map { "\($0.file):\($0.line):\($0.column)" }, ["\(file):2:24", "\(file):3:1"])
        XCTAssertEqual(parsed.diagnostics, SamplesDecoder.decode(Array("start,total,errors\n2026-10-01T00:00:00Z,5,6\n2026-10-01T00:01:00,5,0\n".utf8), file: file).diagnostics)
        XCTAssertEqual(parsed.table.rows, [])
    }

    func testAnEmptyFileIsAnEmptyTable() {
        let parsed = parse("")
        XCTAssertEqual(parsed.diagnostics, [])
        XCTAssertEqual(parsed.table.text, "start,total,errors\n")
    }

    func testMergingReplacesTheRangeAndKeepsTheRest() {
        let old = parse("""
            start,total,errors
            2026-10-01T00:02:00Z,1,0
            2026-09-30T23:59:00Z,9,9
            2026-10-01T00:00:00Z,4,4
            2026-10-01T00:01:00Z,3,3
            2026-10-01T00:03:00+00:00,8,0

            """).table
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:03:00Z"), interval: SampleInterval(minutes: 1)!)
        let imported = [
            SamplesTable.Row(start: at("2026-10-01T00:00:00Z"), total: 10, errors: 1),
            SamplesTable.Row(start: at("2026-10-01T00:02:00Z"), total: 1, errors: 0),
        ]
        let merged = old.merging(imported, in: range)
        // In the range 00:00–00:02: 00:00 and 00:02 replaced, 00:01 removed (no requests now);
        // 23:59 and 00:03 (00:03 is the exclusive end) kept.
        XCTAssertEqual(merged.counts, .init(added: 0, replaced: 2, removed: 1, kept: 2))
        XCTAssertEqual(merged.table.text, """
            start,total,errors
            2026-09-30T23:59:00Z,9,9
            2026-10-01T00:00:00Z,10,1
            2026-10-01T00:02:00Z,1,0
            2026-10-01T00:03:00Z,8,0

            """)
        // The same import again changes nothing, byte for byte.
        let again = SamplesTable.parse(Array(merged.table.text.utf8), file: file).table.merging(imported, in: range)
        XCTAssertEqual(again.table.text, merged.table.text)
        XCTAssertEqual(again.counts, .init(added: 0, replaced: 2, removed: 0, kept: 2))
        // Into an empty file everything is added.
        XCTAssertEqual(SamplesTable(sortedRows: []).merging(imported, in: range).counts, .init(added: 2, replaced: 0, removed: 0, kept: 0))
    }
}
