import SLACore
import Yams

/// Readers of the SLA terms' compound values — a list of credit tiers, the support map, the
/// `downtime` map, the impact weights — that the term descriptions (SiteRender's `TermCatalog`)
/// call through `MappingReader`'s term readers below. Which keys are terms, and how a scalar
/// term reads, is the descriptions' (SiteContent knows no term list).
enum TermsDecoder {
    /// The keys of the `downtime` term (docs/spec.md §2).
    static let downtimeKeys = ["source", "interval", "method", "error_rate_above", "min_requests", "min_consecutive"]

    static let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-")

    /// `downtime`: `{source: incidents}`, `{source: samples, interval, method,
    /// error_rate_above, min_requests, min_consecutive}` or `{source: samples_and_incidents, …}`
    /// (docs/spec.md §2; method `bad_intervals` only); any subset of the keys, as levels merge it key by key.
    static func downtime(_ node: Node, source: YAMLSource) -> DowntimeTerms? {
        let r = MappingReader(node, in: source, what: "downtime", allowed: downtimeKeys)
        guard r.isMapping else { return nil }
        var terms = DowntimeTerms()
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
            guard let v = r.value(key) else { return nil }
            let names = T.allCases.map(\.rawValue)
            if case let .scalar(s) = v, let value = T(rawValue: s.string.trimmingSpaces()) { return value }
            source.error(
                v, "\(key) must be \(names.dropLast().joined(separator: ", ")) or \(names.last!), got \(MappingReader.describe(v))",
                hint: Suggestion.hint(for: v.scalar?.string ?? "", in: names))
            return nil
        }
        terms.source = choice("source", DowntimeSource.self)
        if let v = r.value("interval") {
            // docs/spec.md §2: intervals that divide every hour, so they tile every month from its first instant.
            let allowed = [1, 5, 10, 15, 30]
            if case let .scalar(s) = v, let n = Int(s.string.trimmingSpaces()), allowed.contains(n) {
                terms.interval = n
            } else {
                source.error(v, "interval must be 1, 5, 10, 15 or 30 (minutes), got \(MappingReader.describe(v))")
            }
        }
        terms.method = choice("method", SampleMethod.self)
        terms.errorRateAbove = r.number(
            "error_rate_above", in: 0...100,
            rangeText: "a percentage between 0 and 100 (an interval with a higher error rate is bad)")
        terms.minRequests = r.integer(
            "min_requests", in: 1...1_000_000_000, rangeText: "a whole number of requests between 1 and 1000000000"
        ).map(Int64.init)
        terms.minConsecutive = r.integer(
            "min_consecutive", in: 1...100_000, rangeText: "a whole number of intervals between 1 and 100000")
        // Keys that the rule written here cannot use are reported where they are written.
        if terms.source == .incidents {
            for key in downtimeKeys.dropFirst() where r.has(key) {
                source.warning(
                    r.value(key), "\(key) has no effect with source: incidents (Downtime then comes from the incidents)")
            }
        }
        // docs/spec.md §3 Both sources: bad intervals are what a minute of samples can say, so only them.
        if terms.source == .samplesAndIncidents, terms.method == .errorRate, let v = r.value("method") {
            source.error(
                v,
                "method error_rate cannot be used with source: samples_and_incidents: both sources count bad intervals (method: bad_intervals), use source: samples for the mean error rate")
        }
        if terms.method == .errorRate && terms.source != .samplesAndIncidents {
            for key in ["error_rate_above", "min_consecutive"] where r.has(key) {
                source.warning(r.value(key), "\(key) has no effect with method: error_rate (uptime is 100 − the mean error rate)")
            }
        }
        return terms
    }

    /// `impact_weights`: a weight between 0 and 1 per impact, for the impacts it names.
    static func impactWeights(_ node: Node, source: YAMLSource) -> [(Impact, Double)] {
        let w = MappingReader(node, in: source, what: "impact_weights", allowed: Impact.allCases.map(\.rawValue))
        guard w.isMapping else { return [] }
        return Impact.allCases.compactMap { impact in
            w.number(impact.rawValue, in: 0...1, rangeText: "a weight between 0 and 1").map { (impact, $0) }
        }
    }

    static func credits(_ node: Node, source: YAMLSource) -> [CreditTier]? {
        guard case let .sequence(seq) = node else {
            source.error(node, "credits must be a list of {below, credit} tiers, got \(MappingReader.describe(node))")
            return nil
        }
        var tiers: [(CreditTier, Node)] = []
        var ok = true
        for item in seq {
            let r = MappingReader(item, in: source, what: "credit tier", allowed: ["below", "credit"])
            guard r.isMapping else {
                ok = false
                continue
            }
            let below = r.requireValue("below", what: "credit tier").flatMap {
                MappingReader.number($0, key: "below", in: 0...100, rangeText: "a percentage between 0 and 100", source: source)
            }
            let credit = r.requireValue("credit", what: "credit tier").flatMap {
                MappingReader.number($0, key: "credit", in: 0...100, rangeText: "a percentage between 0 and 100", source: source)
            }
            if let below, let credit {
                tiers.append((CreditTier(below: below, credit: credit), item))
                let p = source.position(item)
                source.sink.tiers.append(WrittenTier(tier: CreditTier(below: below, credit: credit), file: source.file, line: p.line, column: p.column))
            } else {
                ok = false
            }
        }
        guard ok else { return nil }
        // docs/spec.md §5: tiers should give more credit for lower uptime; warn otherwise.
        let sorted = tiers.sorted { $0.0.below > $1.0.below }
        for (higher, lower) in zip(sorted, sorted.dropFirst()) where lower.0.credit < higher.0.credit {
            source.warning(
                lower.1,
                "credit tiers are not monotonic: \(Published.text(lower.0.credit)) % below \(Published.text(lower.0.below)) % is less than \(Published.text(higher.0.credit)) % below \(Published.text(higher.0.below)) %"
            )
        }
        var seen: Set<Double> = []
        for (tier, node) in tiers where !seen.insert(tier.below).inserted {
            source.error(node, "two credit tiers have the same threshold below \(Published.text(tier.below))")
        }
        return tiers.map(\.0)
    }

    static func support(_ node: Node, source: YAMLSource) -> SupportTerms? {
        let r = MappingReader(node, in: source, what: "support", allowed: ["hours", "response"])
        guard r.isMapping else { return nil }
        var terms = SupportTerms()
        if let h = r.value("hours") {
            if case let .scalar(s) = h, let hours = SupportHours(rawValue: s.string.trimmingSpaces().lowercased()) {
                terms.hours = hours
            } else {
                source.error(h, "hours must be \"24x7\" or \"business\", got \(MappingReader.describe(h))")
            }
        }
        if let resp = r.value("response") {
            guard case let .mapping(m) = resp else {
                source.error(resp, "response must be a mapping of severity to response time, got \(MappingReader.describe(resp))")
                return terms
            }
            for (k, v) in m {
                guard case let .scalar(ks) = k, isID(ks.string) else {
                    source.error(k, "a severity must be a name of a-z, 0-9 and -, got \(MappingReader.describe(k))")
                    continue
                }
                guard case let .scalar(vs) = v, let time = ResponseTime(parsing: vs.string) else {
                    source.error(
                        v,
                        "response time for \(ks.string) must be like immediate, 15m, 4h or 1 business day, got \(MappingReader.describe(v))"
                    )
                    continue
                }
                terms.response.append((ks.string, time))
            }
        }
        return terms
    }

    static func isID(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 100 && s.allSatisfy { idCharacters.contains($0) }
    }
}

/// Reading the terms' values from one level's mapping, for the term descriptions: each reports
/// its problems at the value's file:line:column and returns nil then, or when the key is absent.
extension MappingReader {
    /// A warning at `key`'s value.
    package func warning(at key: String, _ message: String) {
        source.warning(value(key), message)
    }

    /// An error at `key`'s value.
    package func error(at key: String, _ message: String) {
        source.error(value(key), message)
    }

    /// One of `T`'s raw values, e.g. `period: quarter`; else "key must be a<separator>b…, got …"
    /// with "did you mean".
    package func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, separator: String) -> T?
    where T.RawValue == String {
        guard let v = value(key) else { return nil }
        let names = T.allCases.map(\.rawValue)
        if case let .scalar(s) = v, let choice = T(rawValue: s.string.trimmingSpaces()) { return choice }
        source.error(
            v, "\(key) must be \(names.joined(separator: separator)), got \(Self.describe(v))",
            hint: Suggestion.hint(for: v.scalar?.string ?? "", in: names))
        return nil
    }

    /// The mapping under `key` (reporting unknown keys in it as `what`); nil when absent or not a mapping.
    package func mapping(_ key: String, what: String, allowed: [String]) -> MappingReader? {
        guard let v = value(key) else { return nil }
        let r = MappingReader(v, in: source, what: what, allowed: allowed)
        return r.isMapping ? r : nil
    }

    /// `credits`: a list of `{below, credit}` tiers (docs/spec.md §2).
    package func creditTiers(_ key: String) -> [CreditTier]? {
        value(key).flatMap { TermsDecoder.credits($0, source: source) }
    }

    /// `support`: hours and response times by severity.
    package func supportTerms(_ key: String) -> SupportTerms? {
        value(key).flatMap { TermsDecoder.support($0, source: source) }
    }

    /// `downtime`: the keys of the rule set at this level.
    package func downtimeTerms(_ key: String) -> DowntimeTerms? {
        value(key).flatMap { TermsDecoder.downtime($0, source: source) }
    }

    /// `impact_weights`: a weight per impact, for the impacts it names.
    package func impactWeights(_ key: String) -> [Impact: Double]? {
        value(key).map { Dictionary(TermsDecoder.impactWeights($0, source: source), uniquingKeysWith: { _, b in b }) }
    }
}
