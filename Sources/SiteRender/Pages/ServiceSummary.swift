import SLACore

/// The promise of one plan × service in plain words (the bullets of the plan and details pages).
struct ServiceSummary {
    let level: ServiceLevel

    /// "99.9 % monthly uptime" or "No uptime commitment".
    var objective: String {
        level.terms.uptime.map { PageFormat.percent($0) + " monthly uptime" } ?? "No uptime commitment"
    }

    /// "up to 43.8 minutes of downtime a month" (SPEC §3: the average month of 43,830 minutes).
    var budget: String? {
        level.budgetMinutesPerMonth.map { "up to " + PageFormat.minutesInWords($0) + " of downtime a month" }
    }

    /// The credit in effect below each threshold, highest first (SPEC §3, from the credit rule).
    var effectiveTiers: [CreditTier] { SLAArithmetic.creditSchedule(level.terms) }

    /// "10 % credit below 99.9 %, 25 % below 99 %" (nil without tiers).
    var credits: String? {
        let tiers = effectiveTiers
        guard !tiers.isEmpty else { return nil }
        var parts: [String] = []
        for (k, tier) in tiers.enumerated() {
            let head = PageFormat.percent(tier.credit) + (k == 0 ? " credit below " : " below ")
            parts.append(head + PageFormat.percent(tier.below))
        }
        return parts.joined(separator: ", ")
    }

    /// "critical issues: response within 1 hour, 24×7" for the most urgent severity written first.
    var support: String? {
        guard let support = level.terms.support else { return nil }
        let hours = PageFormat.hours(support.hours)
        guard let first = support.response.first else {
            return hours.map { "support " + $0 }
        }
        let text = first.severity + " issues: response " + first.time.phrase
        return hours.map { text + ", " + $0 } ?? text
    }

    /// Every bullet, in reading order.
    var bullets: [String] {
        [objective, budget, credits, support].compactMap { $0 }
    }
}
