import Foundation
import PrometheusImport
import SLACore
import SiteContent
import XCTest

final class SamplesTableTests: XCTestCase {
    let file = "content/status/samples/api.csv"

    func testRowsInAnyOrderAndOffsetsReadSorted() {
        let text = "start,total,errors\r\n2026-10-01T02:05:00+02:00,10,1\r\n2026-10-01T00:00:00Z,5,0\r\n\r\n"
        let parsed = SamplesTable.parse(text, file: file)
        XCTAssertEqual(parsed.diagnostics, [])
        // 02:05+02:00 is 00:05Z: after 00:00Z. Kept rows keep their text (without the CR).
        XCTAssertEqual(parsed.table.rows, [
            .init(start: at("2026-10-01T00:00:00Z"), line: "2026-10-01T00:00:00Z,5,0"),
            .init(start: at("2026-10-01T00:05:00Z"), line: "2026-10-01T02:05:00+02:00,10,1"),
        ])
        XCTAssertEqual(parsed.table.text, "start,total,errors\n2026-10-01T00:00:00Z,5,0\n2026-10-01T02:05:00+02:00,10,1\n")
    }

    func testEveryBadRowIsADiagnosticAtItsColumn() {
        let text = """
            start,total,errors
            2026-10-01T00:00:00,5,0
            2026-10-01T00:01:00Z,5,x
            2026-10-01T00:02:00Z,-5,0
            2026-10-01T00:03:00Z,5,6
            2026-10-01T00:04:00Z,5
            2026-10-01T00:05:00Z,5,1
            2026-10-01T02:05:00+02:00,7,1
            """
        let d = SamplesTable.parse(text, file: file).diagnostics
        XCTAssertEqual(d, [
            Diagnostic(.error, file, 2, 1, "start must be an ISO 8601 time with Z or an offset (2026-10-01T00:04:00Z), got \"2026-10-01T00:00:00\""),
            // "2026-10-01T00:01:00Z" is 20 characters, "5" 1: errors start at column 20 + 1 + 1 + 2 = 24.
            Diagnostic(.error, file, 3, 24, "errors must be a whole number 0 or more, got \"x\""),
            Diagnostic(.error, file, 4, 22, "total must be a whole number 0 or more, got \"-5\""),
            Diagnostic(.error, file, 5, 24, "errors (6) cannot exceed total (5)"),
            Diagnostic(.error, file, 6, 1, "a row has 3 fields (start,total,errors), this one has 2"),
            Diagnostic(.error, file, 8, 1, "a second row for the interval starting 2026-10-01T00:05:00Z (the first is on line 7)"),
        ])
    }

    func testTheHeaderIsRequired() {
        XCTAssertEqual(SamplesTable.parse("time,total,errors\n", file: file).diagnostics, [
            Diagnostic(.error, file, 1, 1, "the first line must be the header start,total,errors, got \"time,total,errors\"")
        ])
        XCTAssertEqual(SamplesTable.parse("\u{FEFF}start,total,errors\n", file: file).diagnostics, [])
    }

    func testMergingReplacesTheRangeAndKeepsTheRest() {
        let old = SamplesTable.parse("""
            start,total,errors
            2026-10-01T00:02:00Z,1,0
            2026-09-30T23:59:00Z,9,9
            2026-10-01T00:00:00Z,4,4
            2026-10-01T00:01:00Z,3,3
            2026-10-01T00:03:00+00:00,8,0

            """, file: file).table
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:03:00Z"), interval: SampleInterval(minutes: 1)!)
        let imported = [
            SamplesTable.Row(start: at("2026-10-01T00:00:00Z"), total: 10, errors: 1),
            SamplesTable.Row(start: at("2026-10-01T00:02:00Z"), total: 1, errors: 0),
        ]
        let merged = old.merging(imported, in: range)
        // In the range 00:00–00:02: 00:00 and 00:02 replaced, 00:01 removed (no requests now);
        // 23:59 and 00:03 (00:03 is the exclusive end) kept as written.
        XCTAssertEqual(merged.counts, .init(added: 0, replaced: 2, removed: 1, kept: 2))
        XCTAssertEqual(merged.table.text, """
            start,total,errors
            2026-09-30T23:59:00Z,9,9
            2026-10-01T00:00:00Z,10,1
            2026-10-01T00:02:00Z,1,0
            2026-10-01T00:03:00+00:00,8,0

            """)
        // The same import again changes nothing, byte for byte.
        let again = SamplesTable.parse(merged.table.text, file: file).table.merging(imported, in: range)
        XCTAssertEqual(again.table.text, merged.table.text)
        XCTAssertEqual(again.counts, .init(added: 0, replaced: 2, removed: 0, kept: 2))
        // Into an empty file everything is added.
        XCTAssertEqual(SamplesTable(sortedRows: []).merging(imported, in: range).counts, .init(added: 2, replaced: 0, removed: 0, kept: 0))
    }
}
