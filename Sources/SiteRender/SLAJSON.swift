import Foundation
import SLACore

/// `/sla.json` (SPEC §4): everything machine-readable, read from the computed figures.
public enum SLAJSON {
    /// - Parameter cache: serialized services kept between builds (preview), keyed by their figures.
    /// - Parameter levelDigests: a digest of each plan × service's figures, when the caller has them.
    public static func document(
        site: Site, figures: SiteFigures, urls: SiteURLs, cache: FragmentCache? = nil, levelDigests: [[Int]]? = nil,
        incidentDigests: [Int]? = nil, sharedInputsKey: Int = 0
    ) -> JSONValue {
        let calendar = SiteCalendar(timeZone: site.config.timeZone)
        let titles = Dictionary(site.services.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let plans: [JSONValue] = zip(site.plans, figures.plans).enumerated().map { p, pair in
            let (plan, levels) = pair
            return JSONValue.object([
                ("id", .string(plan.id)),
                ("title", .string(plan.title)),
                ("summary", .string(plan.summary)),
                ("url", .string(urls.absolute(urls.plan(plan.id)))),
                ("price", .optional(plan.price)),
                ("effective", .optional(plan.effective?.dateString)),
                ("revisions", .array(plan.revisions.map { .object([("date", .string($0.date.dateString)), ("note", .string($0.note))]) })),
                ("services", .array(levels.enumerated().map { s, level in
                    cachedService(level, digest: levelDigests?[p][s], title: titles[level.serviceID], urls: urls, cache: cache)
                })),
            ])
        }
        let digests = incidentDigests.flatMap { $0.count == site.incidents.count ? $0 : nil }
        let incidents: [JSONValue] = site.incidents.enumerated().map { k, incident in
            let ongoing = incident.end.map { $0 > figures.now } ?? true && incident.start <= figures.now
            guard let cache else { return self.incident(incident, ongoing: ongoing, urls: urls) }
            // Preview: an incident's object (nesting level 2: root, incidents) is kept under a
            // digest of its source file and the shared inputs it is read with, else of its fields.
            var h = Hasher()
            h.combine("sla.json incident")
            h.combine(urls.baseURL)
            h.combine(ongoing)
            if let digests {
                h.combine(sharedInputsKey)
                h.combine(digests[k])
            } else {
                h.combine(incident.id)
                h.combine(incident.title)
                h.combine(incident.impact)
                h.combine(incident.services)
                h.combine(incident.plans)
                h.combine(incident.start)
                h.combine(incident.end)
            }
            return .raw(cache.bytes(h.finalize()) { self.incident(incident, ongoing: ongoing, urls: urls).fragment(level: 2) })
        }
        return .object([
            ("generated_at", .string(figures.now.rfc3339)),
            ("base_url", .string(site.config.baseURL)),
            ("title", .string(site.config.title)),
            ("provider", .string(site.config.provider)),
            ("timezone", .string(calendar.timeZone.identifier)),
            ("current_month", .string(figures.currentMonth.description)),
            ("plans", .array(plans)),
            ("incidents", .array(incidents)),
        ])
    }

    static func incident(_ incident: Incident, ongoing: Bool, urls: SiteURLs) -> JSONValue {
        .object([
            ("id", .string(incident.id)),
            ("title", .string(incident.title)),
            ("url", .string(urls.absolute(urls.incident(incident.id)))),
            ("impact", .string(incident.impact.rawValue)),
            ("services", .array(incident.services.map(JSONValue.string))),
            ("plans", incident.plans.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("start", .string(incident.start.rfc3339)),
            ("end", .optional(incident.end?.rfc3339)),
            ("ongoing", .bool(ongoing)),
        ])
    }

    /// A service object, reused from `cache` when its level and title are unchanged. Services sit at
    /// nesting level 4 of the document (root, plans, plan, services).
    static func cachedService(_ level: ServiceLevel, digest: Int?, title: String?, urls: SiteURLs, cache: FragmentCache?) -> JSONValue {
        guard let cache else { return service(level, title: title, urls: urls) }
        var h = Hasher()
        if let digest { h.combine(digest) } else { h.combine(level) }
        h.combine(title)
        h.combine(urls.baseURL)
        let key = h.finalize()
        if let hit = cache.fragment(key) { return .raw(hit) }
        let bytes = service(level, title: title, urls: urls).fragment(level: 4)
        cache.store(key, bytes)
        return .raw(bytes)
    }

    static func service(_ level: ServiceLevel, title: String?, urls: SiteURLs) -> JSONValue {
        let terms = level.terms
        let title = title ?? level.serviceID
        var support: JSONValue = .null
        if let s = terms.support {
            support = .object([
                ("hours", .optional(s.hours?.rawValue)),
                ("response", .object(s.response.map { ($0.severity, .string($0.time.text)) })),
            ])
        }
        return .object([
            ("id", .string(level.serviceID)),
            ("title", .string(title)),
            ("url", .string(urls.absolute(urls.details(plan: level.planID, service: level.serviceID)))),
            ("uptime", .optional(terms.uptime)),
            ("budget_minutes_per_month", .optional(level.budgetMinutesPerMonth.map(Published.minutes))),
            ("credits", .array(terms.tiersByThreshold.map { .object([("below", .number($0.below)), ("credit", .number($0.credit))]) })),
            ("credit_cap", .number(terms.creditCap)),
            ("claim_window_days", terms.claimWindowDays.map { .number(Double($0)) } ?? .null),
            ("exclude_maintenance", .bool(terms.excludeMaintenance)),
            ("termination", terms.terminationConsecutiveMisses.map { .object([("consecutive_misses", .number(Double($0)))]) } ?? .null),
            ("support", support),
            ("months", .array(level.months.map { .raw(monthLine($0)) })),
        ])
    }

    /// `month(m)` as its one line of JSON, written directly (a large site has hundreds of
    /// thousands of months; `SLAJSONTests` checks both forms agree).
    static func monthLine(_ m: MonthFigure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(320)
        func text(_ s: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }
        func number(_ x: Double?) {
            if let x, x.isFinite { out.append(contentsOf: Published.text(x).utf8) } else { text("null") }
        }
        func bool(_ b: Bool?) {
            if let b { b ? text("true") : text("false") } else { text("null") }
        }
        text("{\"month\": ")
        JSONValue.writeString(m.month.description, into: &out)
        text(", \"uptime\": ")
        number(Published.uptime(m.uptime))
        text(", \"downtime_minutes\": ")
        number(Published.minutes(m.downtimeMinutes))
        text(", \"met\": ")
        bool(m.met)
        text(", \"credit\": ")
        number(m.credit)
        text(", \"final\": ")
        bool(m.final)
        text(", \"budget_minutes\": ")
        number(m.budgetMinutes.map(Published.minutes))
        text(", \"budget_left_minutes\": ")
        number(m.budgetLeftMinutes.map(Published.minutes))
        text(", \"termination_right\": ")
        bool(m.terminationRight)
        text(", \"measured\": ")
        bool(m.measured)
        text(", \"minutes\": ")
        number(Published.minutes(m.minutes))
        text(", \"elapsed_minutes\": ")
        number(Published.minutes(m.elapsedMinutes))
        text("}")
        return out
    }

    static func month(_ m: MonthFigure) -> JSONValue {
        .object([
            ("month", .string(m.month.description)),
            ("uptime", .number(Published.uptime(m.uptime))),
            ("downtime_minutes", .number(Published.minutes(m.downtimeMinutes))),
            ("met", .optional(m.met)),
            ("credit", .number(m.credit)),
            ("final", .bool(m.final)),
            ("budget_minutes", .optional(m.budgetMinutes.map(Published.minutes))),
            ("budget_left_minutes", .optional(m.budgetLeftMinutes.map(Published.minutes))),
            ("termination_right", .bool(m.terminationRight)),
            ("measured", .bool(m.measured)),
            ("minutes", .number(Published.minutes(m.minutes))),
            ("elapsed_minutes", .number(Published.minutes(m.elapsedMinutes))),
        ])
    }
}

/// Serialized pieces of the previous build (preview): sla.json services, maintenance.ics, the
/// sitemap and badges, each under a digest of everything it is made from, plus the compiled theme.
/// Entries no build has used since the one before are dropped, so the cache stays the size of
/// one site.
public final class FragmentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int: (generation: Int, bytes: [UInt8])] = [:]
    private var generation = 0
    private var theme: (key: Int, theme: PageTheme)?
    private var sizes: [String: Int] = [:]
    private var fileEntries: [Int: (generation: Int, files: [OutputFile])] = [:]

    public init() {}

    /// The size of output `path` in the previous build, to reserve its buffer at once.
    func size(of path: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return sizes[path] ?? 0
    }

    func record(size: Int, of path: String) {
        lock.lock()
        sizes[path] = size
        lock.unlock()
    }

    func fragment(_ key: Int) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[key] else { return nil }
        entries[key] = (generation, e.bytes)
        return e.bytes
    }

    func store(_ key: Int, _ bytes: [UInt8]) {
        lock.lock()
        entries[key] = (generation, bytes)
        lock.unlock()
    }

    /// The bytes under `key`, made by `make` when missing.
    func bytes(_ key: Int, make: () throws -> [UInt8]) rethrows -> [UInt8] {
        if let hit = fragment(key) { return hit }
        let bytes = try make()
        store(key, bytes)
        return bytes
    }

    /// Whole files under `key`, made by `make` when missing (kept with the fragments).
    func files(_ key: Int, make: () throws -> [OutputFile]) rethrows -> [OutputFile] {
        lock.lock()
        if let e = fileEntries[key] {
            fileEntries[key] = (generation, e.files)
            lock.unlock()
            return e.files
        }
        lock.unlock()
        let made = try make()
        lock.lock()
        fileEntries[key] = (generation, made)
        lock.unlock()
        return made
    }

    /// The compiled theme of the previous build when `key` is unchanged.
    func theme(_ key: Int, make: () throws -> PageTheme) rethrows -> PageTheme {
        lock.lock()
        if let t = theme, t.key == key {
            lock.unlock()
            return t.theme
        }
        lock.unlock()
        let made = try make()
        lock.lock()
        theme = (key, made)
        lock.unlock()
        return made
    }

    /// Called after each build: forgets what neither this build nor the previous one used.
    func endBuild() {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { $0.value.generation >= generation - 1 }
        fileEntries = fileEntries.filter { $0.value.generation >= generation - 1 }
        generation += 1
    }
}
