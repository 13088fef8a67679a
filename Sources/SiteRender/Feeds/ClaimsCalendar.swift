import BuildSupport
import SLACore

/// `/claims.ics`: one all-day event per claim deadline (docs/spec.md §3 `claim_by`), so a customer can
/// subscribe and be reminded before a credit can no longer be claimed. Read off the computed
/// figures: a final month with a credit and a claim window.
enum ClaimsCalendar {
    static let path = "claims.ics"

    /// The calendar as UTF-8 bytes, CRLF line endings and lines folded at 75 octets (written as
    /// bytes: on a large site it has tens of thousands of events).
    static func bytes(_ context: RenderContext) -> [UInt8] {
        var pieces: [[UInt8]] = []
        write(context) { pieces.append($0) }
        // The preview's kept file comes as one piece: handed on as it is, not copied (tens of MB
        // on a large site, on every rebuild), so it still shares the kept storage.
        return pieces.count == 1 ? pieces[0] : Array(pieces.joined())
    }

    /// The calendar handed to `put` in pieces of about `piece` bytes (256 KB) as it is made: a one-off build
    /// writes them to the file as they come, so the file (tens of MB on a large site) is never
    /// whole in memory (issue 23). The pieces joined are `bytes(_:)`.
    static func write(_ context: RenderContext, pieces piece: Int = 1 << 18, to put: ([UInt8]) -> Void) {
        let config = context.site.config
        let host = MaintenanceCalendar.uidHost(baseURL: config.baseURL)
        let s = context.text
        let name = s(.claimsCalendarName, ["provider": config.provider])
        let lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//slasite//Claim deadlines//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:" + MaintenanceCalendar.escapeText(name),
            "X-WR-CALNAME:" + MaintenanceCalendar.escapeText(name),
            "X-WR-CALDESC:"
                + MaintenanceCalendar.escapeText(s(.claimsCalendarDescription, ["provider": config.provider])),
            "URL:" + context.urls.absolute(context.urls.inLanguage(path)),
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
        var out: [UInt8] = []
        for line in lines { MaintenanceCalendar.fold(line, into: &out) }
        if let reuse = context.reuse {
            // Plan and level by index (copying each plan for each of its levels retained all of its lists).
            let levels = context.figures.plans.indices.flatMap { p in context.figures.plans[p].indices.map { (p, $0) } }
            // The preview keeps each level's events under its figures (the table's scope: the
            // site's titles and URLs, and now), so an edit remakes only the levels it changed.
            reuse.scope(.claims, context.scope)
            let kept = ParallelWork.map(levels) { p, s in
                let level = context.figures.plans[p][s]
                return reuse.value(.claims, at: level.planID + "/" + level.serviceID, for: level) { () -> [UInt8] in
                    var bytes: [UInt8] = []
                    events(context.site.plans[p], level, host: host, context: context, into: &bytes)
                    return bytes
                }
            }
            // The whole file is kept too, under every piece it is joined from: when no level's
            // events changed (each compares in constant time, sharing its kept storage), the file
            // (tens of MB on a large site) is not joined and copied again.
            let head = out
            out = reuse.value(.claims, at: "claims.ics " + context.urls.inLanguage(path), for: [head] + kept) {
                var whole = head
                whole.reserveCapacity(head.count + kept.reduce(0) { $0 + $1.count } + 16)
                for bytes in kept { whole += bytes }
                MaintenanceCalendar.fold("END:VCALENDAR", into: &whole)
                return whole
            }
            put(out)
            return
        } else {
            // A full build writes the events straight into one buffer, handed on whenever it
            // holds a piece: a large site has tens of thousands of events.
            out.reserveCapacity(piece + piece / 4)
            for (p, levels) in context.figures.plans.enumerated() {
                for level in levels {
                    events(context.site.plans[p], level, host: host, context: context, into: &out)
                    if out.count >= piece {
                        put(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        MaintenanceCalendar.fold("END:VCALENDAR", into: &out)
        put(out)
    }

    /// Every claim deadline of one plan × service, oldest month first.
    static func events(_ plan: Plan, _ level: ServiceLevel, host: String, context: RenderContext, into bytes: inout [UInt8]) {
        // docs/spec.md §3 Periods: the judged periods carry the credits and deadlines.
        for m in level.periods {
            // A month with a claim deadline has a credit, so it has data.
            guard let day = m.claimBy, let uptime = m.uptime else { continue }
            for line in event(m, uptime: uptime, day: day, level: level, plan: plan, host: host, context: context) {
                MaintenanceCalendar.fold(line, into: &bytes)
            }
        }
    }

    /// One VEVENT. Its UID names plan, service and month, so it stays the same on every build;
    /// DTSTAMP is the month's end, a fixed instant (never the clock).
    static func event(
        _ m: MonthFigure, uptime: Double, day: CalendarDay, level: ServiceLevel, plan: Plan, host: String, context: RenderContext
    ) -> [String] {
        let url = context.urls.absolute(context.urls.details(plan: level.planID, service: level.serviceID))
        let service = context.service(level.serviceID)?.title ?? level.serviceID
        let s = context.text
        let month = PageFormat.period(m.period, s)
        let credit = s.percent(m.credit)
        // The objective that judged the month (docs/spec.md §3 Terms in force), not the one in force now.
        let objective = m.objective.map { s(.claimsEventObjective, ["objective": s.percent($0)]) } ?? ""
        let description =
            s(
                StringID.claimsEventDescription.forPeriod(m.period.kind),
                [
                    "uptime": s.uptime(uptime), "month": month, "objective": objective, "credit": credit,
                    "date": s.day(day),
                ]) + "\n" + s(.eventDetails, ["url": url])
        let next = day.adding(days: 1)
        return [
            "BEGIN:VEVENT",
            "UID:claim-\(level.planID)-\(level.serviceID)-\(m.period.description)@\(host)",
            "DTSTAMP:" + context.calendar.end(of: m.period.last).basicUTC,
            "DTSTART;VALUE=DATE:" + day.basic,
            "DTEND;VALUE=DATE:" + next.basic,
            "SUMMARY:"
                + MaintenanceCalendar.escapeText(
                    s(.claimsEventSummary, ["service": service, "plan": plan.title, "month": month, "credit": credit])),
            "DESCRIPTION:" + MaintenanceCalendar.escapeText(description),
            "URL:" + url,
            "CATEGORIES:SLA CREDIT CLAIM",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }
}
