import Foundation
import PrometheusImport
import SLACore
import XCTest

/// Answers as Prometheus 2.42 wrote them for a backfilled counter (tests/test_prometheus.py builds
/// the same data and asks the real server); here they test the reading without a server.
final class CountSeriesTests: XCTestCase {
    let minute = SampleInterval(minutes: 1)!
    // 2026-10-01T00:01Z … 00:10Z, evaluated every minute (1790812860 = 2026-10-01T00:01:00Z).
    let window = QueryWindow(start: at("2026-10-01T00:01:00Z"), end: at("2026-10-01T00:10:00Z"), step: 60)

    private func answer(_ json: String) -> QueryRangeAnswer { QueryRangeAnswer.decode(Data(json.utf8))! }

    private func read(_ json: String, role: QueryRole = .total) -> (series: CountSeries, problems: [ImportProblem]) {
        CountSeries.read([(window, answer(json))], role: role, interval: minute)
    }

    func testWholeCountsByEvaluationTime() {
        // `sum(increase(http_requests_total{code="200"}[1m]))`: the counter rose by 3 between 00:04:15 and 00:04:30.
        let r = read("""
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1790812860,"0"],[1790812920,"0"],[1790812980,"0"],[1790813040,"0"],[1790813100,"3"],[1790813160,"0"],[1790813220,"0"],[1790813280,"0"],[1790813340,"0"],[1790813400,"0"]]}]}}
            """)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.series.counts.count, 10)
        XCTAssertEqual(r.series.counts[at("2026-10-01T00:05:00Z").seconds], 3)
        XCTAssertEqual(r.series.counts.values.reduce(0, +), 3)
    }

    func testExtrapolatedValuesAreRefusedWithTheRoundAdvice() {
        // `sum(increase(http_requests_total{code="500"}[1m]))` over a counter scraped at :05, :20, :35, :50.
        let r = read("""
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1790813040,"0"],[1790813100,"3.666666666666667"],[1790813160,"0"]]}]}}
            """, role: .errors)
        XCTAssertEqual(r.problems, [.nonInteger(role: .errors, value: "3.666666666666667", at: at("2026-10-01T00:05:00Z"), interval: minute)])
        XCTAssertEqual(
            r.problems[0].description,
            "the errors query gives 3.666666666666667 for the interval from 2026-10-01T00:04:00Z (evaluated at 2026-10-01T00:05:00Z), not a whole number: increase() extrapolates, so wrap it in round(...), e.g. sum(round(increase(http_requests_total[1m])))")
        XCTAssertNil(r.series.counts[at("2026-10-01T00:05:00Z").seconds])
        XCTAssertEqual(r.series.counts[at("2026-10-01T00:04:00Z").seconds], 0)
    }

    func testFloatNoiseWithinTheToleranceIsAWholeNumber() {
        // 1e-7 and 5e-7 away are whole; 1.1e-6 is not (tolerance 1e-6). -0.0000001 is 0.
        let r = read("""
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1790812860,"2.0000001"],[1790812920,"6.9999995"],[1790812980,"-0.0000001"],[1790813040,"4.0000011"]]}]}}
            """)
        XCTAssertEqual(r.series.counts, [at("2026-10-01T00:01:00Z").seconds: 2, at("2026-10-01T00:02:00Z").seconds: 7, at("2026-10-01T00:03:00Z").seconds: 0])
        XCTAssertEqual(r.problems, [.nonInteger(role: .total, value: "4.0000011", at: at("2026-10-01T00:04:00Z"), interval: minute)])
    }

    func testNaNInfinityAndNegativeCountsAreProblemsEachAtItsInstant() {
        let r = read("""
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1790812860,"NaN"],[1790812920,"+Inf"],[1790812980,"-1"],[1790813040,"-2.5"],[1790813100,"5"]]}]}}
            """)
        XCTAssertEqual(r.problems, [
            .notANumber(role: .total, value: "NaN", at: at("2026-10-01T00:01:00Z"), interval: minute),
            .notANumber(role: .total, value: "+Inf", at: at("2026-10-01T00:02:00Z"), interval: minute),
            .negative(role: .total, value: "-1", at: at("2026-10-01T00:03:00Z"), interval: minute),
            .negative(role: .total, value: "-2.5", at: at("2026-10-01T00:04:00Z"), interval: minute),
        ])
        XCTAssertEqual(r.series.counts, [at("2026-10-01T00:05:00Z").seconds: 5])
    }

    func testCountsAboveWhatASamplesFileHoldsAreProblems() {
        // A samples file holds at most 10^15 requests a row (SampleSeries.maxCount).
        let r = read(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1790812860,"1e15"],[1790812920,"1000000000000001"]]}]}}"#)
        XCTAssertEqual(r.series.counts, [at("2026-10-01T00:01:00Z").seconds: 1_000_000_000_000_000])
        XCTAssertEqual(r.problems, [.countTooLarge(role: .total, value: "1000000000000001", at: at("2026-10-01T00:02:00Z"), interval: minute)])
    }

    func testSeveralSeriesAreNamedByTheirLabels() {
        // `round(increase(http_requests_total[1m]))` without sum: one series per code.
        let r = read("""
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"code":"200"},"values":[[1790813100,"3"]]},{"metric":{"code":"500","job":"a\\"b"},"values":[[1790813100,"4"]]}]}}
            """)
        XCTAssertEqual(r.problems, [.severalSeries(role: .total, labels: ["{code=\"200\"}", "{code=\"500\", job=\"a\\\"b\"}"])])
        XCTAssertEqual(
            r.problems[0].description,
            "the total query returns 2 series ({code=\"200\"}, {code=\"500\", job=\"a\\\"b\"}); it must return one: wrap it in sum(...)")
    }

    func testDifferentSeriesInDifferentWindowsAreSeveralSeries() {
        let second = QueryWindow(start: at("2026-10-01T00:11:00Z"), end: at("2026-10-01T00:20:00Z"), step: 60)
        let answers: [(window: QueryWindow, answer: QueryRangeAnswer)] = [
            (window, answer(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"pod":"a"},"values":[[1790812860,"1"]]}]}}"#)),
            (second, answer(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"pod":"b"},"values":[[1790813460,"1"]]}]}}"#)),
        ]
        let r = CountSeries.read(answers, role: .total, interval: minute)
        XCTAssertEqual(r.problems, [.severalSeries(role: .total, labels: ["{pod=\"a\"}", "{pod=\"b\"}"])])
    }

    func testAPointOffTheRequestedStepsIsAProblemAndOneOutsideTheWindowIsLeftOut() {
        // 1790812890 is 00:01:30, between two steps; 1790813460 (00:11) and 1790812800 (00:00) are
        // outside the window 00:01–00:10 (a server that widened the range): left to other windows.
        let r = read(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1790812800,"9"],[1790812890,"1"],[1790812920.000,"2"],[1790813460,"1"]]}]}}"#)
        XCTAssertEqual(r.problems, [.offGridPoint(role: .total, time: 1790812890, window: window)])
        XCTAssertEqual(r.series.counts, [at("2026-10-01T00:02:00Z").seconds: 2])
    }

    func testAScalarAnswerIsNotASeriesOfCounts() {
        let r = read(#"{"status":"success","data":{"resultType":"scalar","result":[1790812860,"1"]}}"#)
        XCTAssertEqual(r.problems, [.notAMatrix(role: .total, resultType: "scalar")])
    }

    func testTheErrorEnvelopeDecodes() {
        let a = answer(#"{"status":"error","errorType":"bad_data","error":"1:17: parse error: unclosed left parenthesis"}"#)
        XCTAssertEqual(a.status, "error")
        XCTAssertEqual(a.errorType, "bad_data")
        XCTAssertEqual(a.error, "1:17: parse error: unclosed left parenthesis")
        XCTAssertNil(QueryRangeAnswer.decode(Data("<html>502 Bad Gateway</html>".utf8)))
    }

    func testRangeSelectorsOfAQuery() {
        let found = rangeSelectorSeconds(in: #"sum(round(increase(x{code=~"5.."}[1m]))) + sum(rate(y[90s])) * 0 + max_over_time(z[1h30m]) + sum(w[5m:1m])"#)
        XCTAssertEqual(found.map(\.text), ["1m", "90s", "1h30m"])
        // 1h30m = 3600 + 1800 = 5400 s.
        XCTAssertEqual(found.map(\.seconds), [60, 90, 5400])
    }
}
