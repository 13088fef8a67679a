import CCmarkGFM
import Foundation

/// GitHub Flavored Markdown to HTML with cmark-gfm (docs/spec.md §1): tables, strikethrough, autolinks,
/// task lists; raw HTML and dangerous URLs are dropped unless `unsafe` is set.
public struct MarkdownRenderer: Sendable {
    public let unsafe: Bool

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the extensions' special characters (`:` and `w` for autolinks, `~` for
    /// strikethrough) in one table for every parser, adding them when a parse starts and
    /// removing them when it ends: two parses at once lose each other's autolinks. Parsing is
    /// done one at a time; rendering the parsed document needs no lock.
    private static let parsing = NSLock()

    public init(unsafe: Bool = false) {
        _ = Self.registered
        self.unsafe = unsafe
    }

    /// Renders `markdown` to an HTML fragment. Safe to call from several threads at once.
    public func html(_ markdown: String) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
        if unsafe { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        var extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
        if unsafe { extensionNames.append("tagfilter") }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        Self.parsing.lock()
        markdown.utf8CString.withUnsafeBufferPointer { buf in
            cmark_parser_feed(parser, buf.baseAddress, buf.count - 1)
        }
        let parsed = cmark_parser_finish(parser)
        Self.parsing.unlock()
        guard let doc = parsed else { return "" }
        defer { cmark_node_free(doc) }
        guard let cString = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }
}
