import Foundation

/// The range selectors of a PromQL query (`[1m]`, `[90s]`, `[1h30m]`) in seconds; subqueries
/// (`[1h:1m]`) and durations it cannot read are left out.
public func rangeSelectorSeconds(in query: String) -> [(text: String, seconds: Int64)] {
    var found: [(String, Int64)] = []
    var rest = Substring(query)
    while let open = rest.firstIndex(of: "[") {
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(of: "]") else { break }
        let inside = after[..<close].trimmingCharacters(in: .whitespaces)
        if let seconds = durationSeconds(inside) { found.append((inside, seconds)) }
        rest = after[after.index(after: close)...]
    }
    return found
}

/// A PromQL duration (`1m`, `90s`, `1h30m`, `1d`) in whole seconds; nil for anything else.
func durationSeconds(_ text: String) -> Int64? {
    let units: [(String, Int64)] = [("ms", 0), ("y", 31_536_000), ("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]
    var total: Int64 = 0
    var millis: Int64 = 0
    var rest = Substring(text)
    guard !rest.isEmpty else { return nil }
    while !rest.isEmpty {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int64(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
        rest = rest.dropFirst(unit.count)
        if unit == "ms" { millis += n } else { total += n * factor }
    }
    return millis % 1000 == 0 ? total + millis / 1000 : nil
}
