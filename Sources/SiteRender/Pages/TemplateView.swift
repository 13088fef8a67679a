import Foundation
import Mustache

/// A page's typed view model: everything its template shows, already formatted. Its stored
/// properties are the template's names (`serviceTitle` is `{{service_title}}`), so a page can't
/// leave one out, and `TemplateCheck` rejects a template that reads a name no view model has.
protocol TemplateView: Codable {}

extension TemplateView {
    /// The template context: each property under its snake_case name; nil optionals are absent.
    var templateValues: [String: Any] {
        var values: [String: Any] = [:]
        templateRecord.add(to: &values)
        return values
    }

    /// The view model as one record: its values by slot, a nil optional absent.
    var templateRecord: TemplateRecord {
        let encoder = ValuesEncoder(session: EncodingSession(), type: Self.self)
        // ValuesEncoder itself never throws; a view model whose own `encode(to:)` throws is a
        // defect in slasite, never dropped as an empty page.
        do {
            try self.encode(to: encoder)
        } catch {
            preconditionFailure("the view model \(Self.self) cannot be encoded for its template: \(error)")
        }
        // A view model with no properties asks for no container.
        return encoder.record ?? TemplateRecord(RecordLayout.of(Self.self))
    }

    /// The names the view model gives a template, nested for lists of records.
    static var schema: TemplateSchema { TemplateSchema.of(Self.self) }
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

/// Copies of template values that share no storage with the originals: each rendering thread
/// reads its own, so the cores do not take turns owning the same reference counts.
enum TemplateCopy {
    static func dict(_ d: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        out.reserveCapacity(d.count)
        for (name, value) in d { out[string(name)] = any(value) }
        return out
    }

    static func string(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }

    static func any(_ value: Any) -> Any {
        // By exact type, as `CompiledTemplates.Entry` tells them: a cast would first try to
        // bridge each value to Objective-C.
        let type = Swift.type(of: value)
        if type == TemplateRecord.self { return (value as! TemplateRecord).copy() }
        if type == String.self { return string(value as! String) }
        if type == [String: Any].self { return dict(value as! [String: Any]) }
        if type == [TemplateRecord].self { return (value as! [TemplateRecord]).map { $0.copy() } }
        if type == [Any].self { return (value as! [Any]).map(any) }
        return value
    }
}

// MARK: - Encoding to template values

/// A view model type's property names as templates spell them, in declaration order: the
/// slots of its records. Read once per type off its `Decodable` conformance (as its schema is).
final class RecordLayout: @unchecked Sendable {
    /// The property names (the coding keys), slot by slot.
    let keys: [String]
    /// Slot by template name (`service_title`).
    let slots: [String: Int]
    let names: [String]

    init(keys: [String]) {
        self.keys = keys
        names = keys.map(snakeCase)
        var slots: [String: Int] = [:]
        for (slot, name) in names.enumerated() where slots[name] == nil { slots[name] = slot }
        self.slots = slots
    }

    /// The slot of a template name. Rows have few names, and comparing short strings is cheaper
    /// than hashing one.
    func slot(named name: String) -> Int? {
        guard names.count <= 16 else { return slots[name] }
        var i = 0
        while i < names.count {
            if names[i] == name { return i }
            i += 1
        }
        return nil
    }

    /// The slot of a coding key, looked for from `cursor` on (synthesized conformances encode
    /// in the order they decode, so this is almost always the first place tried).
    func slot(_ key: String, after cursor: Int) -> Int? {
        var i = cursor
        while i < keys.count {
            if keys[i] == key { return i }
            i += 1
        }
        i = 0
        while i < cursor && i < keys.count {
            if keys[i] == key { return i }
            i += 1
        }
        return nil
    }

    /// The layout of `type`, made once per type for the whole process.
    static func of(_ type: Any.Type) -> RecordLayout {
        known.value(ObjectIdentifier(type)) {
            guard let decodable = type as? any Decodable.Type else { return RecordLayout(keys: []) }
            return RecordLayout(keys: TemplateSchema.keys(of: decodable))
        }
    }

    private static let known = OncePerKey<ObjectIdentifier, RecordLayout>()
}

/// A view model record (a row, a nested item) as templates read it: its values by slot, looked
/// up by name through swift-mustache's custom-lookup protocol. A nil optional is absent, as a
/// missing key of a dictionary is: lookups go on down the context stack.
final class TemplateRecord: MustacheParent, @unchecked Sendable {
    let layout: RecordLayout
    var values: [Any?]
    /// Values under names the type's layout does not have (a hand-written `encode(to:)`).
    var extra: [String: Any] = [:]

    init(_ layout: RecordLayout) {
        self.layout = layout
        values = Array(repeating: nil, count: layout.keys.count)
    }

    /// `object` when it is a record (by its exact type, without a cast's bridging attempts).
    static func exactly(_ object: Any) -> TemplateRecord? {
        type(of: object) == TemplateRecord.self ? (object as! TemplateRecord) : nil
    }

    /// A copy sharing no storage with this record (`TemplateCopy`).
    func copy() -> TemplateRecord {
        let copy = TemplateRecord(layout)
        copy.values = values.map { $0.map(TemplateCopy.any) }
        copy.extra = TemplateCopy.dict(extra)
        return copy
    }

    func child(named name: String) -> Any? { child(named: name, slot: layout.slot(named: name)) }

    /// `child(named:)` with `name`'s slot in the layout already found (nil: not one of its names).
    func child(named name: String, slot: Int?) -> Any? {
        if let slot { return values[slot] }
        return extra.isEmpty ? nil : extra[name]
    }

    /// Adds the record's values to a dictionary (the top level of a page, which the layout's
    /// values join).
    func add(to out: inout [String: Any]) {
        out.reserveCapacity(out.count + values.count + extra.count)
        for (slot, value) in values.enumerated() {
            if let value { out[layout.names[slot]] = value }
        }
        for (name, value) in extra { out[name] = value }
    }
}

/// The layouts one encoding has met, so a list of rows asks the process-wide table once.
final class EncodingSession {
    private var last: (ObjectIdentifier, RecordLayout)?

    func layout(_ type: Any.Type) -> RecordLayout {
        let id = ObjectIdentifier(type)
        if let last, last.0 == id { return last.1 }
        let layout = RecordLayout.of(type)
        last = (id, layout)
        return layout
    }
}

/// Encodes a view model into the plain values templates read (strings, booleans, lists,
/// records). It keeps what it made: a record, an array or a single value, whichever container
/// the encoded type asked for.
final class ValuesEncoder: Encoder {
    var record: TemplateRecord?
    var array: [Any]?
    var single: Any?
    let session: EncodingSession
    /// The type being encoded (its record layout, if it asks for a keyed container).
    let type: Any.Type
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(session: EncodingSession, type: Any.Type) {
        self.session = session
        self.type = type
    }

    /// What was encoded. A list whose items are all records (a list of rows) is typed as such,
    /// so templates iterate it without a cast per row.
    var value: Any {
        if let record { return record }
        if let array {
            guard !array.isEmpty else { return array }
            var records: [TemplateRecord] = []
            records.reserveCapacity(array.count)
            for item in array {
                guard let record = TemplateRecord.exactly(item) else { return array }
                records.append(record)
            }
            return records
        }
        return single as Any
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let record = self.record ?? TemplateRecord(session.layout(self.type))
        self.record = record
        return KeyedEncodingContainer(Keyed<Key>(record: record, session: session))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if array == nil { array = [] }
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    static func plain<T: Encodable>(_ value: T, session: EncodingSession) -> Any {
        // Metatype comparisons, not casts: this runs once per value of every page.
        if T.self == String.self || T.self == [String].self || T.self == Bool.self || T.self == Int.self
            || T.self == Double.self
        {
            return value
        }
        let encoder = ValuesEncoder(session: session, type: T.self)
        try? value.encode(to: encoder)
        return encoder.value
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let record: TemplateRecord
        let session: EncodingSession
        var cursor = 0
        var codingPath: [any CodingKey] = []

        init(record: TemplateRecord, session: EncodingSession) {
            self.record = record
            self.session = session
        }

        private mutating func put(_ value: Any, _ key: Key) {
            let name = key.stringValue
            if let slot = record.layout.slot(name, after: cursor) {
                record.values[slot] = value
                cursor = slot + 1
            } else {
                record.extra[snakeCase(name)] = value
            }
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws { put(value, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(value, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            put(ValuesEncoder.plain(value, session: session), key)
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
        let encoder: ValuesEncoder
        var codingPath: [any CodingKey] = []
        var count: Int { encoder.array?.count ?? 0 }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { encoder.array!.append(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.array!.append(ValuesEncoder.plain(value, session: encoder.session))
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type) -> KeyedEncodingContainer<N> {
            fatalError("view models nest through values")
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("view models nest through values") }
        mutating func superEncoder() -> any Encoder { fatalError("view models do not inherit") }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: ValuesEncoder
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.single = ValuesEncoder.plain(value, session: encoder.session)
        }
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

    /// The coding keys a record type decodes, in the order it decodes them.
    static func keys(of type: any Decodable.Type) -> [String] {
        let decoder = SchemaDecoder()
        _ = try? type.init(from: decoder)
        return decoder.schema.keys
    }
}

/// Records which names a `Decodable` type asks for, answering every request with a placeholder.
final class SchemaBox {
    /// Set when the type decodes a keyed container: its names so far.
    var names: [String: TemplateSchema]?
    /// The coding keys asked for, in order.
    var keys: [String] = []
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
            box.keys.append(key.stringValue)
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
