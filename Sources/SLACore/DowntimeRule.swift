/// Where Downtime comes from (docs/spec.md §2 `downtime.source`).
public enum DowntimeSource: String, Sendable, Hashable, CaseIterable {
    /// The incidents' weight function (docs/spec.md §3).
    case incidents
    /// Request counts per interval from `content/status/samples/<service>.csv`.
    case samples
    /// Both: a minute is Downtime when either says so (docs/spec.md §3 *Both sources*).
    case samplesAndIncidents = "samples_and_incidents"
}

/// How request samples give Downtime (docs/spec.md §2 `downtime.method`).
public enum SampleMethod: String, Sendable, Hashable, CaseIterable {
    /// Downtime is `interval` × the counted bad intervals.
    case badIntervals = "bad_intervals"
    /// Uptime is 100 − the mean error rate of the intervals.
    case errorRate = "error_rate"
}

/// The `downtime` term as written at one level; nil means "not set here". A map: levels merge
/// it key by key (docs/spec.md §2 levels).
public struct DowntimeTerms: Sendable, Hashable {
    public var source: DowntimeSource?
    /// Minutes: 1, 5, 10, 15 or 30.
    public var interval: Int?
    public var method: SampleMethod?
    /// Percent.
    public var errorRateAbove: Double?
    public var minRequests: Int64?
    public var minConsecutive: Int?

    public init(
        source: DowntimeSource? = nil, interval: Int? = nil, method: SampleMethod? = nil, errorRateAbove: Double? = nil,
        minRequests: Int64? = nil, minConsecutive: Int? = nil
    ) {
        self.source = source
        self.interval = interval
        self.method = method
        self.errorRateAbove = errorRateAbove
        self.minRequests = minRequests
        self.minConsecutive = minConsecutive
    }

    /// docs/spec.md §2: maps merge key by key; `lower` wins for the keys it sets.
    public func merged(with lower: DowntimeTerms) -> DowntimeTerms {
        DowntimeTerms(
            source: lower.source ?? source, interval: lower.interval ?? interval, method: lower.method ?? method,
            errorRateAbove: lower.errorRateAbove ?? errorRateAbove, minRequests: lower.minRequests ?? minRequests,
            minConsecutive: lower.minConsecutive ?? minConsecutive)
    }

    /// The rule with docs/spec.md §2's defaults (`source: incidents`; for samples interval 1,
    /// `bad_intervals`, above 0 %, at least 1 request, runs of 1). Both sources count bad
    /// intervals only (docs/spec.md §3 *Both sources*): a `method` inherited from a higher level is not
    /// used with them (written beside `source: samples_and_incidents` it is an error).
    public var resolved: DowntimeRule {
        switch source {
        case nil, .incidents?: return .incidents
        case .samples?:
            return .samples(
                SampleRule(
                    interval: interval ?? 1, method: method ?? .badIntervals, errorRateAbove: errorRateAbove ?? 0,
                    minRequests: minRequests ?? 1, minConsecutive: minConsecutive ?? 1))
        case .samplesAndIncidents?:
            return .samplesAndIncidents(
                SampleRule(
                    interval: interval ?? 1, method: .badIntervals, errorRateAbove: errorRateAbove ?? 0,
                    minRequests: minRequests ?? 1, minConsecutive: minConsecutive ?? 1))
        }
    }
}

/// How Downtime is measured for one plan × service in one month (the resolved `downtime` term).
public enum DowntimeRule: Sendable, Hashable {
    case incidents
    case samples(SampleRule)
    /// docs/spec.md §3 *Both sources*: w'(t) = max(w(t), b(t)), the rule's method `bad_intervals`.
    case samplesAndIncidents(SampleRule)

    public var source: DowntimeSource {
        switch self {
        case .incidents: .incidents
        case .samples: .samples
        case .samplesAndIncidents: .samplesAndIncidents
        }
    }

    /// The samples rule, for samples alone or both sources.
    public var sampleRule: SampleRule? {
        switch self {
        case .incidents: nil
        case .samples(let r), .samplesAndIncidents(let r): r
        }
    }

    /// Whether Downtime comes from samples alone (incidents count nothing then).
    public var samplesOnly: Bool { source == .samples }

    /// Whether the incidents' weight function counts (alone, or with the bad intervals).
    public var countsIncidents: Bool { source != .samples }
}

/// docs/spec.md §3 *Downtime from samples*: the parameters of one samples rule.
public struct SampleRule: Sendable, Hashable {
    /// Minutes per interval (1, 5, 10, 15 or 30).
    public var interval: Int
    public var method: SampleMethod
    /// An interval is bad when its error rate (percent) is above this.
    public var errorRateAbove: Double
    /// An interval with fewer requests has error rate 0.
    public var minRequests: Int64
    /// Bad intervals count only in runs of at least this many.
    public var minConsecutive: Int

    public init(
        interval: Int = 1, method: SampleMethod = .badIntervals, errorRateAbove: Double = 0, minRequests: Int64 = 1,
        minConsecutive: Int = 1
    ) {
        self.interval = interval
        self.method = method
        self.errorRateAbove = errorRateAbove
        self.minRequests = minRequests
        self.minConsecutive = minConsecutive
    }

    /// Seconds per interval.
    public var intervalSeconds: Int64 { Int64(interval) * 60 }

    /// The threshold as an exact fraction, for `ErrorThreshold.isExceeded(errors:total:)`.
    public var threshold: ErrorThreshold { ErrorThreshold(percent: errorRateAbove) }
}

/// An error-rate threshold in percent as num / den, den a power of ten up to 10^15: the
/// threshold's shortest decimal form, as written in content (finer digits are rounded).
public struct ErrorThreshold: Sendable, Hashable {
    public let num: UInt64
    public let den: UInt64

    public init(percent p: Double) {
        var den: UInt64 = 1
        var num = p.rounded()
        var k = 0
        while k < 15 && num / Double(den) != p {
            den *= 10
            k += 1
            num = (p * Double(den)).rounded()
        }
        self.num = UInt64(num)
        self.den = den
    }

    /// Whether `errors` of `total` requests is an error rate above the threshold, decided
    /// exactly: 100 × errors / total > num / den ⇔ 100 × errors × den > num × total (in 128
    /// bits), so "above 5 %" never misjudges 5 of 100.
    @inline(__always)
    public func isExceeded(errors: UInt64, total: UInt64) -> Bool {
        let lhs = errors.multipliedFullWidth(by: 100 * den)
        let rhs = total.multipliedFullWidth(by: num)
        return lhs.high != rhs.high ? lhs.high > rhs.high : lhs.low > rhs.low
    }
}
