import Foundation

/// One row of a samples file: the requests of one measured interval (docs/spec.md §2).
public struct SampleRow: Sendable, Hashable {
    public var start: Instant
    public var total: UInt64
    public var errors: UInt64

    public init(start: Instant, total: UInt64, errors: UInt64) {
        self.start = start
        self.total = total
        self.errors = errors
    }
}

/// The request samples of one service, sorted by start, each start once, packed: per row the
/// seconds since the previous row's start, the total and the errors as LEB128 varints (a dense
/// one-minute row takes 3–6 bytes instead of 24). Read front to back with `forEach`.
public struct SampleSeries: Sendable, Hashable {
    /// docs/spec.md §2 bounds a count: at most 10^15 (so an interval's sums fit in 64 bits).
    public static let maxCount: UInt64 = 1_000_000_000_000_000

    public private(set) var count = 0
    /// The first and last row's start (0 when empty).
    public private(set) var first = Instant(seconds: 0)
    public private(set) var last = Instant(seconds: 0)
    private var packed: [UInt8] = []

    public init() {}

    /// The rows in start order. - Precondition: no two rows share a start.
    public init(_ rows: [SampleRow]) {
        self.init()
        for row in rows.sorted(by: { $0.start < $1.start }) { append(row) }
    }

    /// Appends a row whose start is later than every row's so far.
    public mutating func append(_ row: SampleRow) {
        precondition(count == 0 || row.start > last, "samples must be appended in start order, each start once")
        precondition(row.total <= Self.maxCount && row.errors <= row.total, "a count out of range")
        if count == 0 {
            first = row.start
            // The first start as a zigzag varint (it may lie before 1970).
            let s = row.start.seconds
            Self.put(UInt64(bitPattern: (s << 1) ^ (s >> 63)), into: &packed)
        } else {
            Self.put(UInt64(row.start.seconds - last.seconds), into: &packed)
        }
        Self.put(row.total, into: &packed)
        Self.put(row.errors, into: &packed)
        last = row.start
        count += 1
    }

    /// Packed bytes held (for memory reports).
    public var byteCount: Int { packed.count }

    /// Frees spare capacity left by appending.
    public mutating func compact() {
        if packed.capacity > packed.count { packed = Array(packed) }
    }

    /// Calls `body` with each row's start (seconds), total and errors, in start order.
    public func forEach(_ body: (_ start: Int64, _ total: UInt64, _ errors: UInt64) throws -> Void) rethrows {
        var reader = makeReader()
        while let row = reader.next() { try body(row.start, row.total, row.errors) }
    }

    public func makeReader() -> Reader { Reader(packed) }

    /// Reads the rows in start order, one at a time.
    public struct Reader {
        private let bytes: [UInt8]
        private var i = 0
        private var start: Int64 = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// The next row, or nil after the last.
        public mutating func next() -> (start: Int64, total: UInt64, errors: UInt64)? {
            guard i < bytes.count else { return nil }
            let delta = take()
            start = isFirst ? Int64(bitPattern: delta >> 1) ^ -Int64(bitPattern: delta & 1) : start + Int64(bitPattern: delta)
            isFirst = false
            let total = take()
            let errors = take()
            return (start, total, errors)
        }

        private var isFirst = true

        @inline(__always)
        private mutating func take() -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = bytes[i]
                i += 1
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }
    }

    /// Every row (for tests and small files).
    public var rows: [SampleRow] {
        var out: [SampleRow] = []
        out.reserveCapacity(count)
        forEach { out.append(SampleRow(start: Instant(seconds: $0), total: $1, errors: $2)) }
        return out
    }

    private static func put(_ v: UInt64, into bytes: inout [UInt8]) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Equal when the rows are: the packed bytes compared whole (in constant time when they
    /// share storage, as an unchanged file's series does from one preview build to the next).
    public static func == (a: SampleSeries, b: SampleSeries) -> Bool {
        guard a.count == b.count, a.first == b.first, a.last == b.last else { return false }
        return a.packed.withUnsafeBytes { x in
            b.packed.withUnsafeBytes { y in
                guard x.count == y.count else { return false }
                guard x.count > 0, let p = x.baseAddress, let q = y.baseAddress, p != q else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    /// A cheap hash of what == compares first (equal series hash alike).
    public func hash(into h: inout Hasher) {
        h.combine(count)
        h.combine(first)
        h.combine(last)
        h.combine(packed.count)
    }
}
