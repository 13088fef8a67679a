import SLACore

/// What a version of a plan changed from the one before, in words, computed from the resolved
/// terms of both (never from the revision's note): the plan page's revision list and the
/// revision feed items read it.
enum VersionChanges {
    /// One line per change: "Nimbus DNS: objective 99.9 % → 99.95 %", "Nimbus Compute: credit
    /// below 99 %: 25 % → 30 %", "Managed Database added", service by service in the new
    /// version's order, dropped services last.
    static func lines(from old: VersionTerms, to new: VersionTerms, title: (String) -> String, strings s: PageText) -> [String] {
        var out: [String] = []
        let before = Dictionary(old.services.map { ($0.serviceID, $0.terms) }, uniquingKeysWith: { a, _ in a })
        let after = Set(new.services.map(\.serviceID))
        // Changes of the services in both versions; one that every such service shares is
        // said once, for every service.
        let kept = new.services.filter { before[$0.serviceID] != nil }
        let changes = kept.map { termLines(from: before[$0.serviceID]!, to: $0.terms, s) }
        let shared = kept.count > 1 ? changes.dropFirst().reduce(Set(changes.first ?? [])) { $0.intersection($1) } : []
        for line in changes.first ?? [] where shared.contains(line) { out.append(s(.changeEveryService, ["change": line])) }
        var k = 0
        for service in new.services {
            let name = title(service.serviceID)
            guard before[service.serviceID] != nil else {
                out.append(
                    service.terms.uptime.map { s(.changeServiceAddedObjective, ["service": name, "objective": s.percent($0)]) }
                        ?? s(.changeServiceAdded, ["service": name]))
                continue
            }
            out += changes[k].filter { !shared.contains($0) }.map { s(.changeService, ["service": name, "change": $0]) }
            k += 1
        }
        for service in old.services where !after.contains(service.serviceID) {
            out.append(s(.changeServiceDropped, ["service": title(service.serviceID)]))
        }
        return out
    }

    /// The terms that differ, each as "what: old → new", term by term (`TermCatalog`).
    static func termLines(from a: ResolvedTerms, to b: ResolvedTerms, _ s: PageText) -> [String] {
        TermCatalog.all.flatMap { $0.changes(a, b, s) }
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
        _ plan: Plan, versions: [VersionTerms], current: Int, title: (String) -> String, strings: PageText
    ) -> [Revised?] {
        let effectives = versions.map(\.effective)
        return plan.revisions.map { revision in
            // The version named by its effective day (revisions of one day share it).
            guard revision.changesTerms, let k = Plan.versionIndex(of: revision, effectives: effectives) else { return nil }
            return Revised(
                lines: k > 0 ? lines(from: versions[k - 1], to: versions[k], title: title, strings: strings) : [],
                effective: versions[k].effective, standing: VersionTerms.Standing(version: k, current: current))
        }
    }

    /// "Takes effect on 15 August 2026 (from September 2026, the first whole month)", or the
    /// day alone when it is a month's first.
    static func effectiveText(_ day: CalendarDay, _ s: PageText) -> String {
        let date = s.day(day)
        guard day.day != 1 else { return date }
        return s(.effectiveMidMonth, ["date": date, "month": s.month(day.yearMonth.next)])
    }
}
