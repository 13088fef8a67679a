import Mustache

/// HTML escaping for templates: the same five characters as swift-mustache's `HTML` content
/// type (`& < > " '`), done on UTF-8 bytes with a fast path for text that needs nothing.
/// swift-mustache's own escaper looks every Character up in a dictionary, which dominated
/// page rendering in profiles.
struct FastHTMLContentType: MustacheContentType {
    static let name = "SLASITE_HTML"
    /// Prepended to every template so it renders with this content type.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape`, appending to `out` (runs of plain text are copied whole).
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count {
                let entity: StaticString
                switch bytes[i] {
                case 38: entity = "&amp;"
                case 60: entity = "&lt;"
                case 62: entity = "&gt;"
                case 34: entity = "&quot;"
                case 39: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}

/// Strings render as themselves without going through `String(describing:)` on `Any`.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
