import CCmarkGFM

/// Link and image targets written in a Markdown body, with where they are written.
public enum MarkdownLinks {
    public struct Link: Sendable, Equatable {
        public var url: String
        /// 1-based, relative to the first line of the Markdown text.
        public var line: Int
        /// 1-based, in Unicode scalars.
        public var column: Int
    }

    public static func links(in markdown: String) -> [Link] {
        _ = MarkdownRenderer()  // registers the extensions
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.utf8CString.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count - 1) }
        guard let doc = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(doc) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [Link] = []
        guard let iter = cmark_iter_new(doc) else { return [] }
        defer { cmark_iter_free(iter) }
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let cURL = cmark_node_get_url(node) else { continue }
            let url = String(cString: cURL)
            // Inline positions are not always kept; find the block, then the text of the URL in it.
            var block: OpaquePointer? = node
            while let b = block, cmark_node_get_start_line(b) <= 0 { block = cmark_node_parent(b) }
            let startLine = block.map { Int(cmark_node_get_start_line($0)) } ?? 1
            var found = Link(url: url, line: max(1, startLine), column: 1)
            var k = max(0, startLine - 1)
            while k < lines.count {
                if let r = lines[k].range(of: url) {
                    found = Link(url: url, line: k + 1, column: lines[k].unicodeScalars.distance(from: lines[k].startIndex, to: r.lowerBound) + 1)
                    break
                }
                k += 1
            }
            out.append(found)
        }
        return out
    }
}

extension Substring {
    fileprivate func range(of needle: String) -> Range<Substring.Index>? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
