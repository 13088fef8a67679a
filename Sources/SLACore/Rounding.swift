/// Publishing rules of docs/spec.md §3: comparisons with a tolerance, figures rounded half-up.
public enum Published {
    /// docs/spec.md §3: comparisons use a tolerance of 1e-9 percent.
    public static let tolerance = 1e-9

    /// Uptime as published: 3 decimals, half-up.
    public static func uptime(_ x: Double) -> Double { round(x, places: 3) }

    /// Minutes as published: 1 decimal, half-up.
    public static func minutes(_ x: Double) -> Double { round(x, places: 1) }

    /// Rounds half up (ties toward +∞) on the value's shortest decimal form, so 2.675 becomes 2.68
    /// (binary floating point would otherwise see 2.67499999…) and −18.45 becomes −18.4.
    public static func round(_ x: Double, places: Int) -> Double {
        guard x.isFinite else { return x }
        // Fast path: far from a tie, binary rounding agrees with decimal rounding; the quotient of
        // an integer by a power of ten is the same double as parsing the decimal text.
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = x * scale
        if abs(scaled) < 1e15 {
            let fraction = scaled - scaled.rounded(.down)
            if abs(fraction - 0.5) > 1e-6 { return (scaled + 0.5).rounded(.down) / scale }
        }
        let text = String(x)
        guard !text.utf8.contains(UInt8(ascii: "e")), !text.utf8.contains(UInt8(ascii: "E")) else {
            return (scaled + 0.5).rounded(.down) / scale
        }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        if fracPart.count <= places { return x }
        var digits = Array((intPart + fracPart.prefix(places)).utf8).map { Int($0) - 48 }
        let rest = Array(fracPart.utf8.dropFirst(places)).map { Int($0) - 48 }
        let next = rest[0]
        let exactTie = next == 5 && rest.dropFirst().allSatisfy { $0 == 0 }
        // Half up: a tie moves toward +∞, which for a negative number means toward zero.
        let roundMagnitudeUp = negative ? (next > 5 || (next == 5 && !exactTie)) : next >= 5
        if roundMagnitudeUp {
            var k = digits.count - 1
            while k >= 0 {
                if digits[k] == 9 {
                    digits[k] = 0
                    k -= 1
                } else {
                    digits[k] += 1
                    break
                }
            }
            if k < 0 { digits.insert(1, at: 0) }
        }
        let intCount = digits.count - places
        let s = digits[..<intCount].map(String.init).joined() + "." + digits[intCount...].map(String.init).joined()
        let value = Double(s)!
        return negative ? -value : value
    }

    /// Shortest decimal text of a published figure: `99.95`, `21.9`, `100`.
    /// A measured figure as text with exactly `places` decimals after the half-up rounding:
    /// `fixed(100, places: 3)` is `100.000`, `fixed(98.79, places: 3)` is `98.790`
    /// (docs/numbers.md: measured figures keep their precision; terms are shown in shortest form).
    public static func fixed(_ x: Double, places: Int) -> String {
        let rounded = round(x, places: places)
        var text = text(rounded == 0 ? 0 : rounded)
        guard places > 0 else { return text }
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: text.index(after: dot), to: text.endIndex)
            if decimals < places { text += String(repeating: "0", count: places - decimals) }
        } else {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }

    /// An uptime as pages, feeds and badges show it: 3 decimals, always (`99.900`, `100.000`).
    public static func uptimeText(_ x: Double) -> String { fixed(x, places: 3) }

    /// Minutes as pages and feeds show them: 1 decimal, always (`43.2`, `180.0`).
    public static func minutesText(_ x: Double) -> String { fixed(x, places: 1) }

    public static func text(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
