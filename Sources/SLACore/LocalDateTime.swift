/// A wall-clock date and time as written in content, with the UTC offset if one was given.
public struct LocalDateTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Offset from UTC in seconds (`Z` is 0); nil means "read in the site time zone".
    public var utcOffset: Int?
    /// True when only a date was written.
    public var isDateOnly: Bool

    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        utcOffset: Int? = nil, isDateOnly: Bool = false
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffset = utcOffset
        self.isDateOnly = isDateOnly
    }

    public var dateString: String { CivilDate.format(year, month, day) }

    /// Parses ISO 8601 / RFC 3339: `YYYY-MM-DD`, optionally `THH:MM[:SS[.fraction]]` (or a space
    /// instead of `T`) and `Z`, `±HH:MM`, `±HHMM` or `±HH`. Fractions of a second are dropped.
    /// Returns nil when the text is not such a date or names an impossible day or time.
    public init?(iso8601 text: String) {
        let s = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = s[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = digits(4), expect(UInt8(ascii: "-")), let mo = digits(2), expect(UInt8(ascii: "-")),
            let d = digits(2)
        else { return nil }
        guard (1...12).contains(mo), d >= 1, d <= CivilDate.daysInMonth(year: y, month: mo) else { return nil }
        self.init(year: y, month: mo, day: d, isDateOnly: true)
        if i == s.count { return }
        guard s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") || s[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let h = digits(2), expect(UInt8(ascii: ":")), let mi = digits(2) else { return nil }
        var sec = 0
        if expect(UInt8(ascii: ":")) {
            guard let ss = digits(2) else { return nil }
            sec = ss
            if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                let startFrac = i
                while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
                guard i > startFrac else { return nil }
            }
        }
        guard h <= 23, mi <= 59, sec <= 59 else { return nil }
        hour = h
        minute = mi
        second = sec
        isDateOnly = false
        if i == s.count { return }
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            i += 1
            utcOffset = 0
        } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(2), oh <= 18 else { return nil }
            var om = 0
            if i < s.count {
                _ = expect(UInt8(ascii: ":"))
                guard let m2 = digits(2), m2 <= 59 else { return nil }
                om = m2
            }
            utcOffset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == s.count else { return nil }
    }
}
