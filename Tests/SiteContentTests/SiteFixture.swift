import SiteContent
import SiteRender

/// A small valid site as in-memory files; tests replace one file to provoke one problem.
struct SiteFixture {
    var files: [String: String] = [
        "site.yaml": """
            title: Example SLAs
            provider: Example Inc.
            base_url: https://sla.example.com/
            timezone: UTC
            defaults:
              credit_cap: 50

            """,
        "content/terms.md": "---\ntitle: General terms\n---\n# Terms\n",
        "content/services/api.md": """
            ---
            title: API
            summary: The public API.
            measurement: Synthetic probes every minute.
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
            uptime: 99.9
            credits:
              - {below: 99.9, credit: 10}
            services:
              api: {}
              db:
                uptime: 99.95
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
    ]

    subscript(path: String) -> String? {
        get { files[path] }
        set { files[path] = newValue }
    }

    var sourceFiles: [SourceFile] {
        files.keys.sorted().map { SourceFile(path: $0, text: files[$0]!) }
    }

    func parse() -> ParsedSite { SiteParser.parse(sourceFiles, options: .standard()) }

    /// Diagnostics as the command line prints them.
    func messages() -> [String] { parse().diagnostics.map(\.description) }
}
