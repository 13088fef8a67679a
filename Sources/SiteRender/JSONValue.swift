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

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func optional(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
    public static func optional(_ b: Bool?) -> JSONValue { b.map(JSONValue.bool) ?? .null }

    /// Serialized with two-space indentation and a final newline when `pretty`.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(into: &out, indent: pretty ? 0 : -1)
        if pretty { out += "\n" }
        return out
    }

    private func write(into out: inout String, indent: Int) {
        let pretty = indent >= 0
        switch self {
        case let .object(pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (k, (key, value)) in pairs.enumerated() {
                if k > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                JSONValue.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            if pretty { newline(&out, indent) }
            out += "}"
        case let .array(items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                item.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            if pretty { newline(&out, indent) }
            out += "]"
        case let .string(s): JSONValue.writeString(s, into: &out)
        case let .number(x): out += x.isFinite ? Published.text(x) : "null"
        case let .bool(b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    private func newline(_ out: inout String, _ level: Int) {
        out += "\n"
        out += String(repeating: "  ", count: level)
    }

    /// RFC 8259 string escaping; `<`, `>` and `&` are escaped too so JSON is safe inside HTML.
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
