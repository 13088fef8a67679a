import SiteContent
import SiteRender

/// What `serve` adds to the HTML it serves (never to `build` output): the live-reload client
/// and, while the last build failed, an overlay listing every diagnostic.
enum ReloadScript {
    static let eventsPath = "/__slasite/events"

    static let script = """
        <script id="slasite-reload">(function(){var es=new EventSource("\(eventsPath)");\
        es.addEventListener("reload",function(){location.reload();});\
        es.addEventListener("styles",function(e){\
        document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){\
        var u=new URL(l.href,location.href);\
        if(/\\/assets\\/style\\.[0-9a-f]+\\.css$/.test(u.pathname)){l.href=e.data;}\
        else{u.searchParams.set("v",Date.now());l.href=u.href;}});});\
        })();</script>
        """

    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return "" }
        var html = """
            <div id="slasite-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
            background:rgba(20,20,24,.94);color:#f8f8f2;font:14px/1.5 ui-monospace,monospace;padding:2rem">\
            <h2 style="color:#ff6b6b;margin:0 0 1rem;font:bold 18px sans-serif">The last edit does not build \
            (\(errors.count) error\(errors.count == 1 ? "" : "s")); showing the last good site</h2><ul style="padding-left:1.2rem">
            """
        for d in diagnostics {
            html += "<li style=\"margin:.3rem 0\">" + escape(d.description) + "</li>"
        }
        html += "</ul><p style=\"color:#aaa\">Fix the file and save: this page reloads by itself.</p></div>"
        return html
    }

    /// Inserts the script (and overlay) before `</body>`, or at the end when there is none.
    static func inject(into html: [UInt8], diagnostics: [Diagnostic]) -> [UInt8] {
        let addition = Array((overlay(diagnostics) + script).utf8)
        let marker = Array("</body>".utf8)
        if let at = lastIndex(of: marker, in: html) {
            return Array(html[..<at]) + addition + Array(html[at...])
        }
        return html + addition
    }

    private static func lastIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = hay.count - needle.count
        while i >= 0 {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }

    static func escape(_ s: String) -> String { Escape.html(s) }
}
