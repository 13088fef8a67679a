import SLACore

/// What a version of a plan changed from the one before, in words, computed from the resolved
/// terms of both (never from the revision's note): the plan page's revision list and the
/// revision feed items read it.
enum VersionChanges {
    /// One line per change: "Nimbus DNS: objective 99.9 % → 99.95 %", "Nimbus Compute: credit
    /// below 99 %: 25 % → 30 %", "Managed Database added", service by service in the new
    /// version's order, dropped services last.
    static func lines(from old: VersionTerms, to new: VersionTerms, title: (String) -> String) -> [String] {
        var out: [String] = []
        let before = Dictionary(old.services.map { ($0.serviceID, $0.terms) }, uniquingKeysWith: { a, _ in a })
        let after = Set(new.services.map(\.serviceID))
        // Changes of the services in both versions; one that every such service shares is
        // said once, for every service.
        let kept = new.services.filter { before[$0.serviceID] != nil }
        let changes = kept.map { termLines(from: before[$0.serviceID]!, to: $0.terms) }
        let shared = kept.count > 1 ? changes.dropFirst().reduce(Set(changes.first ?? [])) { $0.intersection($1) } : []
        for line in changes.first ?? [] where shared.contains(line) { out.append("Every service: \(line)") }
        var k = 0
        for service in new.services {
            let name = title(service.serviceID)
            guard before[service.serviceID] != nil else {
                out.append("\(name) added" + (service.terms.uptime.map { " (objective \(PageFormat.percent($0)))" } ?? ""))
                continue
            }
            out += changes[k].filter { !shared.contains($0) }.map { "\(name): \($0)" }
            k += 1
        }
        for service in old.services where !after.contains(service.serviceID) {
            out.append("\(title(service.serviceID)) dropped from the plan")
        }
        return out
    }

    /// The terms that differ, each as "what: old → new".
    static func termLines(from a: ResolvedTerms, to b: ResolvedTerms) -> [String] {
        var out: [String] = []
        func percent(_ x: Double?) -> String { x.map(PageFormat.percent) ?? "none" }
        if a.uptime != b.uptime {
            out.append("objective \(a.uptime.map(PageFormat.percent) ?? "no commitment") → \(b.uptime.map(PageFormat.percent) ?? "no commitment")")
        }
        // Credit tiers by threshold, highest first (as the credit tables list them).
        let oldTiers = Dictionary(a.credits.map { ($0.below, $0.credit) }, uniquingKeysWith: max)
        let newTiers = Dictionary(b.credits.map { ($0.below, $0.credit) }, uniquingKeysWith: max)
        for below in Set(oldTiers.keys).union(newTiers.keys).sorted(by: >) where oldTiers[below] != newTiers[below] {
            out.append("credit below \(PageFormat.percent(below)): \(percent(oldTiers[below])) → \(percent(newTiers[below]))")
        }
        if a.creditCap != b.creditCap {
            out.append("credit cap \(PageFormat.percent(a.creditCap)) → \(PageFormat.percent(b.creditCap))")
        }
        if a.claimWindowDays != b.claimWindowDays || a.claimWindowMonths != b.claimWindowMonths {
            out.append("claim window \(claimWindow(a)) → \(claimWindow(b))")
        }
        for impact in Impact.allCases where a.impactWeights[impact] != b.impactWeights[impact] {
            out.append(
                "\(impact.rawValue) incidents count \(PageFormat.percent(a.impactWeights[impact] * 100)) → \(PageFormat.percent(b.impactWeights[impact] * 100)) of each minute")
        }
        if a.excludeMaintenance != b.excludeMaintenance {
            out.append(b.excludeMaintenance ? "scheduled maintenance no longer counts as downtime" : "scheduled maintenance now counts as downtime")
        }
        if a.terminationConsecutiveMisses != b.terminationConsecutiveMisses {
            func text(_ n: Int?) -> String { n.map { "after \($0) missed month\($0 == 1 ? "" : "s") in a row" } ?? "none" }
            out.append("termination right \(text(a.terminationConsecutiveMisses)) → \(text(b.terminationConsecutiveMisses))")
        }
        if a.support?.hours != b.support?.hours {
            out.append("support hours \(PageFormat.hours(a.support?.hours) ?? "not stated") → \(PageFormat.hours(b.support?.hours) ?? "not stated")")
        }
        let oldResponse = Dictionary((a.support?.response ?? []).map { ($0.severity, $0.time.text) }, uniquingKeysWith: { x, _ in x })
        let newResponse = (b.support?.response ?? []).map { ($0.severity, $0.time.text) }
        for (severity, time) in newResponse where oldResponse[severity] != time {
            out.append("\(severity) response \(oldResponse[severity] ?? "none") → \(time)")
        }
        let newSeverities = Set(newResponse.map(\.0))
        for (severity, time) in (a.support?.response ?? []).map({ ($0.severity, $0.time.text) }) where !newSeverities.contains(severity) {
            out.append("\(severity) response \(time) → none")
        }
        if a.downtime != b.downtime {
            out.append("Downtime measured \(downtimeRule(a.downtime)) → \(downtimeRule(b.downtime))")
        }
        return out
    }

    /// A Downtime rule in a few words: "by incidents", "by the mean error rate of 5-minute
    /// intervals", "by 1-minute intervals above 5 % errors (at least 100 requests, runs of 5)".
    static func downtimeRule(_ rule: DowntimeRule) -> String {
        guard let r = rule.sampleRule else { return "by incidents" }
        let minimum = r.minRequests > 1 ? "at least \(r.minRequests) requests" : nil
        switch r.method {
        case .errorRate:
            return "by the mean error rate of \(r.interval)-minute intervals" + (minimum.map { " (\($0))" } ?? "")
        case .badIntervals:
            let details = [minimum, r.minConsecutive > 1 ? "runs of \(r.minConsecutive)" : nil].compactMap { $0 }
            return "by \(r.interval)-minute intervals above \(PageFormat.percent(r.errorRateAbove)) errors"
                + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        }
    }

    static func claimWindow(_ t: ResolvedTerms) -> String {
        if let d = t.claimWindowDays { return "\(d) day\(d == 1 ? "" : "s") after the month" }
        if let m = t.claimWindowMonths { return "end of the \(ordinal(m)) month after" }
        return "not stated"
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}

extension VersionChanges {
    /// What one term-changing revision did: the changes of the version it started, the day it
    /// takes effect, and where that version stands at *now*.
    struct Revised: Hashable, Sendable {
        var lines: [String]
        var effective: CalendarDay
        var standing: VersionTerms.Standing
    }

    /// Per revision of a plan, in `plan.revisions` order: what it changed (nil for a note).
    /// The k-th term-changing revision started version k.
    static func revisions(
        _ plan: Plan, versions: [VersionTerms], current: Int, title: (String) -> String
    ) -> [Revised?] {
        let effectives = versions.map(\.effective)
        return plan.revisions.map { revision in
            // The version named by its effective day (revisions of one day share it).
            guard revision.changesTerms, let k = Plan.versionIndex(of: revision, effectives: effectives) else { return nil }
            return Revised(
                lines: k > 0 ? lines(from: versions[k - 1], to: versions[k], title: title) : [],
                effective: versions[k].effective, standing: VersionTerms.Standing(version: k, current: current))
        }
    }

    /// "Takes effect on 15 August 2026 (from September 2026, the first whole month)", or the
    /// day alone when it is a month's first.
    static func effectiveText(_ day: CalendarDay) -> String {
        let date = PageFormat.day(day)
        guard day.day != 1 else { return date }
        let next = day.yearMonth.next
        return "\(date) (months from \(PageFormat.month(next)), the first whole month)"
    }
}
