import SLACore

extension StringID {
    /// docs/spec.md §3 Periods: the wording of this month-worded string for a service judged by
    /// `kind` ("quarterly uptime", "per quarter", "of the quarterly fee"); itself for a month
    /// and for a string without a period word.
    public func forPeriod(_ kind: PeriodKind) -> StringID {
        switch kind {
        case .month: self
        case .quarter: quarterly ?? self
        case .year: yearly ?? self
        }
    }

    private var quarterly: StringID? {
        switch self {
        case .objectiveMonthlyUptime: .objectiveQuarterlyUptime
        case .budgetPerMonth: .budgetPerQuarter
        case .homeBulletObjective: .homeBulletObjectiveQuarterly
        case .homeBulletCredits: .homeBulletCreditsQuarterly
        case .homeBulletCreditsRange: .homeBulletCreditsRangeQuarterly
        case .claimWithinDaysOne: .claimWithinDaysQuarterlyOne
        case .claimWithinDaysOther: .claimWithinDaysQuarterlyOther
        case .claimByEndOfMonth: .claimByEndOfMonthQuarterly
        case .claimByEndOfNextMonth: .claimByEndOfNextMonthQuarterly
        case .chartTitle: .chartTitleQuarterly
        case .chartCaption: .chartCaptionQuarterly
        case .chartKeyCurrent: .chartKeyCurrentQuarterly
        case .detailsPartsWorst: .detailsPartsWorstQuarterly
        case .chartMissedOne: .chartMissedQuarterlyOne
        case .chartMissedOther: .chartMissedQuarterlyOther
        case .chartDescription: .chartDescriptionQuarterly
        case .detailsHistoryHeading: .detailsHistoryHeadingQuarterly
        case .detailsObjective: .detailsObjectiveQuarterly
        case .historyCaption: .historyCaptionQuarterly
        case .historyMonth: .historyQuarter
        case .creditsCaption: .creditsCaptionQuarterly
        case .creditsUptime: .creditsUptimeQuarterly
        case .detailsCreditCap: .detailsCreditCapQuarterly
        case .detailsTerminationOne: .detailsTerminationQuarterlyOne
        case .detailsTerminationOther: .detailsTerminationQuarterlyOther
        case .feedMissedCredit: .feedMissedCreditQuarterly
        case .feedMissedNoCredit: .feedMissedNoCreditQuarterly
        case .feedMissedTerminationOne: .feedMissedTerminationQuarterlyOne
        case .feedMissedTerminationOther: .feedMissedTerminationQuarterlyOther
        case .feedMissedCreditLine: .feedMissedCreditLineQuarterly
        case .feedMissedTitle: .feedMissedTitlePeriod
        case .feedMissedSentence: .feedMissedSentencePeriod
        case .badgeTitle: .badgeTitlePeriod
        case .claimsEventDescription: .claimsEventDescriptionPeriod
        default: nil
        }
    }

    private var yearly: StringID? {
        switch self {
        case .objectiveMonthlyUptime: .objectiveYearlyUptime
        case .budgetPerMonth: .budgetPerYear
        case .homeBulletObjective: .homeBulletObjectiveYearly
        case .homeBulletCredits: .homeBulletCreditsYearly
        case .homeBulletCreditsRange: .homeBulletCreditsRangeYearly
        case .claimWithinDaysOne: .claimWithinDaysYearlyOne
        case .claimWithinDaysOther: .claimWithinDaysYearlyOther
        case .claimByEndOfMonth: .claimByEndOfMonthYearly
        case .claimByEndOfNextMonth: .claimByEndOfNextMonthYearly
        case .chartTitle: .chartTitleYearly
        case .chartCaption: .chartCaptionYearly
        case .chartKeyCurrent: .chartKeyCurrentYearly
        case .detailsPartsWorst: .detailsPartsWorstYearly
        case .chartMissedOne: .chartMissedYearlyOne
        case .chartMissedOther: .chartMissedYearlyOther
        case .chartDescription: .chartDescriptionYearly
        case .detailsHistoryHeading: .detailsHistoryHeadingYearly
        case .detailsObjective: .detailsObjectiveYearly
        case .historyCaption: .historyCaptionYearly
        case .historyMonth: .historyYear
        case .creditsCaption: .creditsCaptionYearly
        case .creditsUptime: .creditsUptimeYearly
        case .detailsCreditCap: .detailsCreditCapYearly
        case .detailsTerminationOne: .detailsTerminationYearlyOne
        case .detailsTerminationOther: .detailsTerminationYearlyOther
        case .feedMissedCredit: .feedMissedCreditYearly
        case .feedMissedNoCredit: .feedMissedNoCreditYearly
        case .feedMissedTerminationOne: .feedMissedTerminationYearlyOne
        case .feedMissedTerminationOther: .feedMissedTerminationYearlyOther
        case .feedMissedCreditLine: .feedMissedCreditLineYearly
        case .feedMissedTitle: .feedMissedTitlePeriod
        case .feedMissedSentence: .feedMissedSentencePeriod
        case .badgeTitle: .badgeTitlePeriod
        case .claimsEventDescription: .claimsEventDescriptionPeriod
        default: nil
        }
    }
}
