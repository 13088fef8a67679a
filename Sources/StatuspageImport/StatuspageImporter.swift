import Foundation
import SLACore
import SiteContent
import SiteRender

/// Turns Statuspage API v2 exports into incident files (docs/spec.md §5 `slasite import statuspage`).
/// Pure: reads the request, returns the plan; the command line writes it.
public enum StatuspageImporter {
    static let folder = "content/status/incidents/"

    public static func plan(_ request: StatuspageImportRequest) -> StatuspageImportPlan {
        var plan = makePlan(request)
        plan.diagnostics = plan.diagnostics.sortedForDisplay
        return plan
    }

    static func makePlan(_ request: StatuspageImportRequest) -> StatuspageImportPlan {
        var plan = StatuspageImportPlan()
        guard let siteYAML = request.site.first(where: { $0.path == "site.yaml" }) else {
            plan.diagnostics.append(
                Diagnostic(.error, "site.yaml", 0, 0, "site.yaml is missing: run the import in a site folder (or give --source)"))
            return plan
        }
        let (config, configProblems) = SiteConfigDecoder.decode(siteYAML, options: .standard())
        let (settings, _) = ImportSettings.read(siteYAML)
        guard let config else {
            plan.diagnostics = configProblems.errors
            return plan
        }
        let calendar = config.calendar
        let serviceIDs = request.site.compactMap { f -> String? in
            if case let .service(id) = SourceKind.classify(f.path) { return id }
            return nil
        }.sorted()

        // 1. Read every export, all problems at once.
        var incidents: [StatuspageIncident] = []
        for export in request.exports {
            let (found, problems) = StatuspageExport.read(export.bytes, file: export.name)
            incidents += found
            plan.diagnostics += problems
        }
        incidents = latestOfEach(incidents)

        // 2. Components to services; an unmapped one is an error at its first place.
        let mapping = ComponentLookup(settings.statuspageComponents)
        var reported: Set<String> = []
        for incident in incidents {
            for ref in incident.components + incident.updates.flatMap(\.affected) where mapping.find(ref) == nil {
                let key = ref.id ?? ref.name ?? ""
                guard reported.insert(key).inserted else { continue }
                plan.diagnostics.append(unmapped(ref, keys: settings.statuspageComponents.map(\.component), services: serviceIDs))
            }
        }

        // 3. The files, each incident at the path it had (by its id) or a new one.
        var existingByID: [String: SourceFile] = [:]
        var existingPaths: [String: ImportMarker?] = [:]
        for file in request.site where file.path.hasPrefix(folder) {
            guard case .incident = SourceKind.classify(file.path) else { continue }
            let marker = ImportMarker.read(file)
            existingPaths[file.path] = .some(marker)
            if let marker, marker.from == "statuspage" {
                if let other = existingByID[marker.id] {
                    plan.diagnostics.append(
                        Diagnostic(
                            .error, file.path, 0, 0,
                            "this file and \(other.path) both say they hold Statuspage incident \(marker.id); delete one of them"))
                } else {
                    existingByID[marker.id] = file
                }
            }
        }
        var taken = Set(existingPaths.keys)
        let ordered = incidents.sorted { (StatuspageRules.start(of: $0), $0.id) < (StatuspageRules.start(of: $1), $1.id) }
        for incident in ordered {
            guard let file = incidentFile(incident, mapping: mapping, calendar: calendar, diagnostics: &plan.diagnostics) else { continue }
            if file.services.isEmpty {
                let reason =
                    incident.components.isEmpty && incident.updates.allSatisfy(\.affected.isEmpty)
                    ? "it names no component, so it affects no service"
                    : "its components are all left out (null in import.statuspage.components)"
                plan.entries.append(
                    .init(action: .skipped, statuspageID: incident.id, name: incident.name, path: nil, text: nil, reason: reason))
                continue
            }
            let text = file.text(calendar: calendar)
            if let existing = existingByID[incident.id] {
                let old = String(decoding: existing.bytes, as: UTF8.self)
                let action: StatuspageImportPlan.Action
                // Bytes, not `==` on strings (which equates canonically equivalent text).
                if existing.bytes.elementsEqual(text.utf8) {
                    action = .unchanged
                } else if ImportedIncidentFile.isUnedited(old, digest: ImportMarker.read(existing)?.digest) {
                    action = .changed
                } else {
                    action = .keptEdited
                }
                plan.entries.append(
                    .init(
                        action: action, statuspageID: incident.id, name: incident.name, path: existing.path,
                        text: action == .changed ? text : nil, reason: action == .keptEdited ? "edited since it was imported" : nil))
                continue
            }
            let base = ImportedIncidentFile.slug(
                name: incident.name, start: StatuspageRules.start(of: incident), calendar: calendar,
                fallback: incident.isMaintenance ? "maintenance" : "incident")
            let basePath = folder + base + ".md"
            if case .some(.none) = existingPaths[basePath] {
                // A hand-written file of the same name and day is most likely this incident.
                plan.entries.append(
                    .init(
                        action: .keptHandWritten, statuspageID: incident.id, name: incident.name, path: basePath, text: nil,
                        reason: "written by hand, so not replaced"))
                continue
            }
            var path = basePath
            var n = 2
            while taken.contains(path) {
                path = folder + base + "-\(n).md"
                n += 1
            }
            taken.insert(path)
            plan.entries.append(.init(action: .added, statuspageID: incident.id, name: incident.name, path: path, text: text, reason: nil))
        }
        guard plan.canWrite else {
            plan.entries = []
            return plan
        }
        for w in plan.writes { plan.made[w.path] = w.text }
        plan.diagnostics += validate(plan, site: request.site)
        if !plan.canWrite { plan.entries = [] }
        return plan
    }

    /// One incident per id: the latest by `updated_at` (else `created_at`); of equals, the last read.
    static func latestOfEach(_ incidents: [StatuspageIncident]) -> [StatuspageIncident] {
        var byID: [String: StatuspageIncident] = [:]
        for i in incidents {
            if let seen = byID[i.id], (seen.updatedAt ?? seen.createdAt) > (i.updatedAt ?? i.createdAt) { continue }
            byID[i.id] = i
        }
        return byID.keys.sorted().map { byID[$0]! }
    }

    static func unmapped(_ ref: StatuspageIncident.ComponentRef, keys: [String], services: [String]) -> Diagnostic {
        let named: String
        switch (ref.name, ref.id) {
        case let (name?, id?): named = "\"\(name)\" (id \(id))"
        case let (name?, nil): named = "\"\(name)\""
        case let (nil, id?): named = "with id \(id)"
        default: named = ""
        }
        let key = ref.name ?? ref.id ?? ""
        var hint = Suggestion.hint(for: key, in: keys + services)
        if hint == nil, let id = ref.id, ref.name != nil { hint = Suggestion.hint(for: id, in: keys) }
        return Diagnostic(
            .error, ref.place.file, ref.place.line, ref.place.column,
            "\(ref.place.path): component \(named) is not mapped to a service: add \(PlainText.yamlQuoted(key)): <service id> under import.statuspage.components in site.yaml (or null to leave it out)",
            hint: hint)
    }

    /// The file for one incident, or nil after reporting what makes one impossible.
    static func incidentFile(
        _ incident: StatuspageIncident, mapping: ComponentLookup, calendar: SiteCalendar, diagnostics: inout [Diagnostic]
    ) -> ImportedIncidentFile? {
        let refs = incident.components + incident.updates.flatMap(\.affected)
        var services: Set<String> = []
        for ref in refs {
            if case let .some(.some(service)) = mapping.find(ref) { services.insert(service) }
        }
        let counts: (StatuspageIncident.ComponentRef) -> Bool = { ref in
            if case .some(.some) = mapping.find(ref) { return true }
            return false
        }
        let start = StatuspageRules.start(of: incident)
        let end = StatuspageRules.end(of: incident)
        if let end, end < start {
            let p = incident.place
            diagnostics.append(
                Diagnostic(
                    .error, p.file, p.line, p.column,
                    "\(p.path): the incident ends (\(end.rfc3339)) before it starts (\(start.rfc3339)); check started_at, resolved_at, scheduled_for and scheduled_until"
                ))
            return nil
        }
        var updates: [ImportedIncidentFile.Update] = []
        var postmortems: [String] = []
        for u in incident.updates {
            let note = PlainText.markdown(u.body)
            guard let status = StatuspageRules.updateStatus(u.status, maintenance: incident.isMaintenance) else {
                if !note.isEmpty { postmortems.append(note) }
                continue
            }
            // docs/spec.md §2: the resolution is the last update. Statuspage takes updates after it (a
            // second "resolved", a reopened incident): each joins the resolution's note as a
            // paragraph headed by its time, so nothing is lost.
            if let last = updates.last, last.status == "resolved" || last.status == "completed" {
                let later = "Update at \(ImportedIncidentFile.stamp(u.at, calendar)) (\(u.status.replacing("_", with: " ")))\\\n" + note
                updates[updates.count - 1].note += (last.note.isEmpty ? "" : "\n\n") + later
                continue
            }
            updates.append(.init(at: u.at, status: status, note: note))
        }
        var body = ""
        if let pm = incident.postmortemBody.map(PlainText.markdown), !pm.isEmpty { postmortems = [pm] }
        if !postmortems.isEmpty { body = "## Postmortem\n\n" + postmortems.joined(separator: "\n\n") }
        return ImportedIncidentFile(
            title: incident.name, services: services.sorted(), impact: StatuspageRules.impact(of: incident, counts: counts),
            start: start, end: end, updates: updates, body: body, statuspageID: incident.id, shortlink: incident.shortlink)
    }

    /// The site as it would be after the import, read by the real decoder: every problem in a
    /// file the import writes (or in site.yaml) stops it.
    static func validate(_ plan: StatuspageImportPlan, site: [SourceFile]) -> [Diagnostic] {
        let writes = plan.writes
        let written = Set(writes.map(\.path))
        var files = site.filter { !written.contains($0.path) }
        files += writes.map { SourceFile(path: $0.path, text: $0.text) }
        let parsed = SiteParser.parse(files, options: .standard())
        return parsed.diagnostics.filter { $0.severity == .error && (written.contains($0.file) || $0.file == "site.yaml") }
    }
}
