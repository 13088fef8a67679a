/// The length of one samples row: the query_range step and the window of `increase(...[1m])`.
public struct SampleInterval: Sendable, Hashable, CustomStringConvertible {
    /// The lengths the `downtime` term allows (docs/spec.md §2), so rows never straddle the terms' intervals.
    public static let allowedMinutes = [1, 5, 10, 15, 30]

    public let minutes: Int
    public var seconds: Int64 { Int64(minutes) * 60 }

    /// Parses `1m`, `5m`, `10m`, `15m` or `30m`; nil for anything else.
    public init?(_ text: String) {
        guard text.hasSuffix("m"), let n = Int(text.dropLast()), Self.allowedMinutes.contains(n) else { return nil }
        minutes = n
    }

    public init?(minutes: Int) {
        guard Self.allowedMinutes.contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public var description: String { "\(minutes)m" }
}
