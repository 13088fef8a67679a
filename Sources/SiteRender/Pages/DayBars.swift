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
    static func text(_ d: DayFigure, _ s: PageText) -> String {
        let date = s.day(d.day)
        guard let down = d.downtimeMinutes else {
            return s(d.source == .measurements ? .dayMeasuredByMonth : .dayNoData, ["date": date])
        }
        var parts: [String] = []
        parts.append(Published.minutes(down) > 0 ? s(.dayDowntime, ["minutes": s.minutes(down)]) : s[.dayNoDowntime])
        if Published.minutes(d.maintenanceMinutes) > 0 {
            parts.append(s(.dayMaintenance, ["minutes": s.minutes(d.maintenanceMinutes)]))
        }
        return s(.dayText, ["date": date, "figures": parts.joined(separator: s[.listComma])])
    }

    /// The strip's HTML; `label` names it ("API, Pro plan").
    static func html(_ days: [DayFigure], label: String, _ s: PageText) -> String {
        guard let first = days.first, let last = days.last else { return "" }
        let e: (String) -> String = { FastHTMLContentType.escape($0) }
        var out = "<div class=\"days-strip\">\n<ol class=\"days\" aria-label=\""
            + e(s(.daysLabel, ["days": String(days.count), "label": label])) + "\">"
        out.reserveCapacity(days.count * 64 + 512)
        var listed: [String] = []
        for d in days {
            let cls = level(d)
            let maint = cls != "maint" && Published.minutes(d.maintenanceMinutes) > 0 ? " m" : ""
            let words = e(text(d, s))
            out += "<li class=\"d-\(cls)\(maint)\"><span>\(words)</span></li>"
            if (cls != "ok" && cls != "none") || !maint.isEmpty { listed.append(words) }
        }
        out += "</ol>\n<p class=\"days-axis\" aria-hidden=\"true\"><span>\(e(s.day(first.day)))</span><span>\(e(s.day(last.day)))</span></p>\n"
        if days.allSatisfy({ $0.downtimeMinutes == nil }) {
            out += "<p class=\"days-none\">\(e(s[.daysNoFigures]))</p>\n"
        } else if listed.isEmpty {
            out += "<p class=\"days-none\">\(e(s(.daysNothing, ["days": String(days.count)])))</p>\n"
        } else {
            out += "<details class=\"days-list\"><summary>"
                + e(s.plural(listed.count, one: .daysListedOne, other: .daysListedOther)) + "</summary><ul>"
            for words in listed.reversed() { out += "<li>\(words)</li>" }
            out += "</ul></details>\n"
        }
        return out + "</div>"
    }
}
