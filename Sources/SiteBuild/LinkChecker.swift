import SLACore
import SiteContent
import SiteRender

/// Finds internal links that lead nowhere: in content (reported at the Markdown source) and in
/// the rendered pages (theme links, reported at the page).
public enum LinkChecker {
    /// - Parameters:
    ///   - files: the rendered site.
    ///   - site: the validated site, for the page each body is shown on.
    ///   - sources: the source files by path, to locate links in bodies.
    public static func check(_ files: [OutputFile], site: Site, sources: [String: [UInt8]]) -> [Diagnostic] {
        let urls = SiteURLs(baseURL: site.config.baseURL)
        let paths = Set(files.map(\.path))
        var out: [Diagnostic] = []
        // Content bodies, each resolved against the page it is mainly shown on.
        var bodies: [(file: String, page: String)] = [("content/terms.md", urls.terms)]
        for s in site.services {
            let page = site.plans.first { $0.covers(s.id) }.map { urls.details(plan: $0.id, service: s.id) } ?? urls.home
            bodies.append(("content/services/\(s.id).md", page))
        }
        for p in site.plans { bodies.append(("content/plans/\(p.id).md", urls.plan(p.id))) }
        for i in site.incidents { bodies.append(("content/status/incidents/\(i.id).md", urls.incident(i.id))) }
        for (file, page) in bodies {
            guard let bytes = sources[file], let (body, firstLine) = SourceFile(path: file, bytes: bytes).markdownBody
            else { continue }
            for link in MarkdownLinks.links(in: body) {
                if let target = brokenTarget(link.url, from: page, basePath: urls.basePath, paths: paths) {
                    out.append(
                        Diagnostic(
                            .error, file, firstLine + link.line - 1, link.column,
                            "broken link \"\(link.url)\": the site has no page at \(urls.basePath + target)"))
                }
            }
        }
        // Links the theme wrote into pages; a link a body already reported (at its source) is
        // not reported again on every page that shows the body.
        let reported = Set(out.map { $0.message })
        for f in files where f.path.hasSuffix(".html") {
            let page = f.path.hasSuffix("index.html") ? String(f.path.dropLast("index.html".count)) : f.path
            for (url, line, column) in attributeLinks(in: f.bytes) {
                if let target = brokenTarget(url, from: page, basePath: urls.basePath, paths: paths) {
                    let message = "broken link \"\(url)\": the site has no page at \(urls.basePath + target)"
                    if reported.contains(message) { continue }
                    out.append(Diagnostic(.error, "public/" + f.path, line, column, message))
                }
            }
        }
        // The same content link shown on several pages is one problem.
        var seen: Set<Diagnostic> = []
        return out.filter { seen.insert($0).inserted }
    }

    /// The site-relative path a link points at when nothing is there; nil when it resolves or is external.
    static func brokenTarget(_ raw: String, from page: String, basePath: String, paths: Set<String>) -> String? {
        var url = Substring(raw)
        if let hash = url.firstIndex(of: "#") { url = url[..<hash] }
        if let q = url.firstIndex(of: "?") { url = url[..<q] }
        if url.isEmpty { return nil }
        // External: any scheme (http:, mailto:, …) or protocol-relative.
        if url.hasPrefix("//") { return nil }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }
        var segments: [Substring]
        if url.hasPrefix("/") {
            guard url.hasPrefix(basePath) || url + "/" == basePath else { return String(url.dropFirst()) }
            segments = url.dropFirst(basePath.count).split(separator: "/", omittingEmptySubsequences: false)
        } else {
            segments = (page.split(separator: "/", omittingEmptySubsequences: true) + url.split(separator: "/", omittingEmptySubsequences: false))
        }
        var resolved: [Substring] = []
        for (k, s) in segments.enumerated() {
            if s == "." || (s.isEmpty && k < segments.count - 1) { continue }
            if s == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            resolved.append(s)
        }
        let rel = resolved.filter { !$0.isEmpty }.joined(separator: "/")
        let isFolder = url.hasSuffix("/") || rel.isEmpty
        if isFolder {
            let index = rel.isEmpty ? "index.html" : rel + "/index.html"
            return paths.contains(index) ? nil : (rel.isEmpty ? "" : rel + "/")
        }
        if paths.contains(rel) || paths.contains(rel + "/index.html") { return nil }
        return rel
    }

    /// `href` and `src` attribute values with their 1-based line and column.
    static func attributeLinks(in html: [UInt8]) -> [(String, Int, Int)] {
        var out: [(String, Int, Int)] = []
        var line = 1
        var lineStart = 0
        var i = 0
        let n = html.count
        while i < n {
            let b = html[i]
            if b == 10 {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            // Match ` href="` or ` src="`.
            if b == 32 || b == 10 || b == 9 {
                for name in [Array(" href=\"".utf8), Array(" src=\"".utf8)] where i + name.count <= n {
                    if html[i..<(i + name.count)].elementsEqual(name) {
                        let start = i + name.count
                        var end = start
                        while end < n && html[end] != 34 && html[end] != 10 { end += 1 }
                        let value = String(decoding: html[start..<end], as: UTF8.self)
                        let column = String(decoding: html[lineStart..<start], as: UTF8.self).unicodeScalars.count + 1
                        out.append((unescapeAmp(value), line, column))
                        i = end
                        break
                    }
                }
            }
            i += 1
        }
        return out
    }

    private static func unescapeAmp(_ s: String) -> String {
        s.contains("&") ? s.split(separator: "&amp;", omittingEmptySubsequences: false).joined(separator: "&") : s
    }
}
