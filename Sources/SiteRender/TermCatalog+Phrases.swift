import SLACore

/// The phrases the terms' change lines and rows are made of, from the terms' own words.
extension TermCatalog {
    /// "monthly", "quarterly", "yearly, starting in April".
    static func phrase(_ t: ResolvedTerms, _ s: PageText) -> String {
        let word: String
        switch t.period {
        case .month: return s.word("period_monthly")
        case .quarter: word = s.word("period_quarterly")
        case .year: word = s.word("period_yearly")
        }
        guard t.periodStartMonth != 1 else { return word }
        return s.word("period_fiscal", ["period": word, "month": s.format.monthName(t.periodStartMonth)])
    }

    /// A Downtime rule in a few words: "by incidents", "by the mean error rate of 5-minute
    /// intervals", "by 1-minute intervals above 5 % errors (at least 100 requests, runs of 5)".
    static func downtimeRulePhrase(_ rule: DowntimeRule, _ s: PageText) -> String {
        guard let r = rule.sampleRule else { return s.word("change_by_incidents") }
        // docs/spec.md §3 Both sources: "by 1-minute intervals above 5 % errors or by incidents".
        if !rule.samplesOnly { return s.word("change_or_by_incidents", ["rule": downtimeRulePhrase(.samples(r), s)]) }
        let minimum = r.minRequests > 1 ? s.word("change_at_least_requests", ["requests": String(r.minRequests)]) : nil
        switch r.method {
        case .errorRate:
            let head = s.word("change_by_mean_rate", ["n": String(r.interval)])
            return minimum.map { s.word("change_details", ["rule": head, "details": $0]) } ?? head
        case .badIntervals:
            let details = [minimum, r.minConsecutive > 1 ? s.word("change_runs_of", ["runs": String(r.minConsecutive)]) : nil].compactMap { $0 }
            let head = s.word("change_by_bad_intervals", ["n": String(r.interval), "rate": s.percent(r.errorRateAbove)])
            return details.isEmpty ? head : s.word("change_details", ["rule": head, "details": details.joined(separator: s[.listComma])])
        }
    }

    /// A claim window in a few words: "30 days after the month", "end of the month after".
    static func claimWindowPhrase(_ t: ResolvedTerms, _ s: PageText) -> String {
        if let d = t.claimWindowDays { return s.word(d, one: "change_claim_days_one", other: "change_claim_days_other") }
        if let m = t.claimWindowMonths {
            return m == 1 ? s.word("change_claim_next_month") : s.word("change_claim_months", ["nth": PageFormat.ordinal(m, s)])
        }
        return s[.changeNotStated]
    }
}
