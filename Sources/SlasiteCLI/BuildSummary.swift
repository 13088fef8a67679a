import SiteRender

/// The closing line of a build, e.g. `built 14 pages, 2 feeds, sla.json in 38 ms`.
struct BuildSummary {
    var files: [OutputFile]

    func line(milliseconds: Int) -> String {
        let pages = files.filter { $0.path.hasSuffix(".html") }.count
        let feeds = files.filter { $0.path == "feed.json" || $0.path == "feed.xml" }.count
        var parts = ["\(pages) page\(pages == 1 ? "" : "s")"]
        if feeds > 0 { parts.append("\(feeds) feed\(feeds == 1 ? "" : "s")") }
        if files.contains(where: { $0.path == "sla.json" }) { parts.append("sla.json") }
        return "built " + parts.joined(separator: ", ") + " in \(milliseconds) ms"
    }
}
