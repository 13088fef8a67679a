import SLACore

/// `/sla.json` (SPEC §4): everything machine-readable, read from the computed figures.
public enum SLAJSON {
    public static func document(site: Site, figures: SiteFigures, urls: SiteURLs) -> JSONValue {
        let calendar = SiteCalendar(timeZone: site.config.timeZone)
        let plans: [JSONValue] = zip(site.plans, figures.plans).map { plan, levels in
            .object([
                ("id", .string(plan.id)),
                ("title", .string(plan.title)),
                ("summary", .string(plan.summary)),
                ("url", .string(urls.absolute(urls.plan(plan.id)))),
                ("price", .optional(plan.price)),
                ("effective", .optional(plan.effective?.dateString)),
                ("revisions", .array(plan.revisions.map { .object([("date", .string($0.date.dateString)), ("note", .string($0.note))]) })),
                ("services", .array(levels.map { level in service(level, site: site, urls: urls) })),
            ])
        }
        let incidents: [JSONValue] = site.incidents.map { incident in
            .object([
                ("id", .string(incident.id)),
                ("title", .string(incident.title)),
                ("url", .string(urls.absolute(urls.incident(incident.id)))),
                ("impact", .string(incident.impact.rawValue)),
                ("services", .array(incident.services.map(JSONValue.string))),
                ("plans", incident.plans.map { .array($0.map(JSONValue.string)) } ?? .null),
                ("start", .string(incident.start.rfc3339)),
                ("end", .optional(incident.end?.rfc3339)),
                ("ongoing", .bool(incident.end.map { $0 > figures.now } ?? true && incident.start <= figures.now)),
            ])
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

    static func service(_ level: ServiceLevel, site: Site, urls: SiteURLs) -> JSONValue {
        let terms = level.terms
        let title = site.service(level.serviceID)?.title ?? level.serviceID
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
            ("months", .array(level.months.map(month))),
        ])
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
