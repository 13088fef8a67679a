import SLACore

/// Whole counts by evaluation time, read from the answers of one query over all its windows.
public struct CountSeries: Sendable, Hashable {
    /// Count by evaluation time (seconds since 1970); an instant without a point has no entry.
    public var counts: [Int64: UInt64] = [:]

    /// How close to a whole number a value must be to count as one (float noise of a sum).
    public static let integerTolerance = 1e-6
    /// The largest count a samples file holds (10^15, below 2^53 where floating point still
    /// keeps every whole number).
    static let largestCount = Double(SampleSeries.maxCount)

    public init(counts: [Int64: UInt64] = [:]) { self.counts = counts }

    /// Reads `answers` (one per window, in order); every problem is collected, not just the first.
    public static func read(
        _ answers: [(window: QueryWindow, answer: QueryRangeAnswer)], role: QueryRole, interval: SampleInterval
    ) -> (series: CountSeries, problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        var series = CountSeries()
        // A query must return one series over the whole range, so labels are gathered across windows.
        var labelSets: [String] = []
        var seenLabels: Set<String> = []
        for (_, answer) in answers {
            guard let data = answer.data else { continue }
            if data.resultType != "matrix" {
                problems.append(.notAMatrix(role: role, resultType: data.resultType))
                return (series, problems)
            }
            for s in data.result where seenLabels.insert(s.labelText).inserted { labelSets.append(s.labelText) }
        }
        if labelSets.count > 1 {
            problems.append(.severalSeries(role: role, labels: labelSets))
            return (series, problems)
        }
        for (window, answer) in answers {
            for s in answer.data?.result ?? [] {
                for point in s.values {
                    // The server writes times as seconds with up to 3 decimals; ours are whole steps.
                    // A point outside the window is the server's own widening (VictoriaMetrics
                    // moves a range's ends for its cache): another window, or no row, has it.
                    if point.time < Double(window.start.seconds) || point.time > Double(window.end.seconds) { continue }
                    let millis = (point.time * 1000).rounded()
                    let seconds = Int64(exactly: millis / 1000) ?? Int64.min
                    guard millis.truncatingRemainder(dividingBy: 1000) == 0, (seconds - window.start.seconds) % window.step == 0
                    else {
                        problems.append(.offGridPoint(role: role, time: point.time, window: window))
                        continue
                    }
                    let at = Instant(seconds: seconds)
                    switch count(point.value) {
                    case let .success(n): series.counts[seconds] = n
                    case .failure(.notANumber): problems.append(.notANumber(role: role, value: point.value, at: at, interval: interval))
                    case .failure(.negative): problems.append(.negative(role: role, value: point.value, at: at, interval: interval))
                    case .failure(.nonInteger): problems.append(.nonInteger(role: role, value: point.value, at: at, interval: interval))
                    case .failure(.tooLarge): problems.append(.countTooLarge(role: role, value: point.value, at: at, interval: interval))
                    }
                }
            }
        }
        return (series, problems)
    }

    enum CountProblem: Error { case notANumber, negative, nonInteger, tooLarge }

    /// A sample value as a whole count: within `integerTolerance` of a whole number, 0 or more.
    static func count(_ text: String) -> Result<UInt64, CountProblem> {
        guard let value = Double(text), value.isFinite else { return .failure(.notANumber) }
        let whole = value.rounded()
        guard abs(value - whole) <= integerTolerance else { return .failure(value < 0 ? .negative : .nonInteger) }
        guard whole >= 0 else { return .failure(.negative) }
        guard whole <= largestCount else { return .failure(.tooLarge) }
        // `-0.0000001` rounds to -0: a zero count.
        return .success(UInt64(whole))
    }
}
