/// A JSON value with the line and column it starts at, so a problem in an imported file can be
/// reported where it is. (Foundation's JSON readers give no positions.)
public struct JSONNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number and its text as written.
        case number(Double, String)
        case string(String)
        case array([JSONNode])
        case object([(key: String, value: JSONNode)])
    }

    public var value: Value
    /// 1-based; columns count Unicode scalars.
    public var line: Int
    public var column: Int

    /// The value of `key` in an object; nil when absent or not an object.
    public subscript(key: String) -> JSONNode? {
        guard case let .object(pairs) = value else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// How the value reads in a message.
    public var described: String {
        switch value {
        case .null: "null"
        case let .bool(b): b ? "true" : "false"
        case let .number(_, text): text
        case let .string(s):
            "\"" + (s.count > 60 ? String(s.prefix(57)) + "..." : s).replacing("\"", with: "\\\"").replacing("\n", with: "\\n") + "\""
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// A syntax error in a JSON text, at its line and column.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

/// A strict RFC 8259 parser that records where each value starts.
public enum JSONDocument {
    /// Nesting deeper than this is refused (a recursive parser must not exhaust the stack).
    public static let maxDepth = 256

    public static func parse(_ bytes: [UInt8]) -> Result<JSONNode, JSONSyntaxError> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(JSONSyntaxError(line: 0, column: 0, message: "the file is not valid UTF-8 text"))
        }
        var p = Parser(bytes: bytes)
        do {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
            p.skipSpace()
            let node = try p.value(depth: 0)
            p.skipSpace()
            if p.i < bytes.count { throw p.error("unexpected \(p.describeHere()) after the JSON value") }
            return .success(node)
        } catch let e as JSONSyntaxError {
            return .failure(e)
        } catch {
            return .failure(JSONSyntaxError(line: 0, column: 0, message: "\(error)"))
        }
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// Index of the first byte of the current line.
        var lineStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// A byte of the current line and its column, so that columns are counted once, forwards
        /// (exports are often one long line).
        var mark = (index: 0, column: 1)

        /// 1-based column of byte `at` on the current line, in Unicode scalars.
        func column(_ at: Int) -> Int {
            var (k, c) = mark.index >= lineStart && mark.index <= at ? mark : (lineStart, 1)
            while k < at && k < bytes.count {
                if bytes[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            return c
        }

        /// Moves the counted mark to byte `at` (at or after it, on the current line).
        mutating func columnAdvancing(_ at: Int) -> Int {
            let c = column(at)
            mark = (at, c)
            return c
        }

        func error(_ message: String, at: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(line: line, column: column(at ?? i), message: "invalid JSON: " + message)
        }

        func describeHere() -> String {
            guard i < bytes.count else { return "end of file" }
            let b = bytes[i]
            if b >= 0x21 && b < 0x7F { return "\"\(Character(Unicode.Scalar(b)))\"" }
            return b < 0x20 || b == 0x7F ? "a control character" : "a character outside JSON's syntax"
        }

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x09, 0x0D: i += 1
                case 0x0A:
                    i += 1
                    line += 1
                    lineStart = i
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws -> JSONNode {
            guard depth < JSONDocument.maxDepth else { throw error("nested deeper than \(JSONDocument.maxDepth) levels") }
            guard i < bytes.count else { throw error("the file ends where a value was expected") }
            let (l, c) = (line, columnAdvancing(i))
            func node(_ v: JSONNode.Value) -> JSONNode { JSONNode(value: v, line: l, column: c) }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var pairs: [(key: String, value: JSONNode)] = []
                var seen: Set<String> = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return node(.object(pairs))
                }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                        throw error("expected a key in double quotes, found \(describeHere())")
                    }
                    let keyAt = i
                    let key = try string()
                    if !seen.insert(key).inserted { throw error("duplicate key \"\(key)\" in an object", at: keyAt) }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                        throw error("expected \":\" after a key, found \(describeHere())")
                    }
                    i += 1
                    skipSpace()
                    pairs.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard i < bytes.count else { throw error("the file ends inside an object (a \"}\" is missing)") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        return node(.object(pairs))
                    }
                    throw error("expected \",\" or \"}\" in an object, found \(describeHere())")
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [JSONNode] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return node(.array(items))
                }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw error("the file ends inside a list (a \"]\" is missing)") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        return node(.array(items))
                    }
                    throw error("expected \",\" or \"]\" in a list, found \(describeHere())")
                }
            case UInt8(ascii: "\""):
                return node(.string(try string()))
            case UInt8(ascii: "t"):
                try literal("true")
                return node(.bool(true))
            case UInt8(ascii: "f"):
                try literal("false")
                return node(.bool(false))
            case UInt8(ascii: "n"):
                try literal("null")
                return node(.null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return node(try number())
            default:
                throw error("expected a value, found \(describeHere())")
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
                throw error("expected a value, found \(describeHere())")
            }
            i += w.count
        }

        mutating func number() throws -> JSONNode.Value {
            let start = i
            func digits() -> Int {
                let s = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                return i - s
            }
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw error("a number needs a digit here", at: i) }
            if bytes[i] == UInt8(ascii: "0") {
                i += 1
                if i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { throw error("a number must not start with 0", at: start) }
            } else {
                _ = digits()
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw error("a digit must follow the decimal point") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw error("a digit must follow the exponent") }
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            return .number(Double(text) ?? .nan, text)
        }

        /// A string at `i` (its opening quote), unescaped.
        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw error("the file ends inside a string (a closing \" is missing)") }
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    let at = i
                    i += 1
                    guard i < bytes.count else { throw error("the file ends inside a string") }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4(at: at)
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                                throw error("\\u\(String(scalar, radix: 16)) is half of a surrogate pair without its other half", at: at)
                            }
                            i += 2
                            let low = try hex4(at: at)
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw error("\\u\(String(scalar, radix: 16)) is half of a surrogate pair without its other half", at: at)
                            }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error("\\u\(String(scalar, radix: 16)) is half of a surrogate pair without its other half", at: at)
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                    default:
                        throw error("unknown escape \"\\\(Character(Unicode.Scalar(e)))\" in a string", at: at)
                    }
                case 0x00..<0x20:
                    throw error("a control character (such as a line break) must be escaped inside a string")
                default:
                    out.append(b)
                    i += 1
                }
            }
        }

        mutating func hex4(at: Int) throws -> UInt32 {
            guard i + 4 <= bytes.count else { throw error("\\u needs four hexadecimal digits", at: at) }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = bytes[i + k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw error("\\u needs four hexadecimal digits", at: at)
                }
                v = v << 4 | d
            }
            i += 4
            return v
        }
    }
}
