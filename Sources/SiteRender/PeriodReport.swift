import SLACore

/// `slasite report` (docs/spec.md §5): the judged periods of a site — plan, service, period and its
/// figures — as CSV or JSON, read from the same figures as the pages and sla.json (each period
/// described by its own figure: its objective, version, credit and deadline).
public struct PeriodReport: Sendable {
    /// The columns, in order: the CSV header and the JSON keys.
    public static let columns = [
        "plan", "service", "period", "from", "to", "objective", "version", "uptime", "downtime_minutes",
        "budget_minutes", "met", "credit", "claim_by", "final", "source", "termination_right",
    ]

    /// One row's values, by column; nil is an empty CSV field and JSON null.
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    public var rows: [[Value]]

    /// What to report.
    public struct Filter: Sendable {
        public var plan: String?
        public var service: String?
        /// Periods with a day on or after `from` and on or before `to` (either may be open).
        public var from: CalendarDay?
        public var to: CalendarDay?

        public init(plan: String? = nil, service: String? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil) {
            self.plan = plan
            self.service = service
            self.from = from
            self.to = to
        }
    }

    /// Every judged period of the site that `filter` lets through, plan by plan (site order),
    /// service by service, oldest first. A period without data (before `status_since`) is not
    /// judged and not reported.
    public init(figures: SiteFigures, filter: Filter = Filter()) {
        var rows: [[Value]] = []
        for levels in figures.plans {
            for level in levels {
                if let plan = filter.plan, level.planID != plan { continue }
                if let service = filter.service, level.serviceID != service { continue }
                for p in level.periods where p.hasData {
                    let first = CalendarDay(year: p.month.year, month: p.month.month, day: 1)
                    if let from = filter.from, p.period.to < from { continue }
                    if let to = filter.to, to < first { continue }
                    rows.append(Self.row(p, level: level, first: first))
                }
            }
        }
        self.rows = rows
    }

    /// A period's row, with sla.json's rounding (docs/spec.md §3: uptime to 3 decimals, minutes to 1).
    static func row(_ p: MonthFigure, level: ServiceLevel, first: CalendarDay) -> [Value] {
        func number(_ x: Double?) -> Value { x.map { .number($0) } ?? .null }
        return [
            .text(level.planID), .text(level.serviceID), .text(p.period.description), .text(first.description),
            .text(p.period.to.description), number(p.objective), .text(p.version.description),
            number(p.uptime.map(Published.uptime)), number(p.downtimeMinutes.map(Published.minutes)),
            number(p.budgetMinutes.map(Published.minutes)), p.met.map(Value.bool) ?? .null, .number(p.credit),
            p.claimBy.map { .text($0.description) } ?? .null, .bool(p.final), .text(p.source.rawValue),
            .bool(p.terminationRight),
        ]
    }

    /// RFC 4180: a header row, CRLF line ends, fields with a comma, quote, CR or LF quoted (a
    /// quote doubled). Numbers in their shortest form, as sla.json writes them.
    public var csv: String {
        var out = Self.columns.joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ v: Value) -> String {
        let text: String
        switch v {
        case .text(let s): text = s
        case .number(let x): text = Published.text(x)
        case .bool(let b): text = b ? "true" : "false"
        case .null: return ""
        }
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        var quoted = "\""
        for c in text {
            if c == "\"" { quoted += "\"" }
            quoted.append(c)
        }
        return quoted + "\""
    }

    /// A JSON array of one object per row, keyed by `columns` (the same values as the CSV).
    public var json: [UInt8] {
        let array = JSONValue.array(rows.map { row in
            .object(zip(Self.columns, row).map { key, value in
                switch value {
                case .text(let s): (key, .string(s))
                case .number(let x): (key, .number(x))
                case .bool(let b): (key, .bool(b))
                case .null: (key, .null)
                }
            })
        })
        return array.bytes()
    }
}
