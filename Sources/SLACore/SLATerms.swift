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

    /// Plain-words form, e.g. "within 15 minutes", "within 1 business day", "immediately".
    public func phrase(_ s: StringTable) -> String {
        switch unit {
        case .immediate: s[.responseImmediately]
        case .minutes: s.plural(amount, one: .responseMinutesOne, other: .responseMinutesOther)
        case .hours: s.plural(amount, one: .responseHoursOne, other: .responseHoursOther)
        case .days: s.plural(amount, one: .responseDaysOne, other: .responseDaysOther)
        case .businessDays: s.plural(amount, one: .responseBusinessDaysOne, other: .responseBusinessDaysOther)
        }
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

    /// SPEC §2: maps merge key by key; `lower` wins for keys it sets.
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

/// SLA terms as written at one level; nil means "not set here" (SPEC §2, levels).
public struct SLATerms: Sendable, Hashable {
    public var uptime: Double?
    public var credits: [CreditTier]?
    public var creditCap: Double?
    public var claimWindowDays: Int?
    /// Instead of days: by the end of the Nth calendar month after the month.
    public var claimWindowMonths: Int?
    /// Weights set at this level, impact by impact (merged key by key).
    public var impactWeights: [Impact: Double]?
    public var excludeMaintenance: Bool?
    public var terminationConsecutiveMisses: Int?
    public var support: SupportTerms?
    /// SPEC §2 `downtime`: how Downtime is measured (a map, merged key by key).
    public var downtime: DowntimeTerms?
    /// SPEC §2 `period`: the measurement period.
    public var period: PeriodKind?
    /// SPEC §2 `period_start_month`: the month quarters and years start in.
    public var periodStartMonth: Int?

    public init(
        uptime: Double? = nil, credits: [CreditTier]? = nil, creditCap: Double? = nil,
        claimWindowDays: Int? = nil, claimWindowMonths: Int? = nil, impactWeights: [Impact: Double]? = nil,
        excludeMaintenance: Bool? = nil, terminationConsecutiveMisses: Int? = nil, support: SupportTerms? = nil,
        downtime: DowntimeTerms? = nil, period: PeriodKind? = nil, periodStartMonth: Int? = nil
    ) {
        self.period = period
        self.periodStartMonth = periodStartMonth
        self.uptime = uptime
        self.credits = credits
        self.creditCap = creditCap
        self.claimWindowDays = claimWindowDays
        self.claimWindowMonths = claimWindowMonths
        self.impactWeights = impactWeights
        self.excludeMaintenance = excludeMaintenance
        self.terminationConsecutiveMisses = terminationConsecutiveMisses
        self.support = support
        self.downtime = downtime
    }

    /// SPEC §2: a lower level overrides each key it sets; maps merge key by key; lists are replaced whole.
    public func merged(with lower: SLATerms) -> SLATerms {
        var out = self
        if let v = lower.uptime { out.uptime = v }
        if let v = lower.credits { out.credits = v }
        if let v = lower.creditCap { out.creditCap = v }
        // The two claim windows are one choice: the level that sets one sets the window.
        if lower.claimWindowDays != nil || lower.claimWindowMonths != nil {
            out.claimWindowDays = lower.claimWindowDays
            out.claimWindowMonths = lower.claimWindowMonths
        }
        if let v = lower.impactWeights { out.impactWeights = (out.impactWeights ?? [:]).merging(v) { _, lower in lower } }
        if let v = lower.excludeMaintenance { out.excludeMaintenance = v }
        if let v = lower.terminationConsecutiveMisses { out.terminationConsecutiveMisses = v }
        if let v = lower.support { out.support = out.support.map { $0.merged(with: v) } ?? v }
        if let v = lower.downtime { out.downtime = out.downtime.map { $0.merged(with: v) } ?? v }
        if let v = lower.period { out.period = v }
        if let v = lower.periodStartMonth { out.periodStartMonth = v }
        return out
    }

    /// Merges levels from highest (site defaults) to lowest (plan.services.X) and applies defaults.
    /// - Parameter weights: the site's `impact_weights`, which the levels amend impact by impact.
    public static func resolve(_ levels: [SLATerms], weights: ImpactWeights = .standard) -> ResolvedTerms {
        let merged = levels.reduce(SLATerms()) { $0.merged(with: $1) }
        var resolvedWeights = weights
        for (impact, w) in merged.impactWeights ?? [:] { resolvedWeights[impact] = w }
        return ResolvedTerms(
            uptime: merged.uptime,
            credits: merged.credits ?? [],
            creditCap: merged.creditCap ?? 100,
            claimWindowDays: merged.claimWindowDays,
            claimWindowMonths: merged.claimWindowMonths,
            impactWeights: resolvedWeights,
            excludeMaintenance: merged.excludeMaintenance ?? true,
            terminationConsecutiveMisses: merged.terminationConsecutiveMisses,
            support: merged.support, downtime: merged.downtime?.resolved ?? .incidents,
            period: merged.period ?? .month, periodStartMonth: merged.periodStartMonth ?? 1)
    }
}

/// The terms in force for one plan and service after inheritance and defaults.
public struct ResolvedTerms: Sendable, Hashable {
    /// Monthly uptime objective in percent; nil means "no uptime commitment".
    public var uptime: Double?
    public var credits: [CreditTier]
    public var creditCap: Double
    public var claimWindowDays: Int?
    /// By the end of the Nth calendar month after the month (instead of `claimWindowDays`).
    public var claimWindowMonths: Int?
    /// Downtime weight per impact for this plan × service (an incident's own `weight` wins).
    public var impactWeights: ImpactWeights
    public var excludeMaintenance: Bool
    public var terminationConsecutiveMisses: Int?
    public var support: SupportTerms?
    /// SPEC §2 `downtime`: how Downtime is measured (incidents unless the terms say samples).
    public var downtime: DowntimeRule
    /// SPEC §2 `period`: the measurement period every figure is judged over.
    public var period: PeriodKind
    /// SPEC §2 `period_start_month`: the month (1–12) quarters and years start in.
    public var periodStartMonth: Int

    public init(
        uptime: Double?, credits: [CreditTier] = [], creditCap: Double = 100, claimWindowDays: Int? = nil,
        claimWindowMonths: Int? = nil, impactWeights: ImpactWeights = .standard,
        excludeMaintenance: Bool = true, terminationConsecutiveMisses: Int? = nil, support: SupportTerms? = nil,
        downtime: DowntimeRule = .incidents, period: PeriodKind = .month, periodStartMonth: Int = 1
    ) {
        self.period = period
        self.periodStartMonth = periodStartMonth
        self.uptime = uptime
        self.credits = credits
        self.creditCap = creditCap
        self.claimWindowDays = claimWindowDays
        self.claimWindowMonths = claimWindowMonths
        self.impactWeights = impactWeights
        self.excludeMaintenance = excludeMaintenance
        self.terminationConsecutiveMisses = terminationConsecutiveMisses
        self.support = support
        self.downtime = downtime
    }

    /// SPEC §3 `claim_by`: the last day on which a credit for month `m` may be claimed — the
    /// month's last day plus `claim_window_days`, or the last day of the `claim_window_months`-th
    /// month after; nil without a window.
    public func claimBy(_ m: YearMonth) -> CalendarDay? {
        claimBy(Period(month: m))
    }

    /// SPEC §3 Periods: `claim_by` counted from the period's end — its last day plus
    /// `claim_window_days`, or the last day of the `claim_window_months`-th month after its last
    /// month; nil without a window.
    public func claimBy(_ p: Period) -> CalendarDay? {
        if let days = claimWindowDays { return p.to.adding(days: days) }
        if let months = claimWindowMonths { return p.last.adding(months: months).lastDay }
        return nil
    }

    /// SPEC §3: the per-month budget quoted on summaries, over the average month of 43,830 minutes.
    public var budgetMinutesPerMonth: Double? {
        uptime.map { SLAArithmetic.budget(objective: $0, minutes: SLAArithmetic.averageMonthMinutes) }
    }

    /// The budget quoted on summaries per measurement period: over the average month × the
    /// period's months (a quarter of 131,490 minutes, a year of 525,960).
    public var budgetMinutesPerPeriod: Double? {
        uptime.map { SLAArithmetic.budget(objective: $0, minutes: SLAArithmetic.averageMonthMinutes * Double(period.months)) }
    }

    /// The period of these terms that holds month `m`.
    public func period(containing m: YearMonth) -> Period {
        Period(period, containing: m, startMonth: periodStartMonth)
    }

    /// Credit tiers ordered from the highest threshold down.
    public var tiersByThreshold: [CreditTier] {
        credits.sorted { $0.below != $1.below ? $0.below > $1.below : $0.credit < $1.credit }
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
