import SLACore

/// A JSON document with keys kept in the order written, so output is byte-stable.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// Written in shortest form without a trailing `.0` (see `Published.text`).
    case number(Double)
    case bool(Bool)
    case null
    /// Bytes already serialized at the position they are written (at the same indentation).
    case raw([UInt8])
    /// A value made only when it is written, and dropped right after: a full build's sla.json
    /// holds one service object at a time instead of all of them (issue 23: tens of MB).
    case deferred(@Sendable () -> JSONValue)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// The same tree, value for value (pre-serialized pieces compared as bytes, in constant time
    /// when they share storage): equal trees serialize to equal bytes. A `deferred` value is made
    /// only when written, so a tree holding one is never the same as another. For the preview,
    /// which keeps sla.json's bytes under the document they were written from.
    public func isSame(as other: JSONValue) -> Bool {
        switch (self, other) {
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1.isSame(as: $1.1) }
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSame(as: $1) }
        case let (.string(a), .string(b)): return a == b
        case let (.number(a), .number(b)): return a.bitPattern == b.bitPattern
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        case let (.raw(a), .raw(b)): return a == b
        default: return false
        }
    }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func optional(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
    public static func optional(_ b: Bool?) -> JSONValue { b.map(JSONValue.bool) ?? .null }

    /// Serialized with two-space indentation and a final newline when `pretty`.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// Serialized as it would be written at nesting `level` (no trailing newline).
    public func fragment(level: Int) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: level)
        return out
    }

    /// Serialized pretty (see `serialized`) and handed to `put` in pieces of about `piece` bytes
    /// as it is written, so the whole text is never in memory at once; a piece ends only after
    /// a `deferred` value. The pieces joined are `bytes()`.
    public func write(pieces piece: Int = 1 << 18, to put: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(piece + piece / 4)
        withoutActuallyEscaping(put) { put in
            write(into: &out, indent: 0) { buffer in
                guard buffer.count >= piece else { return }
                put(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            out.append(10)
            put(out)
        }
    }

    /// Serialized as UTF-8 bytes (see `serialized`).
    public func bytes(pretty: Bool = true, reserving capacity: Int = 1 << 16) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(capacity, 1 << 16))
        write(into: &out, indent: pretty ? 0 : -1)
        if pretty { out.append(10) }
        return out
    }

    /// About how many bytes the value serializes to (a buffer reserved at once never regrows).
    public var estimatedSize: Int {
        switch self {
        case .raw(let bytes): bytes.count + 16
        case .string(let s): s.utf8.count + 16
        case .object(let pairs): pairs.reduce(16) { $0 + $1.0.utf8.count + 16 + $1.1.estimatedSize }
        case .array(let items): items.reduce(16) { $0 + 16 + $1.estimatedSize }
        default: 32
        }
    }

    /// A plain value: a string, number, boolean or null.
    private var isScalar: Bool {
        switch self {
        case .string, .number, .bool, .null: true
        case .object, .array, .raw, .deferred: false
        }
    }

    /// An object or array of plain values and arrays of plain values (a month's figures, a credit
    /// tier, an incident): written on one line, so each record is one line of a diff.
    private var isRecord: Bool {
        func plain(_ v: JSONValue) -> Bool {
            if case let .array(items) = v { return items.allSatisfy(\.isScalar) }
            return v.isScalar
        }
        switch self {
        case let .object(pairs): return pairs.allSatisfy { plain($0.1) }
        case let .array(items): return items.allSatisfy(\.isScalar)
        default: return false
        }
    }

    /// - Parameter flush: called after each `deferred` value is written, with the text so far
    ///   (it may hand it on and empty it).
    private func write(into out: inout [UInt8], indent: Int, flush: ((inout [UInt8]) -> Void)? = nil) {
        if indent >= 0 && isRecord {
            writeLine(into: &out)
            return
        }
        let pretty = indent >= 0
        switch self {
        case let .object(pairs):
            if pairs.isEmpty {
                out += Array("{}".utf8)
                return
            }
            out.append(123)
            for (k, (key, value)) in pairs.enumerated() {
                if k > 0 { out.append(44) }
                if pretty { newline(&out, indent + 1) }
                JSONValue.writeString(key, into: &out)
                out.append(58)
                if pretty { out.append(32) }
                value.write(into: &out, indent: pretty ? indent + 1 : -1, flush: flush)
            }
            if pretty { newline(&out, indent) }
            out.append(125)
        case let .array(items):
            if items.isEmpty {
                out += Array("[]".utf8)
                return
            }
            out.append(91)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(44) }
                if pretty { newline(&out, indent + 1) }
                item.write(into: &out, indent: pretty ? indent + 1 : -1, flush: flush)
            }
            if pretty { newline(&out, indent) }
            out.append(93)
        case let .string(s): JSONValue.writeString(s, into: &out)
        case let .number(x): out.append(contentsOf: (x.isFinite ? Published.text(x) : "null").utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case let .raw(bytes): out.append(contentsOf: bytes)
        case let .deferred(make):
            make().write(into: &out, indent: indent, flush: flush)
            flush?(&out)
        }
    }

    /// Compact, with a space after `:` and `,` (a record on one line).
    private func writeLine(into out: inout [UInt8]) {
        switch self {
        case let .object(pairs):
            out.append(123)
            for (k, (key, value)) in pairs.enumerated() {
                if k > 0 { out.append(contentsOf: [44, 32] as [UInt8]) }
                JSONValue.writeString(key, into: &out)
                out.append(contentsOf: [58, 32] as [UInt8])
                value.writeLine(into: &out)
            }
            out.append(125)
        case let .array(items):
            out.append(91)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(contentsOf: [44, 32] as [UInt8]) }
                item.writeLine(into: &out)
            }
            out.append(93)
        default:
            write(into: &out, indent: -1)
        }
    }

    private func newline(_ out: inout [UInt8], _ level: Int) {
        out.append(10)
        for _ in 0..<(level * 2) { out.append(32) }
    }

    /// RFC 8259 string escaping; `<`, `>` and `&` are escaped too so JSON is safe inside HTML.
    private static let hex = Array("0123456789abcdef".utf8)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(34)
        // Most strings need no escaping: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 34 || $0 == 92 || $0 == 60 || $0 == 62 || $0 == 38 || $0 == 0xE2 }) {
            out.append(contentsOf: s.utf8)
            out.append(34)
            return
        }
        let hex = Self.hex
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case 34: out += [92, 34]
            case 92: out += [92, 92]
            case 10: out += [92, 110]
            case 13: out += [92, 114]
            case 9: out += [92, 116]
            case 60, 62, 38:  // < > & as \u00XX so JSON is safe inside HTML
                out += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) are escaped for JavaScript.
                out.append(b)
                if let b2 = it.next() {
                    if b2 == 0x80, let b3 = it.next() {
                        if b3 == 0xA8 || b3 == 0xA9 {
                            out.removeLast()
                            out += Array((b3 == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                        } else {
                            out += [b2, b3]
                        }
                    } else {
                        out.append(b2)
                    }
                }
            default:
                if b < 0x20 {
                    out += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
                } else {
                    out.append(b)
                }
            }
        }
        out.append(34)
    }
}
