import SLACore

/// An inline SVG chart of monthly uptime against the objective (SPEC §4 details page).
/// Met and missed months differ by marker shape and a text label, not colour alone; every text
/// from content is escaped here because the SVG is inserted unescaped.
struct UptimeChart {
    let months: [MonthFigure]
    let objective: Double?
    /// Plain title such as "Monthly uptime of Nimbus Compute, Business plan".
    let title: String
    /// Unique per page, for `aria-labelledby`.
    let idPrefix: String

    static let width = 720.0
    static let height = 260.0
    static let left = 64.0
    static let right = 16.0
    static let top = 28.0
    static let bottom = 44.0

    /// The lower edge of the y axis: below both the worst month and the objective, on a round step.
    var floor: Double {
        let worst = months.map { Published.uptime($0.uptime) }.min() ?? 100
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
        let f = { (v: Double) in PageFormat.fixed(v) }

        let missed = months.filter { $0.final && $0.met == false }.count
        let objectiveText = objective.map { "objective \(PageFormat.percent($0))" } ?? "no uptime objective"
        let desc = "\(months.count) months of uptime, \(objectiveText); \(missed) final month\(missed == 1 ? "" : "s") missed the objective."
            + " Circles mark months that met it, triangles months that missed it, hollow circles the month in progress."

        var s = "<svg class=\"chart\" viewBox=\"0 0 \(f(w)) \(f(h))\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(idPrefix)-title\">\(Escape.html(title))</title>"
        s += "<desc id=\"\(idPrefix)-desc\">\(Escape.html(desc))</desc>"
        // Axes and gridlines at 100 %, the floor, and the objective.
        var ticks = [100.0, lo]
        if let o = objective, o > lo, o < 100 { ticks.append(o) }
        for t in ticks {
            s += "<line class=\"chart-grid\" x1=\"\(f(Self.left))\" x2=\"\(f(w - Self.right))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\"/>"
            s += "<text class=\"chart-axis\" x=\"\(f(Self.left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\">\(Escape.html(PageFormat.percent(Published.uptime(t))))</text>"
        }
        if let o = objective {
            s += "<line class=\"chart-objective\" x1=\"\(f(Self.left))\" x2=\"\(f(w - Self.right))\" y1=\"\(f(y(o)))\" y2=\"\(f(y(o)))\"/>"
            s += "<text class=\"chart-objective-label\" x=\"\(f(w - Self.right))\" y=\"\(f(y(o) - 5))\" text-anchor=\"end\">objective \(Escape.html(PageFormat.percent(o)))</text>"
        }
        // Month labels: at most about 12 along the axis.
        let every = max(1, Int((Double(months.count) / 12).rounded(.up)))
        for (i, m) in months.enumerated() where i % every == 0 || i == months.count - 1 {
            s += "<text class=\"chart-axis\" x=\"\(f(x(i)))\" y=\"\(f(h - Self.bottom + 18))\" text-anchor=\"middle\">\(PageFormat.shortMonth(m.month))</text>"
            // The year goes on a second line where it starts, so neighbouring labels never collide.
            if i == 0 || m.month.month == 1 {
                s += "<text class=\"chart-axis\" x=\"\(f(x(i)))\" y=\"\(f(h - Self.bottom + 33))\" text-anchor=\"middle\">\(m.month.year)</text>"
            }
        }
        // A line through the months, then a marker per month.
        if months.count > 1 {
            let points = months.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element.uptime)))" }.joined(separator: " ")
            s += "<polyline class=\"chart-line\" points=\"\(points)\"/>"
        }
        for (i, m) in months.enumerated() {
            let cx = x(i), cy = y(m.uptime)
            let state = !m.final ? "current" : (m.met == false ? "missed" : "met")
            let label = "\(PageFormat.month(m.month)): \(PageFormat.uptime(m.uptime))"
                + (state == "current" ? ", so far" : state == "missed" ? ", missed" : m.met == true ? ", met" : "")
            s += "<g class=\"chart-point chart-\(state)\"><title>\(Escape.html(label))</title>"
            switch state {
            case "missed":
                s += "<path d=\"M\(f(cx)) \(f(cy - 6))L\(f(cx + 6)) \(f(cy + 5))L\(f(cx - 6)) \(f(cy + 5))Z\"/>"
                s += "<text class=\"chart-miss-label\" x=\"\(f(cx))\" y=\"\(f(cy + 18 > h - Self.bottom ? cy - 10 : cy + 18))\" text-anchor=\"middle\">missed</text>"
            case "current":
                s += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"4.5\"/>"
            default:
                s += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"4\"/>"
            }
            s += "</g>"
        }
        s += "</svg>"
        return s
    }
}

/// HTML text escaping for markup built in Swift (the SVG chart); templates escape with `{{ }}`.
/// HTML text and attribute escaping (`& < > " '`), shared by the templates, the chart and the
/// preview overlay.
public enum Escape {
    public static func html(_ s: String) -> String { FastHTMLContentType.escape(s) }
}
