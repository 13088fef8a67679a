import SLACore

/// An inline SVG chart of monthly uptime against the objective (SPEC §4 details page).
/// Met and missed months differ by marker shape and a text label, not colour alone; every text
/// from content is escaped here because the SVG is inserted unescaped.
struct UptimeChart {
    /// The months with data (a month without data has no uptime to plot; the table names it).
    let months: [MonthFigure]
    let objective: Double?
    /// Plain title such as "Monthly uptime of Nimbus Compute, Business plan".
    let title: String
    /// Unique per page, for `aria-labelledby`.
    let idPrefix: String
    let strings: StringTable

    init(months: [MonthFigure], objective: Double?, title: String, idPrefix: String, strings: StringTable) {
        self.strings = strings
        self.months = months.filter(\.hasData)
        // The objective in force in the latest plotted month (each month carries its own).
        self.objective = self.months.last.map(\.objective) ?? objective
        self.title = title
        self.idPrefix = idPrefix
    }

    /// A plotted month's uptime (every plotted month has data).
    private func uptime(_ m: MonthFigure) -> Double { m.uptime! }

    /// Runs of months judged by one objective, oldest first: (first index, last index, objective).
    /// One run when the objective never changed.
    var objectiveRuns: [(from: Int, to: Int, objective: Double?)] {
        var runs: [(from: Int, to: Int, objective: Double?)] = []
        for (i, m) in months.enumerated() {
            if let last = runs.last, last.objective == m.objective {
                runs[runs.count - 1].to = i
            } else {
                runs.append((i, i, m.objective))
            }
        }
        return runs
    }

    /// Whether there is anything to plot.
    var isEmpty: Bool { months.isEmpty }

    static let width = 720.0
    static let height = 260.0
    static let left = 64.0
    static let right = 16.0
    static let top = 28.0
    static let bottom = 44.0

    /// The lower edge of the y axis: below both the worst month and the objective, on a round step.
    var floor: Double {
        let worst = months.map { Published.uptime(uptime($0)) }.min() ?? 100
        let objectiveFloor = objective.map { $0 - max(100 - $0, 0.05) } ?? 99.9
        let low = min(worst, objectiveFloor, 99.9)
        let span = 100 - low
        let steps: [Double] = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100]
        let step = steps.first { span / $0 <= 5 } ?? 100
        return max(0, (low / step).rounded(.down) * step)
    }

    func svg() -> String {
        let w = Self.width, h = Self.height
        let plotW = w - Self.left - Self.right, plotH = h - Self.top - Self.bottom
        let lo = floor
        func y(_ v: Double) -> Double { Self.top + (100 - min(100, max(lo, v))) / (100 - lo) * plotH }
        let n = max(months.count, 1)
        let slot = plotW / Double(n)
        func x(_ i: Int) -> Double { Self.left + slot * (Double(i) + 0.5) }

        let missed = months.filter { $0.final && $0.met == false }.count
        let runs = objectiveRuns
        let t = strings
        var objectiveText = objective.map { t(.chartObjective, ["objective": PageFormat.percent($0)]) } ?? t[.chartNoObjective]
        if runs.count > 1 {
            // Each objective with the months it judged.
            let list = runs.map { run in
                let o = run.objective.map(PageFormat.percent) ?? t[.changeNone]
                return t(.chartObjectiveRun, ["objective": o, "month": PageFormat.month(months[run.from].month, t)])
            }.joined(separator: t[.chartObjectiveRunSeparator])
            objectiveText = t(.chartObjective, ["objective": list])
        }
        let desc = t(
            .chartDescription,
            [
                "months": String(months.count), "objective": objectiveText,
                "missed": t.plural(missed, one: .chartMissedOne, other: .chartMissedOther),
            ])

        // Written as bytes: this runs for every details page, with a number in every attribute.
        var s = SVGWriter()
        s.out.reserveCapacity(1024 + 256 * months.count)
        s.put("<svg class=\"chart\" viewBox=\"0 0 ")
        s.num(w)
        s.put(" ")
        s.num(h)
        s.put("\" role=\"img\" aria-labelledby=\"")
        s.put(idPrefix)
        s.put("-title ")
        s.put(idPrefix)
        s.put("-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"")
        s.put(idPrefix)
        s.put("-title\">")
        s.text(title)
        s.put("</title><desc id=\"")
        s.put(idPrefix)
        s.put("-desc\">")
        s.text(desc)
        s.put("</desc>")
        // Axes and gridlines at 100 %, the floor, and the objective.
        var ticks = [100.0, lo]
        let objectives: [Double] = runs.count > 1 ? runs.compactMap(\.objective) : objective.map { [$0] } ?? []
        for o in objectives where o > lo && o < 100 && !ticks.contains(o) {
            ticks.append(o)
        }
        for t in ticks {
            s.line("chart-grid", y: y(t))
            s.put("<text class=\"chart-axis\" x=\"")
            s.num(Self.left - 6)
            s.put("\" y=\"")
            s.num(y(t) + 4)
            s.put("\" text-anchor=\"end\">")
            s.text(PageFormat.percent(Published.uptime(t)))
            s.put("</text>")
        }
        if runs.count > 1 {
            // The objective line steps where the terms in force changed (SPEC §3 Terms in force).
            s.put("<path class=\"chart-objective chart-objective-steps\" d=\"")
            var first = true
            for run in runs {
                guard let o = run.objective else { continue }
                s.put(first ? "M" : " L")
                first = false
                s.num(Self.left + slot * Double(run.from))
                s.put(" ")
                s.num(y(o))
                s.put(" L")
                s.num(Self.left + slot * Double(run.to + 1))
                s.put(" ")
                s.num(y(o))
            }
            s.put("\"/>")
        }
        if let o = objective {
            if runs.count <= 1 { s.line("chart-objective", y: y(o)) }
            s.put("<text class=\"chart-objective-label\" x=\"")
            s.num(w - Self.right)
            s.put("\" y=\"")
            s.num(y(o) - 5)
            s.put("\" text-anchor=\"end\">")
            s.text(t(.chartObjectiveLabel, ["objective": PageFormat.percent(o)]))
            s.put("</text>")
        }
        // Month labels: at most about 12 along the axis.
        let every = max(1, Int((Double(months.count) / 12).rounded(.up)))
        for (i, m) in months.enumerated() where i % every == 0 || i == months.count - 1 {
            s.put("<text class=\"chart-axis\" x=\"")
            s.num(x(i))
            s.put("\" y=\"")
            s.num(h - Self.bottom + 18)
            s.put("\" text-anchor=\"middle\">")
            s.text(PageFormat.shortMonth(m.month, t))
            s.put("</text>")
            // The year goes on a second line where it starts, so neighbouring labels never collide.
            if i == 0 || m.month.month == 1 {
                s.put("<text class=\"chart-axis\" x=\"")
                s.num(x(i))
                s.put("\" y=\"")
                s.num(h - Self.bottom + 33)
                s.put("\" text-anchor=\"middle\">")
                s.put(String(m.month.year))
                s.put("</text>")
            }
        }
        // A line through the months, then a marker per month.
        if months.count > 1 {
            s.put("<polyline class=\"chart-line\" points=\"")
            for (i, m) in months.enumerated() {
                if i > 0 { s.put(" ") }
                s.num(x(i))
                s.put(",")
                s.num(y(uptime(m)))
            }
            s.put("\"/>")
        }
        for (i, m) in months.enumerated() {
            let cx = x(i), cy = y(uptime(m))
            let state = !m.final ? "current" : (m.met == false ? "missed" : "met")
            let point: StringID = state == "current" ? .chartPointSoFar : state == "missed" ? .chartPointMissed : m.met == true ? .chartPointMet : .chartPoint
            let label = t(point, ["month": PageFormat.month(m.month, t), "uptime": PageFormat.uptime(uptime(m))])
            s.put("<g class=\"chart-point chart-")
            s.put(state)
            s.put("\"><title>")
            s.text(label)
            s.put("</title>")
            switch state {
            case "missed":
                s.put("<path d=\"M")
                s.num(cx)
                s.put(" ")
                s.num(cy - 6)
                s.put("L")
                s.num(cx + 6)
                s.put(" ")
                s.num(cy + 5)
                s.put("L")
                s.num(cx - 6)
                s.put(" ")
                s.num(cy + 5)
                s.put("Z\"/><text class=\"chart-miss-label\" x=\"")
                s.num(cx)
                s.put("\" y=\"")
                s.num(cy + 18 > h - Self.bottom ? cy - 10 : cy + 18)
                s.put("\" text-anchor=\"middle\">")
                s.text(t[.chartMissedMark])
                s.put("</text>")
            case "current":
                s.circle(cx, cy, r: "4.5")
            default:
                s.circle(cx, cy, r: "4")
            }
            s.put("</g>")
        }
        s.put("</svg>")
        return String(decoding: s.out, as: UTF8.self)
    }
}

/// Appends the chart's markup as UTF-8 bytes.
private struct SVGWriter {
    var out: [UInt8] = []

    mutating func put(_ s: String) { out.append(contentsOf: s.utf8) }

    /// Escaped text (titles and labels come from content).
    mutating func text(_ s: String) { FastHTMLContentType.escape(s, into: &out) }

    /// A coordinate with one decimal, as `PageFormat.fixed` writes it.
    mutating func num(_ v: Double) {
        let n = Int64((v * 10).rounded(.toNearestOrAwayFromZero))
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n.magnitude
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 || count < 2
            if n < 0 { out.append(UInt8(ascii: "-")) }
            for k in stride(from: count - 1, through: 1, by: -1) { out.append(buf[k]) }
            out.append(UInt8(ascii: "."))
            out.append(buf[0])
        }
    }

    mutating func line(_ cls: String, y: Double) {
        put("<line class=\"")
        put(cls)
        put("\" x1=\"")
        num(UptimeChart.left)
        put("\" x2=\"")
        num(UptimeChart.width - UptimeChart.right)
        put("\" y1=\"")
        num(y)
        put("\" y2=\"")
        num(y)
        put("\"/>")
    }

    mutating func circle(_ cx: Double, _ cy: Double, r: String) {
        put("<circle cx=\"")
        num(cx)
        put("\" cy=\"")
        num(cy)
        put("\" r=\"")
        put(r)
        put("\"/>")
    }
}

/// HTML text escaping for markup built in Swift (the SVG chart); templates escape with `{{ }}`.
/// HTML text and attribute escaping (`& < > " '`), shared by the templates, the chart and the
/// preview overlay.
public enum Escape {
    public static func html(_ s: String) -> String { FastHTMLContentType.escape(s) }
}
