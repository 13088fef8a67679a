import SLACore

/// `slasite import prometheus` without its edges: ask the source, check the counts, make the rows.
public enum SamplesImport {
    /// What an import asks for.
    public struct Request: Sendable, Hashable {
        public var totalQuery: String
        public var errorsQuery: String
        public var range: ImportRange
        public var maxPoints: Int64

        public init(totalQuery: String, errorsQuery: String, range: ImportRange, maxPoints: Int64 = QueryWindow.defaultMaxPoints) {
            self.totalQuery = totalQuery
            self.errorsQuery = errorsQuery
            self.range = range
            self.maxPoints = maxPoints
        }
    }

    /// The rows the server's counts make, and what the server said along the way.
    public struct Fetched: Sendable, Hashable {
        /// Rows for the intervals with requests, sorted by start.
        public var rows: [SamplesTable.Row]
        /// HTTP requests made (two per window).
        public var requests: Int
        /// The servers' own `warnings`, each once.
        public var warnings: [String]
    }

    /// Problems that stop an import: all of them, not just the first.
    public struct Failure: Error, Sendable, Hashable {
        public var problems: [ImportProblem]

        public init(problems: [ImportProblem]) { self.problems = problems }
    }

    /// Asks `source` for both queries over every window of the range and makes the rows.
    public static func fetch(_ request: Request, from source: some QueryRangeSource) async -> Result<Fetched, Failure> {
        let windows = QueryWindow.windows(for: request.range, maxPoints: request.maxPoints)
        var answers: [QueryRole: [(window: QueryWindow, answer: QueryRangeAnswer)]] = [.total: [], .errors: []]
        var warnings: [String] = []
        var requests = 0
        do {
            for window in windows {
                for (role, query) in [(QueryRole.total, request.totalQuery), (.errors, request.errorsQuery)] {
                    requests += 1
                    let answer = try await source.answer(query: query, window: window)
                    for w in answer.warnings ?? [] where !warnings.contains(w) { warnings.append(w) }
                    answers[role, default: []].append((window, answer))
                }
            }
        } catch let problem as ImportProblem {
            return .failure(Failure(problems: [problem]))
        } catch {
            return .failure(Failure(problems: [.unreachable(url: "the server", reason: String(describing: error))]))
        }
        let interval = request.range.interval
        let total = CountSeries.read(answers[.total] ?? [], role: .total, interval: interval)
        let errors = CountSeries.read(answers[.errors] ?? [], role: .errors, interval: interval)
        var problems = total.problems + errors.problems
        let made = rows(total: total.series, errors: errors.series, range: request.range)
        problems += made.problems
        if !problems.isEmpty { return .failure(Failure(problems: problems)) }
        return .success(Fetched(rows: made.rows, requests: requests, warnings: warnings))
    }

    /// Rows from the counts at each evaluation time: the value at t is the interval that ends at t.
    ///
    /// An interval with no requests (no total, or 0, and no errors) has no row (docs/spec.md §2: rows are
    /// sparse); errors above the total, or errors without a total, are problems.
    public static func rows(total: CountSeries, errors: CountSeries, range: ImportRange) -> (rows: [SamplesTable.Row], problems: [ImportProblem]) {
        let step = range.interval.seconds
        var rows: [SamplesTable.Row] = []
        var problems: [ImportProblem] = []
        var start = range.from
        while start < range.to {
            let at = start.adding(seconds: step)
            let t = total.counts[at.seconds]
            let e = errors.counts[at.seconds] ?? 0
            if let t {
                if e > t {
                    problems.append(.errorsAboveTotal(at: at, interval: range.interval, total: t, errors: e))
                } else if t > 0 {
                    rows.append(SamplesTable.Row(start: start, total: t, errors: e))
                }
            } else if e > 0 {
                problems.append(.errorsWithoutTotal(at: at, interval: range.interval, errors: e))
            }
            start = at
        }
        return (rows, problems)
    }
}
