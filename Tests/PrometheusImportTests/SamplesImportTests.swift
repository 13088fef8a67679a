import Foundation
import PrometheusImport
import SLACore
import XCTest

/// A source that answers from a table of counts by evaluation time and records what it was asked.
private final class TableSource: QueryRangeSource, @unchecked Sendable {
    var counts: [String: [Int64: String]]
    var asked: [(query: String, window: QueryWindow)] = []
    var failAt: Int?
    var warnings: [String] = []
    private let lock = NSLock()

    init(_ counts: [String: [Int64: String]], failAt: Int? = nil, warnings: [String] = []) {
        self.counts = counts
        self.failAt = failAt
        self.warnings = warnings
    }

    func answer(query: String, window: QueryWindow) async throws -> QueryRangeAnswer {
        let n = lock.withLock { asked.append((query, window)); return asked.count }
        if n == failAt {
            throw ImportProblem.server(url: "http://p/api/v1/query_range", httpStatus: 422, errorType: "execution", error: "query timed out")
        }
        let points = (counts[query] ?? [:]).filter { $0.key >= window.start.seconds && $0.key <= window.end.seconds }
            .sorted { $0.key < $1.key }.map { "[\($0.key),\"\($0.value)\"]" }.joined(separator: ",")
        let result = points.isEmpty ? "" : #"{"metric":{},"values":["# + points + "]}"
        let warned = warnings.isEmpty ? "" : #","warnings":["# + warnings.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        return QueryRangeAnswer.decode(Data((#"{"status":"success","data":{"resultType":"matrix","result":["# + result + "]}" + warned + "}").utf8))!
    }
}

final class SamplesImportTests: XCTestCase {
    let minute = SampleInterval(minutes: 1)!

    func testTheValueAtTBecomesTheRowOfTheIntervalEndingAtT() {
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:10:00Z"), interval: minute)
        // Requests counted over (00:04, 00:05] are evaluated at 00:05: the row starting 00:04.
        let total = CountSeries(counts: [at("2026-10-01T00:05:00Z").seconds: 120, at("2026-10-01T00:06:00Z").seconds: 0, at("2026-10-01T00:10:00Z").seconds: 7])
        let errors = CountSeries(counts: [at("2026-10-01T00:05:00Z").seconds: 9])
        let made = SamplesImport.rows(total: total, errors: errors, range: range)
        XCTAssertEqual(made.problems, [])
        // 00:06's total of 0 has no row (no requests); 00:10 is the row starting 00:09, the range's last.
        XCTAssertEqual(made.rows.map(\.line), ["2026-10-01T00:04:00Z,120,9", "2026-10-01T00:09:00Z,7,0"])
    }

    func testErrorsAboveTheTotalOrWithoutOneAreProblems() {
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:03:00Z"), interval: minute)
        let total = CountSeries(counts: [at("2026-10-01T00:01:00Z").seconds: 5, at("2026-10-01T00:03:00Z").seconds: 0])
        let errors = CountSeries(counts: [
            at("2026-10-01T00:01:00Z").seconds: 6, at("2026-10-01T00:02:00Z").seconds: 2, at("2026-10-01T00:03:00Z").seconds: 0,
        ])
        let made = SamplesImport.rows(total: total, errors: errors, range: range)
        XCTAssertEqual(made.rows, [])
        XCTAssertEqual(made.problems, [
            .errorsAboveTotal(at: at("2026-10-01T00:01:00Z"), interval: minute, total: 5, errors: 6),
            .errorsWithoutTotal(at: at("2026-10-01T00:02:00Z"), interval: minute, errors: 2),
        ])
        XCTAssertEqual(
            made.problems[0].description,
            "For the interval from 2026-10-01T00:00:00Z (evaluated at 2026-10-01T00:01:00Z) the errors query gives 6 but the total query 5: errors cannot exceed the total (do both queries count the same requests?)")
    }

    func testSplitRequestsAskEachStepOnceAndTheRowsJoinSeamlessly() async throws {
        // 25 one-minute intervals in windows of 10 points: 3 windows × 2 queries = 6 requests.
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:25:00Z"), interval: minute)
        // A count at every interval end 00:01 … 00:25 (n at the n-th), errors at the joins' both sides.
        var total: [Int64: String] = [:]
        for n in 1...25 { total[at("2026-10-01T00:00:00Z").seconds + Int64(n) * 60] = String(n) }
        let errors: [Int64: String] = [
            at("2026-10-01T00:10:00Z").seconds: "1", at("2026-10-01T00:11:00Z").seconds: "2",
            at("2026-10-01T00:20:00Z").seconds: "3", at("2026-10-01T00:21:00Z").seconds: "4",
        ]
        let source = TableSource(["T": total, "E": errors])
        let fetched = try await SamplesImport.fetch(.init(totalQuery: "T", errorsQuery: "E", range: range, maxPoints: 10), from: source).get()
        XCTAssertEqual(fetched.requests, 6)
        XCTAssertEqual(source.asked.map(\.query), ["T", "E", "T", "E", "T", "E"])
        XCTAssertEqual(source.asked.map(\.window.start), [1, 1, 11, 11, 21, 21].map { at("2026-10-01T00:00:00Z").adding(seconds: Int64($0) * 60) })
        XCTAssertEqual(source.asked.map(\.window.end), [10, 10, 20, 20, 25, 25].map { at("2026-10-01T00:00:00Z").adding(seconds: Int64($0) * 60) })
        // Rows start at 00:00 … 00:24, the n-th with total n; the errors at the joins land on both sides.
        XCTAssertEqual(fetched.rows.count, 25)
        XCTAssertEqual(fetched.rows[9].line, "2026-10-01T00:09:00Z,10,1")
        XCTAssertEqual(fetched.rows[10].line, "2026-10-01T00:10:00Z,11,2")
        XCTAssertEqual(fetched.rows[19].line, "2026-10-01T00:19:00Z,20,3")
        XCTAssertEqual(fetched.rows[20].line, "2026-10-01T00:20:00Z,21,4")
        XCTAssertEqual(fetched.rows.last?.line, "2026-10-01T00:24:00Z,25,0")
    }

    func testTheServersWarningsArePassedOnOnce() async throws {
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:25:00Z"), interval: minute)
        let source = TableSource([:], warnings: ["partial response: store eu-1 unavailable"])
        let fetched = try await SamplesImport.fetch(.init(totalQuery: "T", errorsQuery: "E", range: range, maxPoints: 10), from: source).get()
        // 6 answers, each with the same warning: reported once. No counts: no rows.
        XCTAssertEqual(fetched.warnings, ["partial response: store eu-1 unavailable"])
        XCTAssertEqual(fetched.rows, [])
    }

    func testAServerErrorStopsAtOnceAndValueProblemsAreAllReported() async {
        let range = ImportRange(from: at("2026-10-01T00:00:00Z"), to: at("2026-10-01T00:25:00Z"), interval: minute)
        let failing = TableSource([:], failAt: 3)
        let stopped = await SamplesImport.fetch(.init(totalQuery: "T", errorsQuery: "E", range: range, maxPoints: 10), from: failing)
        XCTAssertEqual(stopped, .failure(.init(problems: [.server(url: "http://p/api/v1/query_range", httpStatus: 422, errorType: "execution", error: "query timed out")])))
        XCTAssertEqual(failing.asked.count, 3)

        let t0 = at("2026-10-01T00:00:00Z").seconds
        let bad = TableSource(["T": [t0 + 60: "1.5", t0 + 720: "-3", t0 + 1500: "2"], "E": [t0 + 1500: "3"]])
        let result = await SamplesImport.fetch(.init(totalQuery: "T", errorsQuery: "E", range: range, maxPoints: 10), from: bad)
        XCTAssertEqual(result, .failure(.init(problems: [
            .nonInteger(role: .total, value: "1.5", at: at("2026-10-01T00:01:00Z"), interval: minute),
            .negative(role: .total, value: "-3", at: at("2026-10-01T00:12:00Z"), interval: minute),
            .errorsAboveTotal(at: at("2026-10-01T00:25:00Z"), interval: minute, total: 2, errors: 3),
        ])))
    }
}
