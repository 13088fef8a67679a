import SLACore

extension ResponseTime {
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
