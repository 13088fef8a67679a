/// Maps a request path to a file of the site, refusing anything that could leave it.
enum RequestPath {
    enum Resolution: Equatable {
        /// A file path relative to the output root.
        case file(String)
        /// The folder exists: redirect to the path with a trailing slash.
        case redirect(String)
        case notFound
    }

    /// Percent-decodes `raw` strictly; nil for malformed escapes, NUL or invalid UTF-8.
    static func decode(_ raw: String) -> String? {
        var bytes: [UInt8] = []
        var it = Array(raw.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let hi = hex(it.popFirst()!), let lo = hex(it.popFirst()!) else { return nil }
                bytes.append(hi << 4 | lo)
            } else {
                bytes.append(b)
            }
        }
        guard !bytes.contains(0), let s = String(validating: bytes, as: UTF8.self) else { return nil }
        return s
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }

    /// - Parameters:
    ///   - rawPath: the request's path, without query.
    ///   - basePath: the site's base path, e.g. `/` or `/sla/`.
    ///   - exists: whether a relative file path is part of the site.
    static func resolve(_ rawPath: String, basePath: String, exists: (String) -> Bool) -> Resolution {
        guard let path = decode(rawPath), path.hasPrefix("/") else { return .notFound }
        // Traversal and odd separators never reach the file lookup, decoded or not.
        if path.contains("\\") { return .notFound }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .notFound }
        var base = basePath
        if !base.hasSuffix("/") { base += "/" }
        var rel: Substring
        if path.hasPrefix(base) {
            rel = path.dropFirst(base.count)
        } else if path + "/" == base {
            return .redirect(base)
        } else {
            return .notFound
        }
        if rel.contains("//") || rel.hasPrefix("/") { return .notFound }
        if rel.isEmpty || rel.hasSuffix("/") {
            let index = String(rel) + "index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(String(rel)) { return .file(String(rel)) }
        if exists(String(rel) + "/index.html") { return .redirect(path + "/") }
        return .notFound
    }
}
