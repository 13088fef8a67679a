import SLACore
import Yams

/// An id named inside a file, kept with its position for cross-reference checks.
struct Reference {
    enum Kind: String { case service, plan }
    var kind: Kind
    var id: String
    var file: String
    var line: Int
    var column: Int
    /// What refers to it, e.g. "incident" or "plan".
    var context: String
}

/// Decodes front-matter files one at a time; cross-references are checked later by `SiteParser`.
enum ContentDecoders {
    static let serviceKeys = ["title", "summary", "measurement", "order", "exclusions", "defaults", "parts", "combine"]
    static let planKeys = ["title", "summary", "order", "price", "effective", "revisions", "services"]
    static let incidentKeys = ["title", "services", "impact", "start", "end", "plans", "weight", "updates", "imported", "example"]
    static let termsKeys = ["title", "summary"]

    /// Splits front matter and composes its YAML; nil after reporting when that fails.
    static func open(_ text: String, file: String, sink: DiagnosticSink) -> (Node, YAMLSource, String)? {
        switch FrontMatter.split(text, file: file) {
        case let .failure(d):
            sink.items.append(d)
            return nil
        case let .success(fm):
            let source = YAMLSource(file: file, lineOffset: fm.yamlLine - 1, sink: sink)
            guard let node = source.compose(fm.yaml) else { return nil }
            return (node, source, fm.body)
        }
    }

    static func terms(_ text: String, file: String, sink: DiagnosticSink) -> TermsPage? {
        guard let (node, source, body) = open(text, file: file, sink: sink) else { return nil }
        let r = MappingReader(node, in: source, what: "terms", allowed: termsKeys)
        guard let title = r.string("title", required: "terms") else { return nil }
        return TermsPage(title: title, body: body)
    }

    static func service(
        _ text: String, id: String, file: String, terms grammar: TermGrammar, sink: DiagnosticSink, refs: inout [Reference]
    ) -> Service? {
        guard let (node, source, body) = open(text, file: file, sink: sink) else { return nil }
        let before = sink.items.errors.count
        let r = MappingReader(node, in: source, what: "service", allowed: serviceKeys)
        guard r.isMapping else { return nil }
        let title = r.string("title", required: "service")
        let summary = r.string("summary", required: "service")
        let measurement = r.string("measurement", required: "service")
        let order = r.integer("order", in: -1_000_000...1_000_000, rangeText: "a whole number")
        let exclusions = r.stringList("exclusions")?.map(\.0) ?? []
        var defaults = SLATerms()
        if let d = r.value("defaults") {
            let dr = MappingReader(d, in: source, what: "service defaults", allowed: grammar.keys)
            if dr.isMapping { defaults = grammar.decode(dr) }
        }
        // docs/spec.md §2 `parts` and `combine`: the ids are checked against the site (and for cycles)
        // by `SiteParser`, at the positions recorded here.
        var parts: [String] = []
        for (part, node) in r.stringList("parts") ?? [] {
            let p = source.position(node)
            if parts.contains(part) {
                source.error(node, "part \"\(part)\" is listed twice")
                continue
            }
            parts.append(part)
            refs.append(Reference(kind: .service, id: part, file: file, line: p.line, column: p.column, context: "parts"))
        }
        if let v = r.value("parts"), case let .sequence(seq) = v, seq.isEmpty {
            source.error(v, "parts must list at least one service: a composite is made of other services")
        }
        var combine = CombineRule.any
        if let v = r.value("combine") {
            let names = CombineRule.allCases.map(\.rawValue)
            if case let .scalar(s) = v, let rule = CombineRule(rawValue: s.string.trimmingSpaces()) {
                combine = rule
            } else {
                source.error(
                    v, "combine must be \(names.joined(separator: " or ")), got \(MappingReader.describe(v))",
                    hint: Suggestion.hint(for: v.scalar?.string ?? "", in: names))
            }
            if r.value("parts") == nil {
                source.error(
                    v, "combine has no effect without parts: it says how a composite's parts make its Downtime",
                    hint: "add parts: [<service ids>] or remove combine")
            }
        }
        guard sink.items.errors.count == before, let title, let summary, let measurement else { return nil }
        return Service(
            id: id, title: title, summary: summary, measurement: measurement, order: order, exclusions: exclusions,
            defaults: defaults, body: body, parts: parts, combine: combine)
    }

    static func plan(
        _ text: String, id: String, file: String, terms grammar: TermGrammar, sink: DiagnosticSink, refs: inout [Reference]
    ) -> Plan? {
        guard let (node, source, body) = open(text, file: file, sink: sink) else { return nil }
        let before = sink.items.errors.count
        let r = MappingReader(node, in: source, what: "plan", allowed: planKeys + grammar.keys)
        guard r.isMapping else { return nil }
        let title = r.string("title", required: "plan")
        let summary = r.string("summary", required: "plan")
        let order = r.integer("order", in: -1_000_000...1_000_000, rangeText: "a whole number")
        var price: String?
        if let p = r.value("price") {
            if case let .scalar(s) = p { price = s.string } else { source.error(p, "price must be text, got \(MappingReader.describe(p))") }
        }
        let effective = r.date("effective", dateOnly: true)?.0
        var revisions: [Revision] = []
        // Each revision's `effective` node (or the entry's), for warnings about its versions.
        var revisionNodes: [Node] = []
        if let node = r.value("revisions") {
            if case let .sequence(seq) = node {
                for item in seq {
                    let rr = MappingReader(
                        item, in: source, what: "revision", allowed: ["date", "note", "effective", "services"] + grammar.keys)
                    guard rr.isMapping else { continue }
                    let date = rr.date("date", required: "revision", dateOnly: true)?.0
                    let note = rr.string("note", required: "revision")
                    // docs/spec.md §2 Versions: the terms it amends from `effective` (default: its date) on.
                    let effective = rr.date("effective", dateOnly: true)?.0
                    let amended = grammar.decode(rr)
                    var changed: [RevisionService] = []
                    if let node = rr.value("services") {
                        if case let .mapping(m) = node {
                            for (id, v) in serviceEntries(m, file: file, source: source, context: "revision", refs: &refs) {
                                if MappingReader.isNull(v) {
                                    changed.append(RevisionService(id: id, terms: nil))
                                } else if case .mapping(let inner) = v, inner.count == 0 {
                                    changed.append(RevisionService(id: id, terms: SLATerms()))
                                } else {
                                    let sr = MappingReader(v, in: source, what: "terms of service \"\(id)\"", allowed: grammar.keys)
                                    if sr.isMapping { changed.append(RevisionService(id: id, terms: grammar.decode(sr))) }
                                }
                            }
                        } else {
                            source.error(
                                node, "services must be a mapping from service id to its terms (or null to drop it), got \(MappingReader.describe(node))")
                        }
                    }
                    if let date, let note {
                        revisions.append(
                            Revision(date: date, note: note, effective: effective, terms: amended, services: changed))
                        revisionNodes.append(rr.value("effective") ?? item)
                    }
                }
            } else {
                source.error(node, "revisions must be a list of {date, note}, got \(MappingReader.describe(node))")
            }
        }
        let terms = grammar.decode(r)
        var services: [PlanService] = []
        if let node = r.requireValue("services", what: "plan") {
            if case let .mapping(m) = node {
                for (id, v) in serviceEntries(m, file: file, source: source, context: "plan", refs: &refs) {
                    var own = SLATerms()
                    if !MappingReader.isNull(v) {
                        let sr = MappingReader(v, in: source, what: "terms of service \"\(id)\"", allowed: grammar.keys)
                        if sr.isMapping { own = grammar.decode(sr) }
                    }
                    services.append(PlanService(id: id, terms: own))
                }
            } else {
                source.error(node, "services must be a mapping from service id to its terms in this plan, got \(MappingReader.describe(node))")
            }
        }
        if services.isEmpty && r.has("services") {
            source.warning(r.value("services"), "this plan covers no services, so it promises nothing")
        }
        // Revisions apply oldest first (by date; the order written among one day's).
        let byDate = revisions.indices.sorted { (revisions[$0].date.dateString, $0) < (revisions[$1].date.dateString, $1) }
        revisions = byDate.map { revisions[$0] }
        revisionNodes = byDate.map { revisionNodes[$0] }
        checkVersions(revisions, nodes: revisionNodes, effective: effective, terms: terms, services: services, source: source)
        guard sink.items.errors.count == before, let title, let summary else { return nil }
        return Plan(
            id: id, title: title, summary: summary, order: order, price: price, effective: effective,
            revisions: revisions, terms: terms, services: services, body: body)
    }

    static func incident(
        _ text: String, id: String, file: String, calendar: SiteCalendar, sink: DiagnosticSink,
        refs: inout [Reference]
    ) -> Incident? {
        guard let (node, source, body) = open(text, file: file, sink: sink) else { return nil }
        let before = sink.items.errors.count
        let r = MappingReader(node, in: source, what: "incident", allowed: incidentKeys)
        guard r.isMapping else { return nil }
        let title = r.string("title", required: "incident")
        var services: [String] = []
        if let node = r.requireValue("services", what: "incident") {
            if let list = r.stringList("services") {
                for (sid, n) in list {
                    let p = source.position(n)
                    refs.append(Reference(kind: .service, id: sid, file: file, line: p.line, column: p.column, context: "incident"))
                    services.append(sid)
                }
                if list.isEmpty { source.error(node, "services must name at least one service") }
            }
        }
        var impact: Impact?
        if let node = r.requireValue("impact", what: "incident") {
            if case let .scalar(s) = node, let i = Impact(rawValue: s.string.trimmingSpaces()) {
                impact = i
            } else {
                let raw = node.scalar?.string ?? ""
                source.error(
                    node, "impact must be one of major, partial, degraded or maintenance, got \(MappingReader.describe(node))",
                    hint: Suggestion.hint(for: raw, in: Impact.allCases.map(\.rawValue)))
            }
        }
        let startTime = r.date("start", required: "incident").map {
            WrittenTime($0.0, node: $0.1, key: "start", calendar: calendar, source: source)
        }
        let endTime = r.date("end").map { WrittenTime($0.0, node: $0.1, key: "end", calendar: calendar, source: source) }
        let start = startTime?.instant
        let end = endTime?.instant
        if let startTime, let endTime, endTime.instant < startTime.instant {
            // Issue 26 point 8: both as written, in the zone they were written in.
            source.error(endTime.node, "end \(endTime.shown) is before start \(startTime.shown)")
        }
        var plans: [String]?
        if let list = r.stringList("plans") {
            plans = []
            for (pid, n) in list {
                let p = source.position(n)
                refs.append(Reference(kind: .plan, id: pid, file: file, line: p.line, column: p.column, context: "incident"))
                plans?.append(pid)
            }
            if list.isEmpty {
                source.warning(r.value("plans"), "plans is empty, so this incident counts against no plan; leave the key out to mean every plan")
            }
        }
        // docs/spec.md §2: the incident's own weight wins over impact_weights at every level.
        let weight = r.number("weight", in: 0...1, rangeText: "a weight between 0 and 1 (0.5 counts half of each minute)")
        let updates = r.value("updates").map { incidentUpdates($0, impact: impact, end: end, calendar: calendar, source: source) } ?? []
        // docs/content.md: the mark of an importer; validated, not part of the figures.
        if let node = r.value("imported") { _ = ImportMarker.decode(node, source: source) }
        // Issue 26 point 13: the example `slasite new site` writes is not published unnoticed.
        if r.bool("example") == true {
            source.warning(
                r.pairs.first { $0.key == "example" }?.keyNode,
                "this is the example incident that slasite new site wrote: make it a real incident and delete this line, or delete the file")
        }
        guard sink.items.errors.count == before, let title, let impact, let start else { return nil }
        return Incident(
            id: id, title: title, services: services, impact: impact, start: start, end: end, plans: plans, weight: weight,
            updates: updates, body: body)
    }

    static let updateKeys = ["at", "status", "note"]

    /// docs/spec.md §2 `updates`: a list of `{at, status, note}` in time order, with the statuses of the
    /// incident's kind (maintenance has its own) and nothing after a `resolved` (`completed`) one.
    static func incidentUpdates(
        _ node: Node, impact: Impact?, end: Instant?, calendar: SiteCalendar, source: YAMLSource
    ) -> [IncidentUpdate] {
        guard case let .sequence(seq) = node else {
            source.error(node, "updates must be a list of {at, status, note}, got \(MappingReader.describe(node))")
            return []
        }
        let allowed = impact.map(IncidentStatus.allowed(for:)) ?? IncidentStatus.allCases
        let kind = impact == .maintenance ? "a maintenance window" : "an incident"
        var updates: [IncidentUpdate] = []
        var final: (IncidentUpdate, WrittenTime, Node)?
        var last: (IncidentUpdate, WrittenTime)?
        for item in seq {
            let ur = MappingReader(item, in: source, what: "update", allowed: updateKeys)
            guard ur.isMapping else { continue }
            let at = ur.date("at", required: "update")
            var status: IncidentStatus?
            if let sn = ur.requireValue("status", what: "update") {
                let raw = sn.scalar?.string.trimmingSpaces() ?? ""
                if case .scalar = sn, let s = IncidentStatus(rawValue: raw), allowed.contains(s) {
                    status = s
                } else {
                    let names = allowed.map(\.rawValue)
                    let list = names.dropLast().joined(separator: ", ") + " or " + names.last!
                    source.error(
                        sn, "status of \(kind) update must be one of \(list), got \(MappingReader.describe(sn))",
                        hint: Suggestion.hint(for: raw, in: names))
                }
            }
            let note = ur.string("note") ?? ""
            guard let (local, atNode) = at, let status else { continue }
            if local.isDateOnly {
                source.error(atNode, "at must be an ISO 8601 date and time like 2026-03-14T09:30:00Z, got \(MappingReader.describe(atNode))")
                continue
            }
            let written = WrittenTime(local, node: atNode, key: "at", calendar: calendar, source: source)
            let update = IncidentUpdate(at: written.instant, status: status, note: note)
            if let (done, doneAt, _) = final {
                source.error(
                    item, "an update after the \(done.status.rawValue) one (\(doneAt.shown)): \(done.status.rawValue) must be the last update")
                continue
            }
            if let (previous, previousAt) = last, update.at < previous.at {
                source.error(
                    atNode, "updates must be in time order, oldest first: this one (\(written.shown)) is before the one above it (\(previousAt.shown))")
                continue
            }
            if status.isFinal { final = (update, written, item) }
            updates.append(update)
            last = (update, written)
        }
        if let (done, doneAt, doneNode) = final, end == nil {
            source.warning(
                doneNode, "this \(done.status.rawValue) update has no end: the incident counts as open until it has one",
                hint: "set end: \(doneAt.text)")
        }
        return updates
    }

    /// The entries of a `services` map, each key checked as a plain name and recorded as a
    /// reference to a service (checked once every file is read).
    static func serviceEntries(
        _ m: Node.Mapping, file: String, source: YAMLSource, context: String, refs: inout [Reference]
    ) -> [(id: String, value: Node)] {
        var out: [(id: String, value: Node)] = []
        for (k, v) in m {
            guard case let .scalar(ks) = k else {
                source.error(k, "a service id must be a plain name")
                continue
            }
            let p = source.position(k)
            refs.append(Reference(kind: .service, id: ks.string, file: file, line: p.line, column: p.column, context: context))
            out.append((ks.string, v))
        }
        return out
    }

    /// docs/spec.md §2 Versions, checked where the plan is written: a change of terms effective before
    /// the plan's own terms is an error; one that takes effect after a month's first day, or
    /// that changes nothing in force, is a warning.
    static func checkVersions(
        _ revisions: [Revision], nodes: [Node], effective: LocalDateTime?, terms: SLATerms, services: [PlanService],
        source: YAMLSource
    ) {
        let first = effective.map(CalendarDay.init) ?? CalendarDay(year: 1, month: 1, day: 1)
        let plan = Plan(id: "", title: "", effective: effective, revisions: revisions, terms: terms, services: services)
        let versions = plan.versions(first: first)
        for (revision, node) in zip(revisions, nodes) where revision.changesTerms {
            let day = revision.effectiveDay
            if let effective, day < CalendarDay(effective) {
                source.error(
                    node,
                    "this change takes effect on \(day), before the plan's own terms (effective \(CalendarDay(effective))): record it in the front matter instead")
                continue
            }
            if day.day != 1 {
                source.warning(
                    node, "takes effect from \(day.yearMonth.next) (the first whole month): months are judged by the terms in force on their first day")
            }
            if let k = Plan.versionIndex(of: revision, in: versions), k > 0,
                versions[k].terms == versions[k - 1].terms && versions[k].services == versions[k - 1].services
            {
                source.warning(node, "this revision changes no term in force: its terms are already the plan's")
            }
        }
    }

    /// Decodes `measurements.csv`: header `service,month,uptime`, one row per service and month.
    static func measurements(_ text: String, file: String, sink: DiagnosticSink) -> ([MeasuredUptime], [Reference]) {
        var rows: [MeasuredUptime] = []
        var refs: [Reference] = []
        var seen: [String: Int] = [:]
        var lineNo = 0
        var sawHeader = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = rawLine.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            if !sawHeader {
                sawHeader = true
                if fields != ["service", "month", "uptime"] {
                    sink.error(file, lineNo, 1, "the header must be \"service,month,uptime\", got \"\(line)\"")
                    return ([], [])
                }
                continue
            }
            guard fields.count == 3 else {
                sink.error(file, lineNo, 1, "expected 3 fields (service,month,uptime), got \(fields.count)")
                continue
            }
            let columns = columnsOf(rawLine)
            let service = fields[0]
            guard let month = YearMonth(parsing: fields[1]) else {
                sink.error(file, lineNo, columns[1], "month must be like 2026-10, got \"\(fields[1])\"")
                continue
            }
            guard let uptime = MappingReader.parseNumber(fields[2]), (0...100).contains(uptime) else {
                sink.error(file, lineNo, columns[2], "uptime must be a number between 0 and 100, got \"\(fields[2])\"")
                continue
            }
            let key = "\(service) \(month)"
            if let first = seen[key] {
                sink.error(file, lineNo, 1, "a second row for \(service) in \(month) (the first is on line \(first))")
                continue
            }
            seen[key] = lineNo
            refs.append(Reference(kind: .service, id: service, file: file, line: lineNo, column: columns[0], context: "measurement"))
            rows.append(MeasuredUptime(service: service, month: month, uptime: uptime))
        }
        if !sawHeader && !text.isEmpty { sink.warning(file, 1, 1, "measurements.csv has no header and no rows") }
        return (rows, refs)
    }

    /// 1-based columns (in scalars) at which each comma-separated field's text starts.
    private static func columnsOf(_ line: Substring) -> [Int] {
        var columns: [Int] = []
        var column = 1
        var fieldStart = true
        for ch in line.unicodeScalars {
            if fieldStart && ch != " " {
                columns.append(column)
                fieldStart = false
            }
            if ch == "," {
                if fieldStart { columns.append(column) }
                fieldStart = true
            }
            column += 1
        }
        if fieldStart { columns.append(column) }
        while columns.count < 3 { columns.append(1) }
        return columns
    }
}
