/// A calendar month, such as 2026-10, independent of any time zone.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored small: a level keeps a figure per month and per day, each naming its month or day
    // (8 bytes instead of 16 or 24; issue 23, peak memory).
    private let storedYear: Int32
    private let storedMonth: UInt8
    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        precondition(year >= Int(Int32.min) && year <= Int(Int32.max), "year out of range")
        storedYear = Int32(year)
        storedMonth = UInt8(month)
    }

    /// Parses `YYYY-MM`; nil when malformed.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
            let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
        else { return nil }
        self.init(year: y, month: m)
    }

    public var next: YearMonth {
        month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1)
    }

    public var description: String {
        if (0...9999).contains(year) && (1...12).contains(month) {
            return String(unsafeUninitializedCapacity: 7) { out in
                ASCIIDigits.write(year, width: 4, into: out, at: 0)
                out[4] = 45
                ASCIIDigits.write(month, width: 2, into: out, at: 5)
                return 7
            }
        }
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)"
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// Days in the month (Gregorian).
    public var days: Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The month `n` months after this one.
    public func adding(months n: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + n
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    /// The month's last day.
    public var lastDay: CalendarDay { CalendarDay(year: year, month: month, day: days) }

    /// Every month from `self` through `last`, oldest first.
    public func through(_ last: YearMonth) -> [YearMonth] {
        var out: [YearMonth] = []
        var m = self
        while m <= last {
            out.append(m)
            m = m.next
        }
        return out
    }
}

/// A calendar day, such as 2026-10-15, independent of any time zone (a claim deadline).
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored small, as YearMonth is.
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8
    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month) && day >= 1 && day <= YearMonth(year: year, month: month).days, "day out of range")
        storedYear = Int32(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// The day of a date (its time, if any, is dropped).
    public init(_ date: LocalDateTime) {
        self.init(year: date.year, month: date.month, day: date.day)
    }

    public var yearMonth: YearMonth { YearMonth(year: year, month: month) }

    /// The day `n` ≥ 0 days later.
    public func adding(days n: Int) -> CalendarDay {
        var m = yearMonth
        var d = day + n
        while d > m.days {
            d -= m.days
            m = m.next
        }
        return CalendarDay(year: m.year, month: m.month, day: d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        if (0...9999).contains(year) && (1...12).contains(month) && (1...99).contains(day) { return ASCIIDigits.date(year, month, day) }
        return yearMonth.description + (day < 10 ? "-0\(day)" : "-\(day)")
    }

    /// `YYYYMMDD` (iCalendar's DATE).
    public var basic: String {
        if (0...9999).contains(year) && (1...12).contains(month) && (1...99).contains(day) {
            return ASCIIDigits.date(year, month, day, separated: false)
        }
        return String(description.filter { $0 != "-" })
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Character {
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
