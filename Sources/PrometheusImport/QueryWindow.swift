import SLACore

/// One `query_range` request's evaluation times: `start`, `start + step`, …, `end` (both included).
public struct QueryWindow: Sendable, Hashable {
    public let start: Instant
    public let end: Instant
    public let step: Int64

    public init(start: Instant, end: Instant, step: Int64) {
        self.start = start
        self.end = end
        self.step = step
    }

    /// The points of one series in this window's answer.
    public var points: Int64 { start.seconds(to: end) / step + 1 }

    /// The largest request below Prometheus's limit of 11,000 points per series (its check is
    /// `(end − start) / step > 11000`), with room for servers that count one point more.
    public static let defaultMaxPoints: Int64 = 10_000

    /// The requests that evaluate at the end of every interval of `range`, each exactly once.
    ///
    /// `increase(x[1m])` at t counts the interval that ends at t, so the row starting at s is
    /// evaluated at s + interval: the times run from `range.from + interval` to `range.to`.
    public static func windows(for range: ImportRange, maxPoints: Int64 = defaultMaxPoints) -> [QueryWindow] {
        precondition(maxPoints >= 1)
        let step = range.interval.seconds
        let first = range.from.adding(seconds: step)
        var windows: [QueryWindow] = []
        var index: Int64 = 0
        while index < range.count {
            let last = min(index + maxPoints, range.count) - 1
            windows.append(QueryWindow(start: first.adding(seconds: index * step), end: first.adding(seconds: last * step), step: step))
            index = last + 1
        }
        return windows
    }
}
