/// A point in time as whole seconds since 1970-01-01T00:00:00Z (docs/spec.md §3: time is exact).
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    /// Seconds from `self` to `other` (negative when `other` is earlier).
    public func seconds(to other: Instant) -> Int64 { other.seconds - seconds }

    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta) }

    /// The UTC date of `rfc3339`, e.g. `2026-11-24` (its first ten characters).
    public var utcDateString: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, d) = CivilDate.civil(fromDays: days)
        return CivilDate.format(y, m, d)
    }

    /// RFC 3339 in UTC, e.g. `2026-11-24T00:00:00Z`.
    public var rfc3339: String { utc(separated: true) }

    /// Compact UTC form used by iCalendar, e.g. `20261124T000000Z`.
    public var basicUTC: String { utc(separated: false) }

    /// `2026-11-24T00:00:00Z`, or without its dashes and colons. Written digit by digit: sla.json,
    /// the feeds and the calendars write one or more per record.
    private func utc(separated: Bool) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = CivilDate.civil(fromDays: days)
        guard (0...9999).contains(y) else {
            let text = CivilDate.format(y, m, d) + "T" + pad2(secOfDay / 3600) + ":" + pad2(secOfDay % 3600 / 60) + ":"
                + pad2(secOfDay % 60) + "Z"
            return separated ? text : String(text.filter { $0 != "-" && $0 != ":" })
        }
        let (h, mi, se) = (secOfDay / 3600, secOfDay % 3600 / 60, secOfDay % 60)
        return String(unsafeUninitializedCapacity: 20) { out in
            ASCIIDigits.write(y, width: 4, into: out, at: 0)
            var i = 4
            func put(_ byte: UInt8) {
                out[i] = byte
                i += 1
            }
            func digits(_ v: Int) {
                ASCIIDigits.write(v, width: 2, into: out, at: i)
                i += 2
            }
            if separated { put(45) }
            digits(m)
            if separated { put(45) }
            digits(d)
            put(84)  // T
            digits(h)
            if separated { put(58) }
            digits(mi)
            if separated { put(58) }
            digits(se)
            put(90)  // Z
            return i
        }
    }

    public var description: String { rfc3339 }
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

/// Fixed-width decimal digits written straight into a string's bytes.
enum ASCIIDigits {
    /// Writes `value` (0 or more) as `width` digits, zero-padded, at `at`.
    @inline(__always)
    static func write(_ value: Int, width: Int, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) {
        var v = value
        var i = at + width - 1
        while i >= at {
            out[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
            v /= 10
            i -= 1
        }
    }

    /// `YYYY-MM-DD` (`YYYYMMDD` without separators) for years 0–9999.
    static func date(_ y: Int, _ m: Int, _ d: Int, separated: Bool = true) -> String {
        String(unsafeUninitializedCapacity: 10) { out in
            write(y, width: 4, into: out, at: 0)
            if separated {
                out[4] = 45
                write(m, width: 2, into: out, at: 5)
                out[7] = 45
                write(d, width: 2, into: out, at: 8)
                return 10
            }
            write(m, width: 2, into: out, at: 4)
            write(d, width: 2, into: out, at: 6)
            return 8
        }
    }
}

/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
public enum CivilDate {
    /// Day number of a civil date (H. Hinnant's `days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil date of a day number (H. Hinnant's `civil_from_days`).
    public static func civil(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        if (0...9999).contains(y) && (1...12).contains(m) && (1...31).contains(d) { return ASCIIDigits.date(y, m, d) }
        let ys = String(y)
        return String(repeating: "0", count: max(0, 4 - ys.count)) + ys + "-" + pad2(m) + "-" + pad2(d)
    }
}
