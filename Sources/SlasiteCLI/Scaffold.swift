import SLACore

/// Commented templates for `slasite new`; every field of docs/spec.md §2 is shown with its default.
enum Scaffold {
    static let site = """
        # slasite configuration. Every field: docs/content.md
        title: Example Cloud service level agreements
        provider: Example Cloud Inc.          # the party that gives the promises
        base_url: https://sla.example.com/    # absolute URL the site is published at
        timezone: UTC                         # IANA zone in which months are counted
        # theme: default                      # folder under themes/ overriding the built-in theme
        contact:                              # points of contact and escalation path, in order
          - {role: Support, name: Support desk, email: support@example.com}
          - {role: Escalation, name: Service delivery manager, url: https://example.com/escalation}
        # impact_weights: {major: 1.0, partial: 0.3, degraded: 0.0, maintenance: 1.0}
        defaults:                             # SLA terms every plan inherits
          credit_cap: 100                     # maximum credit in a month, percent of the fee
          claim_window_days: 30               # days after month end to claim a credit
          # exclude_maintenance: true         # scheduled maintenance is not downtime
        # markdown: {unsafe: false}           # true passes raw HTML in Markdown through

        """

    static let terms = """
        ---
        title: General terms
        ---
        ## Definitions

        - **Monthly Uptime Percentage**: minutes in the month minus downtime, divided by minutes in the month.
        - **Downtime**: minutes in which the service is unavailable as measured by the provider.
        - **Service Credit**: a percentage of the monthly fee credited to the customer.

        ## Claiming a service credit

        1. Open a support ticket within the claim window after the month ends.
        2. Name the service, the month and the affected resources.

        ## Exclusions

        The SLA does not apply to scheduled maintenance announced in advance, or to problems
        caused by the customer's own systems.

        """

    static func service(id: String) -> String {
        """
        ---
        title: \(id.capitalized)              # the service's name
        summary: One sentence on what the service is.
        measurement: How unavailability is detected, e.g. synthetic probes every minute from three regions.
        order: 1                               # position in lists (then by id)
        exclusions:                            # service-specific exclusions
          - Features marked as preview
        # defaults:                            # SLA terms this service brings to every plan
        #   support: {hours: 24x7}
        ---
        The full details of the service: what is covered and how it is measured.

        """
    }

    static func plan(id: String, service: String) -> String {
        """
        ---
        title: \(id.capitalized)
        summary: One sentence on who the plan is for.
        order: 1
        price: "$49 / month"
        # effective: 2026-01-01               # date these terms apply from (months are counted from it)
        revisions: []                          # e.g. - {date: 2026-06-01, note: Raised the objective to 99.95 %}
        uptime: 99.9                           # monthly uptime objective, percent
        credits:                               # credit tiers: percent of the monthly fee below an uptime
          - {below: 99.9, credit: 10}
          - {below: 99.0, credit: 25}
        credit_cap: 50                         # at most this percent of the fee in a month
        claim_window_days: 30
        exclude_maintenance: true
        # termination: {consecutive_misses: 3}
        support:
          hours: 24x7                          # or business
          response: {critical: 1h, high: 4h, normal: 1 business day}
        services:                              # service id → its terms in this plan ({} inherits)
          \(service): {}
        ---
        The plan's full terms.

        """
    }

    /// - Parameter example: the example `new site` writes: marked so that `check` warns (and
    ///   `check --strict` fails) until the author edits it into a real incident (issue 26 point 13).
    static func incident(service: String, start: Instant, calendar: SiteCalendar, resolved: Bool, example: Bool = false) -> String {
        let local = calendar.localDateTime(of: start)
        let offset = local.utcOffset ?? 0
        let sign = offset < 0 ? "-" : "+"
        let oh = abs(offset) / 3600
        let om = abs(offset) % 3600 / 60
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let stamp = "\(local.dateString)T\(p(local.hour)):\(p(local.minute)):00\(sign)\(p(oh)):\(p(om))"
        let endLine = resolved ? "end: \(stamp)                   # same as start: no downtime" : "# end: \(stamp)               # leave out while the incident is open"
        let head =
            example
            ? "title: \"Example incident: elevated error rates\"\nexample: true                          # delete this line once the incident is real (check warns until then), or delete the file\n"
            : "title: Elevated error rates\n"
        return """
            ---
            \(head)services: [\(service)]                  # affected service ids
            impact: major                          # major, partial, degraded or maintenance
            start: \(stamp)
            \(endLine)
            # plans: []                            # only these plans (default: every plan covering the services)
            updates:                               # the timeline, oldest first; add one as you post it
              - at: \(stamp)
                status: investigating              # investigating, identified, monitoring or resolved
                note: We are investigating elevated error rates.
            ---
            ## Summary

            What happened, who was affected, and what we are doing about it.

            """
    }
}
