/// A calendar month, such as 2026-10, independent of any time zone.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
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
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)"
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

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

extension Character {
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
