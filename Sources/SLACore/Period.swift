/// docs/spec.md §2 `period`: the measurement period every figure is judged over.
public enum PeriodKind: String, Sendable, Hashable, CaseIterable {
    case month, quarter, year

    /// Calendar months in one period.
    public var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .year: 12
        }
    }
}

/// One measurement period (docs/spec.md §3 Periods): a calendar month, or a quarter or year that starts
/// in the terms' `period_start_month` (a fiscal period when that is not January), independent of
/// any time zone.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: PeriodKind
    /// The period's first month.
    public let first: YearMonth
    /// docs/spec.md §2 `period_start_month`: the month quarters and years start in (1 = calendar periods).
    public var startMonth: Int { Int(storedStartMonth) }
    private let storedStartMonth: UInt8

    /// The month `m` as a period of its own.
    public init(month m: YearMonth) {
        kind = .month
        first = m
        storedStartMonth = 1
    }

    /// The period of `kind` that holds month `m`, with quarters and years starting in `startMonth`.
    public init(_ kind: PeriodKind, containing m: YearMonth, startMonth: Int = 1) {
        self.kind = kind
        precondition((1...12).contains(startMonth), "start month out of range")
        let start = kind == .month ? 1 : startMonth
        storedStartMonth = UInt8(start)
        // Months since the last start of a period: quarters and years start in startMonth.
        let offset = ((m.month - start) % kind.months + kind.months) % kind.months
        first = m.adding(months: -offset)
    }

    /// The period's last month.
    public var last: YearMonth { first.adding(months: kind.months - 1) }

    /// The period's first day.
    public var from: CalendarDay { CalendarDay(year: first.year, month: first.month, day: 1) }

    /// The period's last day.
    public var to: CalendarDay { last.lastDay }

    /// Whether month `m` lies in the period.
    public func contains(_ m: YearMonth) -> Bool { first <= m && m <= last }

    /// docs/spec.md §4 `period`: "2026-10", "2026-Q4", "2026"; fiscal ones "FY2027-Q1", "FY2027", named by
    /// the year the fiscal year ends in.
    public var description: String {
        switch kind {
        case .month:
            return first.description
        case .quarter:
            if startMonth == 1 { return "\(first.year)-Q\((first.month - 1) / 3 + 1)" }
            let year = Period(.year, containing: first, startMonth: startMonth)
            let n = (first.year * 12 + first.month - year.first.year * 12 - year.first.month) / 3 + 1
            return "FY\(year.last.year)-Q\(n)"
        case .year:
            return startMonth == 1 ? "\(first.year)" : "FY\(last.year)"
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        a.first != b.first ? a.first < b.first : a.kind.months < b.kind.months
    }
}
