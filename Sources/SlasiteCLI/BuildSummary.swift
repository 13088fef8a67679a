import SiteRender

/// The closing line of a build, e.g. `built 14 pages, 2 feeds, sla.json in 38 ms`.
struct BuildSummary {
    /// Every output path.
    var paths: [String]

    func line(milliseconds: Int) -> String {
        let pages = paths.filter { $0.hasSuffix(".html") }.count
        let feeds = paths.filter { $0 == "feed.json" || $0 == "feed.xml" }.count
        var parts = ["\(pages) page\(pages == 1 ? "" : "s")"]
        if feeds > 0 { parts.append("\(feeds) feed\(feeds == 1 ? "" : "s")") }
        if paths.contains("sla.json") { parts.append("sla.json") }
        return "built " + parts.joined(separator: ", ") + " in \(milliseconds) ms"
    }
}
