import SLACore

/// The promise of one plan × service in plain words (the bullets of the plan and details pages).
struct ServiceSummary {
    let level: ServiceLevel
    /// The site's wording for the level's period ("quarterly uptime", docs/spec.md §3 Periods).
    let strings: PageText

    init(level: ServiceLevel, strings: PageText) {
        self.level = level
        self.strings = strings.forPeriod(level.terms.period)
    }

    /// "99.9 % monthly uptime" or "No uptime commitment".
    var objective: String {
        level.terms.uptime.map { strings(.objectiveMonthlyUptime, ["objective": strings.percent($0)]) }
            ?? strings[.noUptimeCommitment]
    }

    /// "up to 43.8 minutes of downtime a month" (docs/spec.md §3: the average month of 43,830 minutes;
    /// a quarter of three such months, a year of twelve).
    var budget: String? {
        level.terms.budgetMinutesPerPeriod.map { strings(.budgetPerMonth, ["minutes": strings.minutesInWords($0)]) }
    }

    /// The credit in effect below each threshold, highest first (docs/spec.md §3, from the credit rule).
    var effectiveTiers: [CreditTier] { SLAArithmetic.creditSchedule(level.terms) }

    /// "10 % credit below 99.9 %, 25 % below 99 %" (nil without tiers).
    var credits: String? {
        let tiers = effectiveTiers
        guard !tiers.isEmpty else { return nil }
        var parts: [String] = []
        for (k, tier) in tiers.enumerated() {
            parts.append(
                strings(
                    k == 0 ? .creditFirstTier : .creditNextTier,
                    ["credit": strings.percent(tier.credit), "below": strings.percent(tier.below)]))
        }
        return parts.joined(separator: ", ")
    }

    /// "critical issues: response within 1 hour, 24×7" for the most urgent severity written first.
    var support: String? {
        guard let support = level.terms.support else { return nil }
        let hours = PageFormat.hours(support.hours, strings)
        guard let first = support.response.first else {
            return hours.map { strings(.supportHoursOnly, ["hours": $0]) }
        }
        let values: KeyValuePairs = ["severity": first.severity, "time": first.time.phrase(strings.strings), "hours": hours ?? ""]
        return strings(hours == nil ? .supportFirstResponse : .supportFirstResponseHours, values)
    }

    /// Every bullet, in reading order.
    var bullets: [String] {
        [objective, budget, credits, support].compactMap { $0 }
    }
}
