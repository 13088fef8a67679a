import SLACore

/// An inline SVG chart of monthly uptime against the objective (docs/spec.md §4 details page).
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
    let strings: PageText

    init(months: [MonthFigure], objective: Double?, title: String, idPrefix: String, strings: PageText) {
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
    static let top = 32.0
    static let bottom = 44.0
    /// The labels' font size in user units (the theme's `.chart text`).
    static let fontSize = 12.0

    /// A label's width, estimated wider than common sans-serif fonts draw it (DejaVu Sans,
    /// Liberation Sans, Helvetica: digits 0.55–0.64 em, `%` and `m` up to 0.98 em), so a box
    /// that does not overlap another here does not on the page (issue 26, point 5; the browser
    /// test measures the drawn ones).
    static func textWidth(_ s: String) -> Double {
        s.unicodeScalars.reduce(0) { sum, c in
            let em: Double
            switch c {
            case "%", "m", "w", "M", "W", "@": em = 1.0
            case " ", "\u{00A0}", ".", ",", ":", ";", "i", "l", "j", "I", "'", "|", "!", "f", "t", "r": em = 0.45
            case "A"..."Z": em = 0.85
            default: em = 0.7
            }
            return sum + em * fontSize
        }
    }

    /// Allowance of an objective for the axis: its downtime share, at least 0.05 points.
    private static func allowance(_ objective: Double) -> Double { max(100 - objective, 0.05) }

    /// The lower edge of the y axis (issue 26, point 5: a clipped linear axis, docs/outputs.md):
    /// two allowances below the objective in force, and half an allowance below any earlier
    /// objective of the plotted months; lowered to a month's uptime as long as that month is
    /// within six allowances of the objective that judged it. A worse month is drawn on the
    /// lower edge, marked with its value, instead of flattening every other month onto the
    /// objective. Rounded down to a step of which the span holds at most five.
    var floor: Double {
        let latest = objective ?? 99.9
        var low = latest - 2 * Self.allowance(latest)
        for run in objectiveRuns { if let o = run.objective { low = min(low, o - Self.allowance(o) / 2) } }
        for m in months {
            let judge = m.objective ?? 99.9
            let v = Published.uptime(uptime(m))
            if v >= judge - 6 * Self.allowance(judge) { low = min(low, v) }
        }
        low = max(0, low)
        let span = 100 - low
        let steps: [Double] = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100]
        let step = steps.first { span / $0 <= 5 } ?? 100
        return max(0, (low / step).rounded(.down) * step)
    }

    /// Whether a month is below the axis (drawn on its lower edge with its value).
    func isClipped(_ m: MonthFigure, floor lo: Double) -> Bool { Published.uptime(uptime(m)) < lo }

    /// The months drawn below the axis.
    var clipped: [MonthFigure] {
        let lo = floor
        return months.filter { isClipped($0, floor: lo) }
    }

    /// A box in the chart's user units, for keeping labels and markers apart.
    struct Box {
        var x0, y0, x1, y1: Double

        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }

        /// The box of a one-line label at baseline `y`, estimated from its characters.
        static func text(_ s: String, x: Double, y: Double, anchor: Anchor) -> Box {
            let w = UptimeChart.textWidth(s)
            let x0: Double
            switch anchor {
            case .start: x0 = x
            case .middle: x0 = x - w / 2
            case .end: x0 = x - w
            }
            return Box(x0: x0, y0: y - UptimeChart.fontSize, x1: x0 + w, y1: y + UptimeChart.fontSize * 0.3)
        }

        static func marker(_ cx: Double, _ cy: Double) -> Box { Box(x0: cx - 7, y0: cy - 7, x1: cx + 7, y1: cy + 7) }
    }

    enum Anchor: String { case start, middle, end }

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
        var objectiveText = objective.map { t(.chartObjective, ["objective": t.percent($0)]) } ?? t[.chartNoObjective]
        if runs.count > 1 {
            // Each objective with the months it judged.
            let list = runs.map { run in
                let o = run.objective.map(t.percent) ?? t[.changeNone]
                return t(.chartObjectiveRun, ["objective": o, "month": PageFormat.period(months[run.from].period, t)])
            }.joined(separator: t[.chartObjectiveRunSeparator])
            objectiveText = t(.chartObjective, ["objective": list])
        }
        var desc = t(
            .chartDescription,
            [
                "months": String(months.count), "objective": objectiveText,
                "missed": t.plural(missed, one: .chartMissedOne, other: .chartMissedOther),
            ])
        let below = months.filter { isClipped($0, floor: lo) }
        if !below.isEmpty {
            let list = below.map { t(.chartPoint, ["month": PageFormat.period($0.period, t), "uptime": t.uptime(uptime($0))]) }
            desc += " " + t(.chartClippedDescription, ["floor": t.percent(lo), "months": list.joined(separator: t[.listComma])])
        }

        // Every label placed so far, and every marker: a label that would overlap one is moved
        // or left out (the table under the chart has every figure).
        var placed: [Box] = months.indices.map { Box.marker(x($0), y(uptime(months[$0]))) }

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
        // Gridlines at 100 %, the floor and each objective; their labels, the objectives first,
        // wherever one fits beside those already on the axis.
        var ticks: [Double] = []
        let objectives: [Double] = runs.count > 1 ? runs.compactMap(\.objective).reversed() : objective.map { [$0] } ?? []
        for v in objectives + [100, lo] where v >= lo && v <= 100 && !ticks.contains(v) {
            ticks.append(v)
        }
        var axisLabels: [Box] = []
        for v in ticks {
            s.line("chart-grid", y: y(v))
            let label = t.percent(Published.uptime(v))
            let box = Box.text(label, x: Self.left - 6, y: y(v) + 4, anchor: .end)
            guard !axisLabels.contains(where: { $0.overlaps(box) }) else { continue }
            axisLabels.append(box)
            s.label("chart-axis", label, x: Self.left - 6, y: y(v) + 4, anchor: .end)
        }
        placed += axisLabels
        if runs.count > 1 {
            // The objective line steps where the terms in force changed (docs/spec.md §3 Terms in force).
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
            // Named above the plot, before a piece of its dashed line: never on a month's marker.
            let label = t(.chartObjectiveLabel, ["objective": t.percent(o)])
            let end = w - Self.right - 30
            let box = Box.text(label, x: end, y: Self.top - 12, anchor: .end)
            s.put("<line class=\"chart-objective\" x1=\"")
            s.num(end + 6)
            s.put("\" x2=\"")
            s.num(w - Self.right)
            s.put("\" y1=\"")
            s.num(Self.top - 16)
            s.put("\" y2=\"")
            s.num(Self.top - 16)
            s.put("\"/>")
            s.label("chart-objective-label", label, x: end, y: Self.top - 12, anchor: .end)
            placed.append(box)
        }
        // Month labels: at most about 12 along the axis, always the latest; one that would
        // touch its neighbour is left out.
        let every = max(1, Int((Double(months.count) / 12).rounded(.up)))
        var shown = months.indices.filter { $0 % every == 0 }
        if let last = months.indices.last, shown.last != last {
            if let before = shown.last, last - before < every { shown.removeLast() }
            shown.append(last)
        }
        var monthBoxes: [Box] = [], yearBoxes: [Box] = []
        for i in shown {
            let m = months[i]
            let text = PageFormat.shortPeriod(m.period, t)
            let box = Box.text(text, x: x(i), y: h - Self.bottom + 18, anchor: .middle)
            guard !monthBoxes.contains(where: { $0.overlaps(box) }) else { continue }
            monthBoxes.append(box)
            s.label("chart-axis", text, x: x(i), y: h - Self.bottom + 18, anchor: .middle)
            // The year goes on a second line where it starts, so neighbouring labels never collide.
            // (A year's label is its year already.)
            if m.period.kind != .year
                && (i == 0 || m.month.month == 1 || !shown.contains(where: { $0 < i && months[$0].month.year == m.month.year }))
            {
                let year = String(m.month.year)
                let yearBox = Box.text(year, x: x(i), y: h - Self.bottom + 33, anchor: .middle)
                guard !yearBoxes.contains(where: { $0.overlaps(yearBox) }) else { continue }
                yearBoxes.append(yearBox)
                s.label("chart-axis", year, x: x(i), y: h - Self.bottom + 33, anchor: .middle)
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
        let plotArea = Box(x0: Self.left, y0: Self.top, x1: w - Self.right, y1: h - Self.bottom)
        for (i, m) in months.enumerated() {
            let cx = x(i), cy = y(uptime(m))
            let state = !m.final ? "current" : (m.met == false ? "missed" : "met")
            let clip = isClipped(m, floor: lo)
            let point: StringID = state == "current" ? .chartPointSoFar : state == "missed" ? .chartPointMissed : m.met == true ? .chartPointMet : .chartPoint
            let label = t(point, ["month": PageFormat.period(m.period, t), "uptime": t.uptime(uptime(m))])
            s.put("<g class=\"chart-point chart-")
            s.put(state)
            if clip { s.put(" chart-clipped") }
            s.put("\"><title>")
            s.text(label)
            s.put("</title>")
            if clip {
                // Below the axis: a triangle pointing down on its lower edge, with the value.
                s.put("<path d=\"M")
                s.num(cx - 6)
                s.put(" ")
                s.num(cy - 5)
                s.put("L")
                s.num(cx + 6)
                s.put(" ")
                s.num(cy - 5)
                s.put("L")
                s.num(cx)
                s.put(" ")
                s.num(cy + 6)
                s.put("Z\"/>")
                s.mark("chart-clipped-label", t.uptime(uptime(m)), cx: cx, cy: cy, below: false, area: plotArea, placed: &placed)
            } else if state == "missed" {
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
                s.put("Z\"/>")
                s.mark("chart-miss-label", t[.chartMissedMark], cx: cx, cy: cy, below: true, area: plotArea, placed: &placed)
            } else if state == "current" {
                s.circle(cx, cy, r: "4.5")
            } else {
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

    /// A text element.
    mutating func label(_ cls: String, _ text: String, x: Double, y: Double, anchor: UptimeChart.Anchor) {
        put("<text class=\"")
        put(cls)
        put("\" x=\"")
        num(x)
        put("\" y=\"")
        num(y)
        put("\" text-anchor=\"")
        put(anchor.rawValue)
        put("\">")
        self.text(text)
        put("</text>")
    }

    /// A marker's label, under it (or over it) where it fits, else over (or under) it, else
    /// nowhere: the marker's `<title>` and the table still give it.
    mutating func mark(
        _ cls: String, _ text: String, cx: Double, cy: Double, below: Bool, area a: UptimeChart.Box,
        placed: inout [UptimeChart.Box]
    ) {
        let under = cy + 20, over = cy - 11
        for baseline in below ? [under, over] : [over, under] {
            let box = UptimeChart.Box.text(text, x: cx, y: baseline, anchor: .middle)
            let inside = box.x0 >= a.x0 && box.x1 <= a.x1 && box.y0 >= a.y0 && box.y1 <= a.y1
            if inside && !placed.contains(where: { $0.overlaps(box) }) {
                placed.append(box)
                label(cls, text, x: cx, y: baseline, anchor: .middle)
                return
            }
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
