import SLACore

/// The 90-day strip (issue 16, point 3; issue 23: its size): one bar per day, coloured by that
/// day's downtime, with maintenance apart. HTML and CSS only. The strip is one picture
/// (`role="img"`) whose accessible name says it all in words — each day with downtime or
/// maintenance with its minutes, the days without data as runs, the rest counted — so each bar
/// is only an empty element with a one-letter class (docs/outputs.md, "The 90-day bars"). The
/// days with downtime or maintenance are also listed in a `<details>` a keyboard can open, and
/// their bars show the same words on hover.
enum DayBars {
    /// What a day's bar shows (thresholds in minutes of downtime shown; docs/outputs.md).
    enum Level: Equatable {
        case ok, none, maintenance, low, mid, high

        /// The bar's class: none for the most common, `ok` (the CSS default), else one letter.
        var barClass: String {
            switch self {
            case .ok: ""
            case .none: "n"
            case .maintenance: "s"
            case .low: "l"
            case .mid: "m"
            case .high: "h"
            }
        }
    }

    /// The level of a day.
    static func level(_ d: DayFigure) -> Level {
        guard let down = d.downtimeMinutes else { return .none }
        let shown = Published.minutes(down)
        if shown <= 0 { return d.maintenanceMinutes > 0 ? .maintenance : .ok }
        if shown < 10 { return .low }
        if shown < 60 { return .mid }
        return .high
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
        var bars = ""
        bars.reserveCapacity(days.count * 8 + 256)
        var listed: [String] = []  // the listed days in words, escaped, oldest first
        var said = DaysSummary(s)
        for d in days {
            let level = level(d)
            if level == .ok {
                bars += "<i></i>"
                said.ok()
            } else if level == .none {
                bars += "<i class=\"n\"></i>"
                said.noData(d)
            } else {
                let words = text(d, s)
                let escaped = e(words)
                // A day with downtime and maintenance gets a blue top edge (class `s` as well).
                let edge = level != .maintenance && Published.minutes(d.maintenanceMinutes) > 0
                bars += "<i class=\"\(level.barClass)\(edge ? " s" : "")\" data-day=\"\(escaped)\"></i>"
                listed.append(escaped)
                said.day(words)
            }
        }
        let firstDate = s.day(first.day)
        let lastDate = s.day(last.day)
        let name = s(
            .daysPicture,
            [
                "label": s(.daysLabel, ["days": String(days.count), "label": label]),
                "first": firstDate, "last": lastDate, "figures": said.words(),
            ])
        var out = "<div class=\"days-strip\">\n<div class=\"days\" role=\"img\" aria-label=\"" + e(name) + "\">"
        out += bars
        out += "</div>\n<p class=\"days-axis\" aria-hidden=\"true\"><span>\(e(firstDate))</span><span>\(e(lastDate))</span></p>\n"
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
