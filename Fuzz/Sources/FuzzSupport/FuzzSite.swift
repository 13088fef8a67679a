import BuildSupport
import SLACore
import SiteContent
import SiteRender

/// A small valid site as in-memory files. A fuzz input replaces one of them, chosen by its first byte.
public enum FuzzSite {
    /// The reference time of every run: a fixed *now*, so runs are reproducible.
    public static let now = Instant(seconds: 1_795_478_400)  // 2026-11-24T00:00:00Z

    /// Paths that the first input byte chooses between (byte % count).
    public static let slots = [
        "site.yaml",
        "content/plans/pro.md",
        "content/services/api.md",
        "content/status/incidents/outage.md",
        "content/terms.md",
        "content/status/measurements.csv",
        // A second incident, added beside the valid one (overlaps and open incidents).
        "content/status/incidents/extra.md",
    ]

    public static let base: [String: String] = [
        "site.yaml": """
            title: Example SLAs
            provider: Example Inc.
            base_url: https://sla.example.com/
            timezone: Europe/London
            contact:
              - {role: Support, name: Help desk, email: help@example.com}
            impact_weights: {major: 1.0, partial: 0.5}
            defaults:
              credit_cap: 50
              support:
                hours: 24x7
                response: {critical: 15m}

            """,
        "content/terms.md": "---\ntitle: General terms\n---\n# Terms\n",
        "content/services/api.md": """
            ---
            title: API
            summary: The public API.
            measurement: Synthetic probes every minute.
            exclusions: [Customer errors]
            ---
            Body.

            """,
        "content/services/db.md": """
            ---
            title: Database
            summary: Managed database.
            measurement: Probes.
            ---

            """,
        "content/plans/pro.md": """
            ---
            title: Pro
            summary: For production.
            effective: 2026-01-01
            revisions:
              - {date: 2026-01-01, note: First}
            uptime: 99.9
            credits:
              - {below: 99.9, credit: 10}
              - {below: 99.0, credit: 25}
            termination: {consecutive_misses: 3}
            services:
              api: {}
              db:
                uptime: 99.95
                support: {hours: business, response: {high: 1 business day}}
            ---
            Plan body.

            """,
        "content/status/incidents/outage.md": """
            ---
            title: Outage
            services: [api]
            impact: major
            start: 2026-10-03T10:00:00Z
            end: 2026-10-03T11:00:00Z
            ---
            Report.

            """,
        "content/status/measurements.csv": "service,month,uptime\napi,2026-09,99.5\ndb,2026-09,100\n",
    ]

    /// The site's files with `bytes` in place of (or beside) the file that `selector` picks.
    public static func files(selector: UInt8, bytes: [UInt8]) -> [SourceFile] {
        let path = slots[Int(selector) % slots.count]
        var files = base.map { SourceFile(path: $0.key, text: $0.value) }.filter { $0.path != path }
        files.append(SourceFile(path: path, bytes: bytes))
        return files.sorted { $0.path < $1.path }
    }

    /// Parses the site; when it is valid, computes every figure as a build would.
    /// - Parameter reuse: the preview's store; the fuzzer passes one so that only the replaced
    ///   file is decoded again on each input (the store is production code too).
    @discardableResult
    public static func run(selector: UInt8, bytes: [UInt8], reuse: (any Reusing)? = nil) -> ParsedSite {
        let parsed = SiteParser.parse(files(selector: selector, bytes: bytes), options: .standard(), reuse: reuse)
        if let site = parsed.site {
            let figures = SLAArithmetic.figures(for: site, now: now)
            // Touch the figures the pages publish, so rounding runs on every value.
            for levels in figures.plans {
                for level in levels {
                    _ = level.budgetMinutesPerMonth.map(Published.minutes)
                    for m in level.months {
                        _ = m.uptime.map(Published.uptime)
                        _ = m.downtimeMinutes.map(Published.minutes)
                        _ = m.budgetLeftMinutes.map(Published.minutes)
                        _ = Published.text(m.credit)
                    }
                }
            }
        }
        return parsed
    }
}
