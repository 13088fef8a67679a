/// One service-credit tier: `credit` percent of the monthly fee when uptime is below `below`.
public struct CreditTier: Sendable, Hashable {
    public var below: Double
    public var credit: Double

    public init(below: Double, credit: Double) {
        self.below = below
        self.credit = credit
    }
}

/// Hours during which support responds.
public enum SupportHours: String, Sendable, Hashable {
    case allHours = "24x7"
    case business
}

/// A promised response time such as `immediate`, `10m`, `4h` or `1 business day`.
public struct ResponseTime: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable { case immediate, minutes, hours, days, businessDays }
    public var amount: Int
    public var unit: Unit
    /// The text as written in content.
    public var text: String

    public init(amount: Int, unit: Unit, text: String) {
        self.amount = amount
        self.unit = unit
        self.text = text
    }

    /// Parses `immediate`, `N m|min|minutes`, `N h|hours`, `N d|days`, `N business day(s)`.
    public init?(parsing raw: String) {
        let text = raw.trimmingSpaces()
        let lower = text.lowercased()
        if lower == "immediate" || lower == "immediately" {
            self.init(amount: 0, unit: .immediate, text: text)
            return
        }
        var digits = Substring(lower)
        let numberPart = digits.prefix { $0.isASCIIDigit }
        guard !numberPart.isEmpty, numberPart.count <= 6, let n = Int(numberPart), n > 0 else { return nil }
        digits = digits.dropFirst(numberPart.count)
        let unitText = digits.trimmingSpacesSubstring()
        let unit: Unit
        switch unitText {
        case "m", "min", "mins", "minute", "minutes": unit = .minutes
        case "h", "hr", "hrs", "hour", "hours": unit = .hours
        case "d", "day", "days": unit = .days
        case "business day", "business days", "bd": unit = .businessDays
        default: return nil
        }
        self.init(amount: n, unit: unit, text: text)
    }
}

/// Support terms: hours and response time per severity, in the order written.
public struct SupportTerms: Sendable, Hashable {
    public var hours: SupportHours?
    public var response: [(severity: String, time: ResponseTime)]

    public init(hours: SupportHours? = nil, response: [(severity: String, time: ResponseTime)] = []) {
        self.hours = hours
        self.response = response
    }

    public static func == (a: SupportTerms, b: SupportTerms) -> Bool {
        a.hours == b.hours && a.response.count == b.response.count
            && zip(a.response, b.response).allSatisfy { $0.severity == $1.severity && $0.time == $1.time }
    }

    public func hash(into h: inout Hasher) {
        h.combine(hours)
        for r in response {
            h.combine(r.severity)
            h.combine(r.time)
        }
    }

    /// docs/spec.md §2: maps merge key by key; `lower` wins for keys it sets.
    public func merged(with lower: SupportTerms) -> SupportTerms {
        var out = self
        if let h = lower.hours { out.hours = h }
        for r in lower.response {
            if let i = out.response.firstIndex(where: { $0.severity == r.severity }) {
                out.response[i] = r
            } else {
                out.response.append(r)
            }
        }
        return out
    }
}

/// SLA terms as written at one level (site defaults, a service's defaults, a plan, a plan ×
/// service, a revision): the values it writes, by the `TermKey` of the term they set; a term
/// not written is "not set here" (docs/spec.md §2 levels).
///
/// It lists no term: a level's decoder (each term's description in SiteRender's
/// `TermCatalog`) writes `terms[TermKeys.creditCap] = value`, and merging and resolving go
/// through each key's `TermField` rule. Reading one written value casts it, which is fine where
/// terms are read as written (parsing, merging); the arithmetic reads `ResolvedTerms`.
public struct SLATerms: Sendable, Hashable {
    /// One written value: the key it sets (by its slot, so that comparing and ordering cost an
    /// integer compare) and that key's rules.
    struct Entry: @unchecked Sendable {
        // @unchecked: the value is one of the model's value types (all Sendable) boxed in
        // AnyHashable, and the closures capture only a key; nothing here is mutable.
        let slot: Int
        /// The key's `name` (the content key that sets it), for tests and messages.
        let name: String
        let value: AnyHashable
        let mergesWhole: Bool
        let merge: (AnyHashable, AnyHashable) -> AnyHashable
        let resolve: (AnyHashable, inout ResolvedTerms) -> Void
    }

    /// Sorted by slot: one entry per term written.
    private var entries: [Entry] = []

    /// Nothing written.
    public init() {}

    /// The values `write` sets, e.g. `SLATerms { $0[TermKeys.uptime] = 99.9 }`.
    public init(_ write: (inout SLATerms) throws -> Void) rethrows {
        try write(&self)
    }

    /// Whether this level writes no term.
    public var isEmpty: Bool { entries.isEmpty }

    /// The names of the keys this level writes (`TermKey.name`), in slot order.
    public var writtenNames: [String] { entries.map(\.name) }

    /// The value written here for `key`; nil when this level does not set it. Setting nil
    /// removes it.
    public subscript<V>(key: TermKey<V>) -> V.Written? {
        get {
            entries.first { $0.slot == key.slot }.map { $0.value.base as! V.Written }
        }
        set {
            let slot = key.slot
            entries.removeAll { $0.slot == slot }
            guard let newValue else { return }
            let entry = Entry(
                slot: slot, name: key.name, value: AnyHashable(newValue), mergesWhole: V.mergesWhole,
                merge: { higher, lower in AnyHashable(V.merge(higher.base as! V.Written, lower.base as! V.Written)) },
                resolve: { written, terms in terms[key] = V.resolved(written.base as! V.Written, over: terms[key]) })
            entries.insert(entry, at: entries.firstIndex { $0.slot > slot } ?? entries.endIndex)
        }
    }

    /// docs/spec.md §2: a lower level overrides each key it sets; maps merge key by key; lists are
    /// replaced whole (each key's `TermField.merge`).
    public func merged(with lower: SLATerms) -> SLATerms {
        var out = self
        for e in lower.entries {
            guard let i = out.entries.firstIndex(where: { $0.slot >= e.slot }), out.entries[i].slot == e.slot else {
                out.entries.insert(e, at: out.entries.firstIndex { $0.slot > e.slot } ?? out.entries.endIndex)
                continue
            }
            if e.mergesWhole {
                out.entries[i] = e
            } else {
                let higher = out.entries[i]
                out.entries[i] = Entry(
                    slot: e.slot, name: e.name, value: e.merge(higher.value, e.value), mergesWhole: false, merge: e.merge, resolve: e.resolve)
            }
        }
        return out
    }

    /// Merges levels from highest (site defaults) to lowest (plan.services.X) and applies defaults.
    /// - Parameter weights: the site's `impact_weights`, which the levels amend impact by impact.
    public static func resolve(_ levels: [SLATerms], weights: ImpactWeights = .standard) -> ResolvedTerms {
        let merged = levels.reduce(SLATerms()) { $0.merged(with: $1) }
        var terms = ResolvedTerms()
        terms.impactWeights = weights
        for e in merged.entries { e.resolve(e.value, &terms) }
        return terms
    }

    public static func == (a: SLATerms, b: SLATerms) -> Bool {
        // The same storage (a kept decode's terms) is equal without reading it.
        sharesStorage(a.entries, b.entries)
            || a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.slot == $1.slot && $0.value == $1.value }
    }

    public func hash(into h: inout Hasher) {
        h.combine(entries.count)
        for e in entries {
            h.combine(e.slot)
            h.combine(e.value)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    public func trimmingSpaces() -> String {
        String(trimmingSpacesSubstring())
    }

    /// Whether `needle` occurs in the text, comparing UTF-8 bytes (no Foundation bridging,
    /// which is slow on long texts).
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        var haystack = String(self)
        return needle.withUTF8 { n in
            haystack.withUTF8 { h in
                guard let first = n.first else { return true }
                guard h.count >= n.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    func trimmingSpacesSubstring() -> Substring {
        let s = Substring(self)
        let start = s.firstIndex { !$0.isWhitespace } ?? s.endIndex
        let end = s.lastIndex { !$0.isWhitespace }.map { s.index(after: $0) } ?? start
        return start < end ? s[start..<end] : s[start..<start]
    }
}
