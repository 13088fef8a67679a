import SLACore

/// Which of the two queries a problem is about.
public enum QueryRole: String, Sendable, Hashable {
    case total, errors
}

/// Why an import stops (and writes nothing). Each says what was wrong and what to do.
public enum ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case unreachable(url: String, reason: String)
    case timedOut(url: String, seconds: Int)
    /// The server's own error envelope (`{"status":"error","errorType":…,"error":…}`).
    case server(url: String, httpStatus: Int, errorType: String, error: String)
    /// An HTTP error status without Prometheus's envelope (a proxy's page, say).
    case http(url: String, httpStatus: Int, body: String)
    case notPrometheusJSON(url: String, httpStatus: Int, body: String)
    case redirected(url: String, httpStatus: Int, location: String)
    case answerTooLarge(url: String, limitBytes: Int)
    case notAMatrix(role: QueryRole, resultType: String)
    case severalSeries(role: QueryRole, labels: [String])
    case offGridPoint(role: QueryRole, time: Double, window: QueryWindow)
    case notANumber(role: QueryRole, value: String, at: Instant, interval: SampleInterval)
    case negative(role: QueryRole, value: String, at: Instant, interval: SampleInterval)
    case nonInteger(role: QueryRole, value: String, at: Instant, interval: SampleInterval)
    case countTooLarge(role: QueryRole, value: String, at: Instant, interval: SampleInterval)
    case errorsAboveTotal(at: Instant, interval: SampleInterval, total: UInt64, errors: UInt64)
    case errorsWithoutTotal(at: Instant, interval: SampleInterval, errors: UInt64)

    public var description: String {
        switch self {
        case let .unreachable(url, reason):
            return "cannot reach \(url): \(reason)"
        case let .timedOut(url, seconds):
            return "\(url) did not answer within \(seconds) s"
        case let .server(url, status, errorType, error):
            return "\(url) answered HTTP \(status) (\(errorType)): \(error)"
        case let .http(url, status, body):
            return "\(url) answered HTTP \(status)" + (body.isEmpty ? "" : ": \(body)")
        case let .notPrometheusJSON(url, status, body):
            return "\(url) answered HTTP \(status) with something that is not a Prometheus API answer"
                + (body.isEmpty ? "" : ": \(body)") + " (is --url the server's base address, e.g. http://localhost:9090?)"
        case let .redirected(url, status, location):
            return "\(url) answered HTTP \(status), redirecting to \(location): use the address the API is at as --url"
        case let .answerTooLarge(url, limit):
            return "\(url) answered with more than \(limit / 1_048_576) MiB: does the query return many series? Aggregate it with sum(...)"
        case let .notAMatrix(role, type):
            return "the \(role.rawValue) query gives a \(type), not one series of counts"
        case let .severalSeries(role, labels):
            let shown = labels.prefix(5).joined(separator: ", ") + (labels.count > 5 ? ", … (\(labels.count) in all)" : "")
            return "the \(role.rawValue) query returns \(labels.count) series (\(shown)); it must return one: wrap it in sum(...)"
        case let .offGridPoint(role, time, window):
            return "the \(role.rawValue) query's answer has a point at \(time), off the requested steps (every \(window.step) s from \(window.start.rfc3339))"
        case let .notANumber(role, value, at, interval):
            return "the \(role.rawValue) query gives \(value) \(Self.place(at, interval)): a count must be a whole number"
        case let .negative(role, value, at, interval):
            return "the \(role.rawValue) query gives \(value) \(Self.place(at, interval)): a count cannot be negative"
        case let .nonInteger(role, value, at, interval):
            return "the \(role.rawValue) query gives \(value) \(Self.place(at, interval)), not a whole number:"
                + " increase() extrapolates, so wrap it in round(...), e.g. sum(round(increase(http_requests_total[\(interval)])))"
        case let .countTooLarge(role, value, at, interval):
            return "the \(role.rawValue) query gives \(value) \(Self.place(at, interval)): more than a samples file holds (10^15 requests)"
        case let .errorsAboveTotal(at, interval, total, errors):
            return "\(Self.place(at, interval).capitalizedFirst) the errors query gives \(errors) but the total query \(total): errors cannot exceed the total (do both queries count the same requests?)"
        case let .errorsWithoutTotal(at, interval, errors):
            return "\(Self.place(at, interval).capitalizedFirst) the errors query gives \(errors) but the total query has no value: errors cannot exceed the total (do both queries count the same requests?)"
        }
    }

    /// "for the interval from 00:04 (evaluated at 00:05)": the row a value becomes, and where it was read.
    static func place(_ at: Instant, _ interval: SampleInterval) -> String {
        "for the interval from \(at.adding(seconds: -interval.seconds).rfc3339) (evaluated at \(at.rfc3339))"
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
