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
        var needs = false
        for b in text.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 {
            needs = true
            break
        }
        if !needs { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 38: out += Array("&amp;".utf8)
            case 60: out += Array("&lt;".utf8)
            case 62: out += Array("&gt;".utf8)
            case 34: out += Array("&quot;".utf8)
            case 39: out += Array("&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Strings render as themselves without going through `String(describing:)` on `Any`.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
