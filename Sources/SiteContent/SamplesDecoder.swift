import SLACore

/// A samples file decoded: its rows, packed, and what was wrong with it.
public struct DecodedSamples: Sendable, Hashable {
    public var series: SampleSeries
    public var diagnostics: [Diagnostic]

    public init(series: SampleSeries, diagnostics: [Diagnostic]) {
        self.series = series
        self.diagnostics = diagnostics
    }
}

/// Decodes `content/status/samples/<service>.csv` (docs/spec.md §2) as its bytes arrive, chunk by
/// chunk, so a large file is never held whole: header `start,total,errors`, then one row per
/// measured interval (`start` ISO 8601 with `Z` or an offset; whole-number counts,
/// 0 ≤ errors ≤ total ≤ 10^15). Blank lines and lines starting with `#` are skipped. Rows may
/// come in any order; two rows with the same start are an error. Every bad row is reported
/// with its line and column, up to `maxErrors` per file.
public struct SamplesDecoder {
    /// Errors reported per file before the rest are counted in one last line.
    public static let maxErrors = 100

    let file: String
    /// The start of a line that the last chunk cut.
    private var carry: [UInt8] = []
    private var lineNo = 0
    private var sawHeader = false
    private var stopped = false
    /// Rows in start order so far are packed as they come (a few bytes each: no large
    /// temporary arrays, whose freed memory the allocator would keep).
    private var packed = SampleSeries()
    /// The line of each row (for the message about a repeated start).
    private var lines: [UInt32] = []
    /// After the first row out of order: every row unpacked, to be sorted at the end.
    private var starts: [Int64] = []
    private var totals: [UInt64] = []
    private var errorCounts: [UInt64] = []
    private var ordered = true
    private var diagnostics: [Diagnostic] = []
    private var errorsFound = 0

    public init(file: String) { self.file = file }

    /// The whole file at once (tests, in-memory sites).
    public static func decode(_ bytes: [UInt8], file: String) -> DecodedSamples {
        var decoder = SamplesDecoder(file: file)
        bytes.withUnsafeBufferPointer { decoder.feed($0) }
        return decoder.finish()
    }

    /// Takes the next bytes of the file.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        var lineStart = 0
        var i = 0
        while i < chunk.count {
            if chunk[i] == 10 {
                if carry.isEmpty {
                    line(UnsafeBufferPointer(rebasing: chunk[lineStart..<i]))
                } else {
                    carry.append(contentsOf: chunk[lineStart..<i])
                    let whole = carry
                    carry.removeAll(keepingCapacity: true)
                    whole.withUnsafeBufferPointer { line($0) }
                }
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < chunk.count { carry.append(contentsOf: chunk[lineStart...]) }
    }

    /// Ends the file: the last line, the order and the duplicates.
    public mutating func finish() -> DecodedSamples {
        if !carry.isEmpty {
            let whole = carry
            carry = []
            whole.withUnsafeBufferPointer { line($0) }
        }
        // Rows in order (the usual case) are packed already; others are sorted first.
        var series = packed
        packed = SampleSeries()
        var order: [Int] = []
        if !ordered {
            order = Array(starts.indices)
            order.sort { (starts[$0], lines[$0]) < (starts[$1], lines[$1]) }
        }
        var previous: Int?
        for k in order {
            if let p = previous, starts[p] == starts[k] {
                // docs/spec.md §2: one row per interval start.
                let (first, second) = lines[p] < lines[k] ? (lines[p], lines[k]) : (lines[k], lines[p])
                error(
                    Int(second), 1,
                    "a second row for \(Instant(seconds: starts[k]).rfc3339) (the first is on line \(first)): each interval start once"
                )
                continue
            }
            series.append(SampleRow(start: Instant(seconds: starts[k]), total: totals[k], errors: errorCounts[k]))
            previous = k
        }
        series.compact()
        if errorsFound > Self.maxErrors {
            diagnostics.append(
                Diagnostic(.error, file, lineNo, 0, "\(errorsFound - Self.maxErrors) more errors in this file are not listed"))
        }
        if !sawHeader && lineNo > 0 && errorsFound == 0 {
            diagnostics.append(Diagnostic(.warning, file, 1, 1, "this samples file has no header and no rows"))
        }
        starts = []
        totals = []
        errorCounts = []
        lines = []
        return DecodedSamples(series: series, diagnostics: diagnostics.sortedForDisplay)
    }

    private mutating func error(_ line: Int, _ column: Int, _ message: String) {
        errorsFound += 1
        if errorsFound <= Self.maxErrors { diagnostics.append(Diagnostic(.error, file, line, column, message)) }
    }

    /// One line without its newline.
    private mutating func line(_ raw: UnsafeBufferPointer<UInt8>) {
        lineNo += 1
        guard !stopped else { return }
        var from = 0
        var to = raw.count
        if lineNo == 1 && to >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF { from = 3 }
        if to > from && raw[to - 1] == 13 { to -= 1 }
        // Fields: the byte ranges between commas, spaces around them dropped (the first three,
        // and how many there are: no array per line).
        var fields = ((0, 0), (0, 0), (0, 0))
        var count = 0
        var start = from
        var k = from
        while true {
            if k == to || raw[k] == 44 {
                var a = start
                var b = k
                while a < b && (raw[a] == 32 || raw[a] == 9) { a += 1 }
                while b > a && (raw[b - 1] == 32 || raw[b - 1] == 9) { b -= 1 }
                switch count {
                case 0: fields.0 = (a, b)
                case 1: fields.1 = (a, b)
                case 2: fields.2 = (a, b)
                default: break
                }
                count += 1
                start = k + 1
            }
            if k == to { break }
            k += 1
        }
        if count == 1 && fields.0.0 == fields.0.1 { return }  // blank
        if raw[fields.0.0] == 35 { return }  // # comment
        func text(_ f: (Int, Int)) -> String { String(decoding: UnsafeBufferPointer(rebasing: raw[f.0..<f.1]), as: UTF8.self) }
        func column(_ offset: Int) -> Int {
            var c = 1
            for k in from..<offset where raw[k] & 0xC0 != 0x80 { c += 1 }
            return c
        }
        if !sawHeader {
            sawHeader = true
            if count != 3 || text(fields.0) != "start" || text(fields.1) != "total" || text(fields.2) != "errors" {
                error(
                    lineNo, 1,
                    "the header must be \"start,total,errors\", got \"\(String(decoding: UnsafeBufferPointer(rebasing: raw[from..<to]), as: UTF8.self))\""
                )
                stopped = true
            }
            return
        }
        guard count == 3 else {
            error(lineNo, 1, "expected 3 fields (start,total,errors), got \(count)")
            return
        }
        let when: Int64
        switch Self.instant(raw, fields.0.0, fields.0.1) {
        case .success(let t): when = t
        case .failure(let problem):
            error(lineNo, column(fields.0.0), "start \(problem.message), got \"\(text(fields.0))\"")
            return
        }
        var total: UInt64 = 0
        var errors: UInt64 = 0
        var ok = true
        switch Self.count(raw, fields.1.0, fields.1.1) {
        case .success(let n): total = n
        case .failure(let problem):
            error(lineNo, column(fields.1.0), "total \(problem.message), got \"\(text(fields.1))\"")
            ok = false
        }
        switch Self.count(raw, fields.2.0, fields.2.1) {
        case .success(let n): errors = n
        case .failure(let problem):
            error(lineNo, column(fields.2.0), "errors \(problem.message), got \"\(text(fields.2))\"")
            ok = false
        }
        guard ok else { return }
        guard errors <= total else {
            error(lineNo, column(fields.2.0), "errors (\(errors)) must not exceed total (\(total)) requests")
            return
        }
        lines.append(UInt32(truncatingIfNeeded: lineNo))
        if ordered && (packed.count == 0 || when > packed.last.seconds) {
            packed.append(SampleRow(start: Instant(seconds: when), total: total, errors: errors))
            return
        }
        if ordered {
            // The first row out of order (or a repeated start): unpack, sort at the end.
            ordered = false
            starts.reserveCapacity(packed.count + 1)
            totals.reserveCapacity(packed.count + 1)
            errorCounts.reserveCapacity(packed.count + 1)
            packed.forEach { start, total, errors in
                starts.append(start)
                totals.append(total)
                errorCounts.append(errors)
            }
            packed = SampleSeries()
        }
        starts.append(when)
        totals.append(total)
        errorCounts.append(errors)
    }

    struct Problem: Error {
        var message: String
    }

    /// A whole number from 0 to 10^15.
    static func count(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Result<UInt64, Problem> {
        guard a < b else { return .failure(Problem(message: "must be a whole number of requests")) }
        if s[a] == 45 { return .failure(Problem(message: "must not be negative")) }
        var n: UInt64 = 0
        for k in a..<b {
            let c = s[k]
            guard c >= 48 && c <= 57 else { return .failure(Problem(message: "must be a whole number of requests")) }
            n = n * 10 + UInt64(c - 48)
            if n > SampleSeries.maxCount { return .failure(Problem(message: "must be at most 1000000000000000")) }
        }
        return .success(n)
    }

    /// `YYYY-MM-DD[T ]HH:MM[:SS[.000]]` with `Z`, `±HH:MM`, `±HHMM` or `±HH`, as seconds since 1970.
    static func instant(_ s: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Result<Int64, Problem> {
        let expected = Problem(message: "must be an ISO 8601 time with Z or an offset, like 2026-10-01T00:00:00Z")
        var i = a
        func digits(_ n: Int) -> Int? {
            guard i + n <= b else { return nil }
            var v = 0
            for k in 0..<n {
                let c = s[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func take(_ c: UInt8) -> Bool {
            guard i < b && s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), take(45), let month = digits(2), take(45), let day = digits(2) else {
            return .failure(expected)
        }
        guard i < b && (s[i] == 84 || s[i] == 116 || s[i] == 32) else { return .failure(expected) }
        i += 1
        guard let hour = digits(2), take(58), let minute = digits(2) else { return .failure(expected) }
        var second = 0
        if take(58) {
            guard let sec = digits(2) else { return .failure(expected) }
            second = sec
            if take(46) {
                var any = false
                while i < b && s[i] >= 48 && s[i] <= 57 {
                    if s[i] != 48 { return .failure(Problem(message: "must be a whole second (samples start on whole seconds)")) }
                    any = true
                    i += 1
                }
                if !any { return .failure(expected) }
            }
        }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month), hour < 24,
            minute < 60, second < 60
        else { return .failure(Problem(message: "is not a real date and time")) }
        var offset = 0
        if i == b {
            return .failure(Problem(message: "needs Z or an offset such as +02:00 (samples are not read in the site zone)"))
        }
        if s[i] == 90 || s[i] == 122 {
            i += 1
        } else if s[i] == 43 || s[i] == 45 {
            let sign = s[i] == 45 ? -1 : 1
            i += 1
            guard let oh = digits(2) else { return .failure(expected) }
            var om = 0
            if take(58) {
                guard let m = digits(2) else { return .failure(expected) }
                om = m
            } else if i < b, let m = digits(2) {
                om = m
            }
            guard oh <= 18, om < 60 else { return .failure(Problem(message: "has an offset beyond ±18:00")) }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return .failure(expected)
        }
        guard i == b else { return .failure(expected) }
        let days = CivilDate.days(year: year, month: month, day: day)
        return .success(days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset))
    }
}
