import BuildSupport
import Dispatch
import Foundation
import SLACore

/// The result of reading a site: the model when it is valid, and every diagnostic found.
public struct ParsedSite: Sendable {
    public var site: Site?
    public var diagnostics: [Diagnostic]
}

/// Validates a site's source files into the model (docs/spec.md §1–2), collecting all diagnostics of the run.
public enum SiteParser {
    /// - Parameter files: every source file, paths relative to the source folder (see `SiteLoader`).
    ///   - reuse: the preview's store: a file whose input is unchanged is not decoded again.
    public static func parse(_ files: [SourceFile], options: ParseOptions, reuse: (any Reusing)? = nil) -> ParsedSite {
        let sink = DiagnosticSink()
        var config: SiteConfig?
        var jobs: [(SourceFile, SourceKind)] = []
        // Ids of every content file present, readable or not, so one bad file does not cascade.
        var serviceIDs: Set<String> = []
        var planIDs: Set<String> = []
        var sawTerms = false
        var configFile: SourceFile?
        var samplesFiles: [(id: String, file: SourceFile)] = []
        var configReferences: [Reference] = []
        var tiers: [WrittenTier] = []
        var i18nFiles: [(code: String, file: SourceFile)] = []
        for file in files {
            let kind = SourceKind.classify(file.path)
            switch kind {
            case let .i18n(code):
                i18nFiles.append((code, file))
                continue
            case let .samples(id):
                // Decoded by the loader as it read them (or here, from bytes given in memory).
                samplesFiles.append((id, file))
                continue
            case .other:
                if file.path.hasPrefix("content/") { warnUnknownFile(file.path, sink: sink) }
                continue
            case .theme: continue
            case .config: configFile = file
            case .translation: break
            case let .service(id): serviceIDs.insert(id)
            case let .plan(id): planIDs.insert(id)
            case .terms: sawTerms = true
            default: break
            }
            if kind != .config { jobs.append((file, kind)) }
        }
        if let configFile {
            let decoded = reuse.value(.parsed, at: configFile.path, for: ConfigInput(bytes: ByteKey(configFile.bytes), options: options)) {
                let local = DiagnosticSink()
                var config: SiteConfig?
                var refs: [Reference] = []
                switch SourceText.decode(configFile) {
                case let .failure(d): local.items.append(d)
                case let .success(text):
                    config = SiteConfigDecoder.decode(text, file: configFile.path, options: options, sink: local, refs: &refs)
                }
                return ConfigResult(config: config, diagnostics: local.items, references: refs, tiers: local.tiers)
            }
            config = decoded.config
            sink.items += decoded.diagnostics
            tiers += decoded.tiers
            configReferences = decoded.references
        } else {
            sink.error("site.yaml", 1, 1, "site.yaml is missing: every site needs one (title, provider, base_url)")
        }
        if !sawTerms { sink.error("content/terms.md", 1, 1, "content/terms.md is missing: the general terms page is required") }
        if var c = config {
            c.i18n = i18n(i18nFiles, languages: c.languages, vocabulary: options.strings, sink: sink, reuse: reuse)
            config = c
        }
        let calendar = config?.calendar ?? SiteCalendar(timeZone: TimeZone(identifier: "UTC")!)

        // Each file decodes on its own, in parallel; results go to per-file slots.
        @Sendable func decode(_ job: (SourceFile, SourceKind)) -> FileResult {
            let (file, kind) = job
            let local = DiagnosticSink()
            var result = FileResult()
            checkID(kind, file: file.path, sink: local)
            switch SourceText.decode(file) {
            case let .failure(d): local.items.append(d)
            case let .success(text):
                switch kind {
                case .terms: result.terms = ContentDecoders.terms(text, file: file.path, sink: local)
                case let .service(id):
                    result.service = ContentDecoders.service(
                        text, id: id, file: file.path, terms: options.terms, sink: local, refs: &result.references)
                case let .plan(id):
                    result.plan = ContentDecoders.plan(text, id: id, file: file.path, terms: options.terms, sink: local, refs: &result.references)
                case let .incident(id):
                    result.incident = ContentDecoders.incident(
                        text, id: id, file: file.path, calendar: calendar, sink: local, refs: &result.references)
                case let .translation(what, id, code):
                    let original = Self.originalPath(what, id: id)
                    if let t = ContentDecoders.translation(text, kind: what, file: file.path, original: original, terms: options.terms, sink: local) {
                        result.translation = (code, what, id, t.text, t.notes)
                    }
                case .measurements:
                    let (rows, refs) = ContentDecoders.measurements(text, file: file.path, sink: local)
                    result.measurements = rows
                    result.references = refs
                default: break
                }
            }
            result.diagnostics = local.items
            result.tiers = local.tiers
            return result
        }
        // On all cores. The preview keeps the results together under every file's complete
        // input (`KeptParts`): when one file changed, only it is decoded again.
        let found: [FileResult] = reuse.parts(
            .parsed, at: "content files", names: jobs.map(\.0.path),
            inputs: jobs.map { DecodeInput(bytes: ByteKey($0.0.bytes), calendar: calendar) }
        ) { todo in ParallelWork.map(todo.map { jobs[$0] }) { decode($0) } }

        var terms: TermsPage?
        var services: [Service] = []
        var plans: [Plan] = []
        var incidents: [Incident] = []
        var measurements: [MeasuredUptime] = []
        var references = configReferences
        var translations: [Translated] = []
        for (k, r) in found.enumerated() {
            if let t = r.translation { translations.append(Translated(code: t.code, kind: t.kind, id: t.id, text: t.text, file: jobs[k].0.path, notes: t.notes)) }
            sink.items += r.diagnostics
            if let t = r.terms { terms = t }
            if let s = r.service { services.append(s) }
            if let p = r.plan { plans.append(p) }
            if let i = r.incident { incidents.append(i) }
            measurements += r.measurements
            references += r.references
            tiers += r.tiers
        }
        checkReferences(
            references, serviceIDs: serviceIDs, planIDs: planIDs,
            plans: plans, incidents: incidents, services: services, sink: sink)
        checkParts(services, references: references, sink: sink)
        var samples: [String: SampleSeries] = [:]
        let sortedServices = serviceIDs.sorted()
        for (id, file) in samplesFiles {
            let decoded = file.samples ?? SamplesDecoder.decode(file.bytes, file: file.path)
            sink.items += decoded.diagnostics
            if !serviceIDs.contains(id) {
                sink.error(
                    file.path, 1, 1,
                    "unknown service \"\(id)\": a samples file is named by the service it measures, and there is no content/services/\(id).md",
                    hint: Suggestion.hint(for: id, in: sortedServices))
            }
            samples[id] = decoded.series
        }

        let diagnostics = sink.items.sortedForDisplay
        guard !diagnostics.hasErrors, let config, let terms else {
            return ParsedSite(site: nil, diagnostics: diagnostics)
        }
        services.sort { ($0.order ?? Int.max, $0.id) < ($1.order ?? Int.max, $1.id) }
        plans.sort { ($0.order ?? Int.max, $0.id) < ($1.order ?? Int.max, $1.id) }
        incidents.sort { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        measurements.sort { ($0.service, $0.month) < ($1.service, $1.month) }
        var site = Site(
            config: config, terms: terms, services: services, plans: plans, incidents: incidents,
            measurements: measurements, samples: samples)
        let translationProblems = attach(translations, to: &site)
        if translationProblems.hasErrors { return ParsedSite(site: nil, diagnostics: (diagnostics + translationProblems).sortedForDisplay) }
        // The terms as the figures resolve them, kept under the same slots (so the preview resolves
        // unchanged terms once, and every step shares them).
        // The warnings on terms read the site without its status data (and which services have
        // samples): kept under that, so an edit to an incident resolves no terms for them.
        let termInput = TermWarningsInput(site: site, tiers: tiers)
        let termWarnings = reuse.value(.parsed, at: "term warnings", for: termInput) { () -> [Diagnostic] in
            let site = termInput.site
            @Sendable func resolve(_ plan: Plan, _ version: PlanVersion, _ service: String) -> ResolvedTerms {
                let layers = site.termLayers(version: version, service: service)
                return reuse.value(.terms, at: TermLayers.slot(plan: plan, version: version, service: service), for: layers) { layers.resolved }
            }
            // Both checks read every plan × version × service's terms: resolved once, on all
            // cores, for this site (a one-off build resolved each twice, on one core; issue 23).
            var levels: [(plan: Plan, version: PlanVersion, service: String)] = []
            for plan in site.plans {
                for version in versions(of: plan) {
                    for entry in version.services { levels.append((plan, version, entry.id)) }
                }
            }
            let made = ParallelWork.map(levels) { resolve($0.plan, $0.version, $0.service) }
            let table = Dictionary(
                zip(levels.map { TermLayers.slot(plan: $0.plan, version: $0.version, service: $0.service) }, made),
                uniquingKeysWith: { first, _ in first })
            func resolved(_ plan: Plan, _ version: PlanVersion, _ service: String) -> ResolvedTerms {
                table[TermLayers.slot(plan: plan, version: version, service: service)] ?? resolve(plan, version, service)
            }
            return samplesWarnings(site, terms: resolved) + tierWarnings(site, tiers: termInput.tiers, terms: resolved)
        }
        let warnings = termWarnings + translationProblems + untranslatedWarnings(site)
        return ParsedSite(site: site, diagnostics: warnings.isEmpty ? diagnostics : (diagnostics + warnings).sortedForDisplay)
    }

    /// What the warnings on terms are made from: the site without incidents and measurements,
    /// with each samples file's service but not its rows, and where each credit tier is written.
    struct TermWarningsInput: Equatable, Sendable {
        let site: Site
        let tiers: [WrittenTier]

        init(site: Site, tiers: [WrittenTier]) {
            var bare = site
            bare.incidents = []
            bare.measurements = []
            bare.samples = site.samples.mapValues { _ in SampleSeries() }
            self.site = bare
            self.tiers = tiers
        }
    }

    struct FileResult: Sendable {
        var terms: TermsPage?
        var service: Service?
        var plan: Plan?
        var incident: Incident?
        var measurements: [MeasuredUptime] = []
        var references: [Reference] = []
        var diagnostics: [Diagnostic] = []
        var tiers: [WrittenTier] = []
        var translation: (code: String, kind: SourceKind.TranslatedKind, id: String, text: TextTranslation, notes: [(line: Int, column: Int)])?
    }

    /// Every version of `plan`, the first from its effective day (1970 without one): the versions
    /// the checks on terms read.
    static func versions(of plan: Plan) -> [PlanVersion] {
        plan.versions(first: plan.effective.map(CalendarDay.init) ?? CalendarDay(year: 1970, month: 1, day: 1))
    }

    /// A samples file that no plan reads, and a plan that measures by samples a service that has
    /// none (its months then count no Downtime), both in any version of any plan.
    static func samplesWarnings(_ site: Site, terms: (Plan, PlanVersion, String) -> ResolvedTerms) -> [Diagnostic] {
        var measured: [String: String] = [:]  // service → the first plan measuring it by samples
        let partsOf = Dictionary(site.services.map { ($0.id, $0.parts) }, uniquingKeysWith: { a, _ in a })
        var withIncidents: Set<String> = []  // measured by both sources (where first found)
        for plan in site.plans {
            for version in versions(of: plan) {
                // docs/spec.md §3 Composite services: a composite is measured by its parts (each by its
                // terms in the plan, listed or not), never by its own rule.
                var ids = version.services.map(\.id)
                var k = 0
                while k < ids.count {
                    for part in partsOf[ids[k]] ?? [] where !ids.contains(part) { ids.append(part) }
                    k += 1
                }
                for id in ids where measured[id] == nil && partsOf[id]?.isEmpty != false {
                    let rule = terms(plan, version, id).downtime
                    if rule.sampleRule != nil {
                        measured[id] = plan.id
                        if !rule.samplesOnly { withIncidents.insert(id) }
                    }
                }
            }
        }
        var out: [Diagnostic] = []
        for id in site.samples.keys.sorted() where measured[id] == nil {
            out.append(
                Diagnostic(
                    .warning, "content/status/samples/\(id).csv", 1, 1,
                    "no plan measures \(id) by request samples (downtime: {source: samples}), so this file is not read"))
        }
        for (id, plan) in measured.sorted(by: { $0.key < $1.key }) where site.samples[id] == nil {
            out.append(
                Diagnostic(
                    .warning, "content/plans/\(plan).md", 1, 1,
                    "plan \(plan) measures \(id) by request samples, but there is no content/status/samples/\(id).csv: every interval has no requests, so no Downtime"
                        + (withIncidents.contains(id) ? " from samples (its incidents still count)" : "")))
        }
        return out
    }

    /// docs/spec.md §1: file names are the ids, lowercase `a-z 0-9 -` only.
    private static func checkID(_ kind: SourceKind, file: String, sink: DiagnosticSink) {
        let id: String
        switch kind {
        case let .service(s), let .plan(s), let .incident(s): id = s
        case let .translation(_, s, _) where !s.isEmpty: id = s
        default: return
        }
        if !TermsDecoder.isID(id) {
            sink.error(
                file, 1, 1,
                "file name \"\(id)\" is not a valid id: use lowercase letters a-z, digits 0-9 and -, at most 100 characters")
        }
    }

    /// A file under content/ that the layout does not define is reported, so a misnamed folder or
    /// extension never silently drops a plan or an incident.
    private static func warnUnknownFile(_ path: String, sink: DiagnosticSink) {
        let folders = ["content/services/", "content/plans/", "content/status/incidents/", "content/status/samples/"]
        var hint: String?
        let dir = path.split(separator: "/").dropLast().joined(separator: "/") + "/"
        if let close = Suggestion.closest(to: dir, in: folders), close != dir {
            hint = "did you mean \"\(close)\"?"
        } else if dir == "content/status/samples/" {
            hint = "samples files are named <service>.csv"
        } else if folders.contains(dir) {
            hint = "content files end in .md"
        }
        sink.warning(path, 1, 1, "this file is not part of the site layout (docs/content.md, Layout) and is ignored", hint: hint)
    }

    private static func checkReferences(
        _ references: [Reference], serviceIDs: Set<String>, planIDs: Set<String>, plans: [Plan], incidents: [Incident],
        services: [Service], sink: DiagnosticSink
    ) {
        let sortedServices = serviceIDs.sorted()
        let sortedPlans = planIDs.sorted()
        for ref in references {
            switch ref.kind {
            case .service where !serviceIDs.contains(ref.id) && ref.context == "parts":
                sink.error(
                    ref.file, ref.line, ref.column,
                    "unknown part \"\(ref.id)\": a part is another service, and there is no content/services/\(ref.id).md",
                    hint: Suggestion.hint(for: ref.id, in: sortedServices))
            case .service where !serviceIDs.contains(ref.id):
                sink.error(
                    ref.file, ref.line, ref.column,
                    "unknown service \"\(ref.id)\": there is no content/services/\(ref.id).md",
                    hint: Suggestion.hint(for: ref.id, in: sortedServices))
            case .plan where !planIDs.contains(ref.id):
                sink.error(
                    ref.file, ref.line, ref.column, "unknown plan \"\(ref.id)\": there is no content/plans/\(ref.id).md",
                    hint: Suggestion.hint(for: ref.id, in: sortedPlans))
            default: break
            }
        }
        // An incident restricted to plans that cover none of its services counts nowhere.
        let planByID = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let partsOf = Dictionary(services.map { ($0.id, $0.parts) }, uniquingKeysWith: { a, _ in a })
        /// The services a plan's front matter covers, with its composites' parts (docs/spec.md §3:
        /// an incident that names a part counts toward the composite through it).
        func reached(_ plan: Plan) -> Set<String> {
            var out = Set(plan.services.map(\.id))
            var queue = Array(out)
            while let id = queue.popLast() {
                for part in partsOf[id] ?? [] where out.insert(part).inserted { queue.append(part) }
            }
            return out
        }
        var reachedOf: [String: Set<String>] = [:]
        for incident in incidents {
            guard let restricted = incident.plans else { continue }
            for pid in restricted {
                guard let plan = planByID[pid] else { continue }
                let covered = reachedOf[pid] ?? reached(plan)
                reachedOf[pid] = covered
                if !incident.services.contains(where: covered.contains) {
                    let ref = references.first { $0.kind == .plan && $0.id == pid && $0.context == "incident" && $0.file.hasSuffix("/\(incident.id).md") }
                    sink.warning(
                        ref?.file ?? "content/status/incidents/\(incident.id).md", ref?.line ?? 1, ref?.column ?? 1,
                        "plan \"\(pid)\" covers none of this incident's services, so it counts against nothing there")
                }
            }
        }
    }
}

/// What decoding site.yaml reads: its bytes and the command line's overrides.
struct ConfigInput: Hashable, Sendable {
    var bytes: ByteKey
    var options: ParseOptions
}

/// site.yaml decoded, with what it reported.
struct ConfigResult: Sendable {
    var config: SiteConfig?
    var diagnostics: [Diagnostic]
    /// The services site.yaml names (in `import`).
    var references: [Reference] = []
    /// The credit tiers of its `defaults`.
    var tiers: [WrittenTier] = []
}

/// What one content file's decoding reads besides its path (the slot, which says its kind and
/// id): its bytes and the site zone its times are read in (the key of its kept result).
struct DecodeInput: Hashable, Sendable {
    var bytes: ByteKey
    var calendar: SiteCalendar
}
