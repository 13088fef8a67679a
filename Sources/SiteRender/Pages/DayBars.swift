import SLACore

/// The 90-day strip (issue 16, point 3): one bar per day, coloured by that day's downtime, with
/// maintenance apart. HTML and CSS only: each bar is a list item whose visually hidden text
/// names the date and the minutes (read by screen readers, shown on hover), and the days with
/// downtime or maintenance are listed in words in a `<details>` a keyboard can open.
enum DayBars {
    /// The colour class of a day (thresholds in minutes of downtime; docs/outputs.md).
    static func level(_ d: DayFigure) -> String {
        guard let down = d.downtimeMinutes else { return "none" }
        let shown = Published.minutes(down)
        if shown <= 0 { return d.maintenanceMinutes > 0 ? "maint" : "ok" }
        if shown < 10 { return "low" }
        if shown < 60 { return "mid" }
        return "high"
    }

    /// A day in words: "5 October 2026: 79.0 min downtime, 120.0 min maintenance".
    static func text(_ d: DayFigure) -> String {
        let date = PageFormat.day(d.day)
        guard let down = d.downtimeMinutes else {
            return date + (d.source == .measurements ? ": measured by month, no daily figure" : ": no data")
        }
        var parts: [String] = []
        parts.append(Published.minutes(down) > 0 ? PageFormat.minutes(down) + " downtime" : "no downtime")
        if Published.minutes(d.maintenanceMinutes) > 0 { parts.append(PageFormat.minutes(d.maintenanceMinutes) + " maintenance") }
        return date + ": " + parts.joined(separator: ", ")
    }

    /// The strip's HTML; `label` names it ("API, Pro plan").
    static func html(_ days: [DayFigure], label: String) -> String {
        guard let first = days.first, let last = days.last else { return "" }
        var out = "<div class=\"days-strip\">\n<ol class=\"days\" aria-label=\"Downtime per day, \(days.count) days: \(XMLText.escape(label))\">"
        out.reserveCapacity(days.count * 64 + 512)
        var listed: [String] = []
        for d in days {
            let cls = level(d)
            let maint = cls != "maint" && Published.minutes(d.maintenanceMinutes) > 0 ? " m" : ""
            // Dates and minutes in words: digits, month names and units, nothing to escape.
            let words = text(d)
            out += "<li class=\"d-\(cls)\(maint)\"><span>\(words)</span></li>"
            if (cls != "ok" && cls != "none") || !maint.isEmpty { listed.append(words) }
        }
        out += "</ol>\n<p class=\"days-axis\" aria-hidden=\"true\"><span>\(PageFormat.day(first.day))</span><span>\(PageFormat.day(last.day))</span></p>\n"
        if days.allSatisfy({ $0.downtimeMinutes == nil }) {
            out += "<p class=\"days-none\">No daily figures for these days.</p>\n"
        } else if listed.isEmpty {
            out += "<p class=\"days-none\">No downtime or maintenance in these \(days.count) days.</p>\n"
        } else {
            out += "<details class=\"days-list\"><summary>\(listed.count) day\(listed.count == 1 ? "" : "s") with downtime or maintenance</summary><ul>"
            for words in listed.reversed() { out += "<li>\(words)</li>" }
            out += "</ul></details>\n"
        }
        return out + "</div>"
    }
}
