/// A page's typed view model: everything its template shows, already formatted. Its stored
/// properties are the template's names (`serviceTitle` is `{{service_title}}`), so a page can't
/// leave one out, and `TemplateCheck` rejects a template that reads a name no view model has.
protocol TemplateView: Codable {}

extension TemplateView {
    /// The template context: each property under its snake_case name; nil optionals are absent.
    var templateValues: [String: Any] {
        let encoder = ValuesEncoder(names: NameCache())
        try? self.encode(to: encoder)
        return encoder.storage.dictionary ?? [:]
    }

    /// The names the view model gives a template, nested for lists of records.
    static var schema: TemplateSchema { TemplateSchema.of(Self.self) }
}

/// Template values made once and only read after (shared by the workers rendering pages).
struct TemplateValues: @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }
}

/// A property name as templates spell it: `serviceTitle` → `service_title`.
func snakeCase(_ name: String) -> String {
    // Property names are ASCII; a name without capitals is returned as it is.
    guard name.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return name }
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count + 4)
    for byte in name.utf8 {
        if byte >= 65 && byte <= 90 {
            out.append(95)
            out.append(byte + 32)
        } else {
            out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

// MARK: - Encoding to template values

/// Property names already spelt as templates spell them (one per encoding of a page: rows
/// repeat the same names).
final class NameCache {
    private var names: [String: String] = [:]

    func snake(_ name: String) -> String {
        if let known = names[name] { return known }
        let made = snakeCase(name)
        names[name] = made
        return made
    }
}

/// Where an encoded value goes: a dictionary, an array or a single value, whichever container
/// the encoded type asked for.
final class ValueBox {
    var dictionary: [String: Any]?
    var array: [Any]?
    var single: Any?

    var value: Any { dictionary ?? array ?? single as Any }
}

/// Encodes a view model into the plain values templates read (strings, booleans, arrays,
/// dictionaries).
struct ValuesEncoder: Encoder {
    let storage = ValueBox()
    let names: NameCache
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.dictionary == nil { storage.dictionary = [:] }
        return KeyedEncodingContainer(Keyed<Key>(box: storage, names: names))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.array == nil { storage.array = [] }
        return Unkeyed(box: storage, names: names)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: storage, names: names) }

    static func plain<T: Encodable>(_ value: T, names: NameCache) -> Any {
        switch value {
        case let s as String: return s
        case let b as Bool: return b
        case let i as Int: return i
        case let d as Double: return d
        default:
            let encoder = ValuesEncoder(names: names)
            try? value.encode(to: encoder)
            return encoder.storage.value
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ValueBox
        let names: NameCache
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws {
            box.dictionary![names.snake(key.stringValue)] = value
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            box.dictionary![names.snake(key.stringValue)] = value
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.dictionary![names.snake(key.stringValue)] = ValuesEncoder.plain(value, names: names)
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            fatalError("view models nest through values")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            fatalError("view models nest through values")
        }
        mutating func superEncoder() -> any Encoder { fatalError("view models do not inherit") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError("view models do not inherit") }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: ValueBox
        let names: NameCache
        var codingPath: [any CodingKey] = []
        var count: Int { box.array?.count ?? 0 }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { box.array!.append(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { box.array!.append(ValuesEncoder.plain(value, names: names)) }
        mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type) -> KeyedEncodingContainer<N> {
            fatalError("view models nest through values")
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("view models nest through values") }
        mutating func superEncoder() -> any Encoder { fatalError("view models do not inherit") }
    }

    struct Single: SingleValueEncodingContainer {
        let box: ValueBox
        let names: NameCache
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { box.single = ValuesEncoder.plain(value, names: names) }
    }
}

// MARK: - The names a view model gives templates

/// The shape of a view model as templates see it.
indirect enum TemplateSchema: Equatable, Sendable {
    /// A string, number or boolean (or a list of them).
    case value
    /// A list of records.
    case list(TemplateSchema)
    /// A record: its names.
    case record([String: TemplateSchema])

    /// The schema of a view model type, read off its `Decodable` conformance (no instance needed).
    static func of<T: Decodable>(_ type: T.Type) -> TemplateSchema {
        let decoder = SchemaDecoder()
        _ = try? T(from: decoder)
        return decoder.schema.value
    }
}

/// Records which names a `Decodable` type asks for, answering every request with a placeholder.
final class SchemaBox {
    /// Set when the type decodes a keyed container: its names so far.
    var names: [String: TemplateSchema]?
    /// Set when the type decodes an unkeyed container and asked for its element.
    var element: TemplateSchema?

    var value: TemplateSchema {
        if let names { return .record(names) }
        // A list of plain values is itself a plain value to templates.
        if let element, element != .value { return .list(element) }
        return .value
    }
}

struct SchemaDecoder: Decoder {
    let schema = SchemaBox()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if schema.names == nil { schema.names = [:] }
        return KeyedDecodingContainer(Keyed<Key>(box: schema))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        return Unkeyed(box: schema)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single() }

    /// A placeholder for `T`, recording its schema.
    static func placeholder<T: Decodable>(_ type: T.Type) throws -> (T, TemplateSchema) {
        switch type {
        case is String.Type: return ("" as! T, .value)
        case is Bool.Type: return (false as! T, .value)
        case is Int.Type: return (0 as! T, .value)
        case is Double.Type: return (0.0 as! T, .value)
        default:
            let decoder = SchemaDecoder()
            let value = try T(from: decoder)
            return (value, decoder.schema.value)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let box: SchemaBox
        var codingPath: [any CodingKey] = []
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let (value, schema) = try SchemaDecoder.placeholder(type)
            box.names?[snakeCase(key.stringValue)] = schema
            return value
        }
        func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "view models nest through values"))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "view models nest through values"))
        }
        func superDecoder() throws -> any Decoder { SchemaDecoder() }
        func superDecoder(forKey key: Key) throws -> any Decoder { SchemaDecoder() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let box: SchemaBox
        var codingPath: [any CodingKey] = []
        var count: Int? { nil }
        var isAtEnd: Bool { box.element != nil }
        var currentIndex: Int { box.element == nil ? 0 : 1 }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, schema) = try SchemaDecoder.placeholder(type)
            box.element = schema
            return value
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type) throws -> KeyedDecodingContainer<N> {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "view models nest through values"))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "view models nest through values"))
        }
        mutating func superDecoder() throws -> any Decoder { SchemaDecoder() }
    }

    struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey] = []

        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try SchemaDecoder.placeholder(type).0 }
    }
}
