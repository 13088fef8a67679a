import Foundation
import CFuzzerDriver
import SLACore

private let zones: [SiteCalendar] = ["UTC", "Europe/London", "America/St_Johns"]
    .map { SiteCalendar(timeZone: TimeZone(identifier: $0)!) }

/// libFuzzer entry for the scalar parsers: the input as text goes through `LocalDateTime(iso8601:)`,
/// `YearMonth(parsing:)` and `ResponseTime(parsing:)`; its bytes as doubles through `Published`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScalars(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)

    if let d = LocalDateTime(iso8601: text) {
        _ = d.dateString
        for calendar in zones {
            let t = calendar.instant(d)
            _ = t.rfc3339
            _ = t.basicUTC
            let back = calendar.localDateTime(of: t)
            let m = calendar.month(containing: t)
            _ = calendar.start(of: m)
            _ = calendar.minutes(in: m)
            _ = calendar.abbreviation(at: t)
            // A wall time with no offset, outside a DST gap, must read back as written.
            if d.utcOffset == nil, calendar.timeZone.identifier == "UTC" {
                precondition(back.year == d.year && back.month == d.month && back.day == d.day
                    && back.hour == d.hour && back.minute == d.minute && back.second == d.second,
                    "UTC round trip changed \(text)")
            }
        }
    }
    if let ym = YearMonth(parsing: text) {
        precondition(YearMonth(parsing: ym.description) == ym, "YearMonth round trip changed \(text)")
        _ = ym.next
        _ = zones[1].minutes(in: ym)
    }
    if let r = ResponseTime(parsing: text) {
        _ = r.phrase
        _ = r.short
    }
    // Doubles: from the text as a number, and from the raw bytes as bit patterns.
    var doubles: [Double] = []
    if let x = Double(text.trimmingCharacters(in: .whitespaces)) { doubles.append(x) }
    var k = 0
    while k + 8 <= bytes.count && doubles.count < 4 {
        var bits: UInt64 = 0
        for j in 0..<8 { bits |= UInt64(bytes[k + j]) << (8 * j) }
        doubles.append(Double(bitPattern: bits))
        k += 8
    }
    for x in doubles {
        // The published places (1 and 3) and one more chosen by the input.
        for places in [1, 3, Int(bytes[0] % 7)] {
            let r = Published.round(x, places: places)
            if x.isFinite && abs(x) < 1e12 {
                // Within half a unit of the last place, plus the spacing of doubles at this size.
                precondition(abs(r - x) <= 0.5 * pow(10, -Double(places)) + 4 * x.ulp + 1e-12, "round(\(x), \(places)) = \(r)")
            }
        }
        _ = Published.uptime(x)
        _ = Published.minutes(x)
        _ = Published.text(x)
        _ = SLAArithmetic.budget(objective: x, minutes: SLAArithmetic.averageMonthMinutes)
    }
    return 0
}

/// Entry point of a debug build, where SwiftPM links `main` to `FuzzScalars_main`: runs libFuzzer.
@_cdecl("FuzzScalars_main")
public func fuzzScalarsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzScalars(data, size) }
}
