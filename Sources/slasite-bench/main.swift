// Benchmarks that show regressions: the SLA arithmetic on many incidents, and a whole build in
// memory, and a preview rebuild after one incident edit.
// Run in release: `swift run -c release slasite-bench [incidents] [--build DIR] [--rebuild DIR]`.
import BuildSupport
import Foundation
import SLACore
import SiteBuild
import SiteContent

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func time(_ runs: Int, _ body: () -> Void) -> [Double] {
    (0..<runs).map { _ in
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    }
}

var args = Array(CommandLine.arguments.dropFirst())
var buildDir: String?
if let i = args.firstIndex(of: "--build"), i + 1 < args.count {
    buildDir = args[i + 1]
    args.removeSubrange(i...(i + 1))
}
var rebuildDir: String?
if let i = args.firstIndex(of: "--rebuild"), i + 1 < args.count {
    rebuildDir = args[i + 1]
    args.removeSubrange(i...(i + 1))
}
let incidentCount = args.first.flatMap(Int.init) ?? 100_000

// A deterministic synthetic site: 50 services, 20 plans covering all, incidents over 24 months.
struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
var lcg = LCG(state: 42)
let services = (0..<50).map { "svc-\($0)" }
let now = Instant(seconds: 1_795_478_400)  // 2026-11-24T00:00:00Z
let span: UInt64 = 24 * 30 * 86_400
let impacts: [Impact] = [.major, .partial, .degraded, .maintenance]
let incidents = (0..<incidentCount).map { k -> Incident in
    let start = now.seconds - Int64(lcg.next() % span)
    let length = Int64(60 + lcg.next() % 14_400)
    return Incident(
        id: "i\(k)", title: "Incident \(k)", services: [services[Int(lcg.next() % 50)], services[Int(lcg.next() % 50)]],
        impact: impacts[Int(lcg.next() % 4)], start: Instant(seconds: start), end: Instant(seconds: start + length))
}
let plans = (0..<20).map { p in
    Plan(
        id: "plan-\(p)", title: "Plan \(p)", effective: LocalDateTime(year: 2024, month: 11, day: 1),
        terms: SLATerms {
            $0[TermKeys.uptime] = 99.9
            $0[TermKeys.credits] = [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99, credit: 25)]
        },
        services: services.map { PlanService(id: $0) })
}
let site = Site(
    config: SiteConfig(title: "Bench", provider: "Bench", baseURL: "https://bench.example/"),
    terms: TermsPage(title: "Terms", body: ""), services: services.map { Service(id: $0, title: $0) }, plans: plans,
    incidents: incidents.sorted { $0.start < $1.start })

var sink = 0.0
let arithmetic = time(5) {
    let figures = BuildPipeline.figures(for: site, now: now)
    sink += figures.plans[0][0].months[0].uptime ?? 0
}
print(String(format: "arithmetic: %d incidents, 20 plans x 50 services x 25 months: median %.1f ms (runs: %@)",
             incidentCount, median(arithmetic), arithmetic.map { String(format: "%.1f", $0) }.joined(separator: ", ")))

if let dir = buildDir {
    let request = BuildRequest(source: URL(fileURLWithPath: dir), output: nil, now: now)
    var files = 0
    let build = time(3) {
        let result = BuildPipeline().run(request)
        files = result.files.count
    }
    print(String(format: "build in memory: %@: %d files, median %.1f ms (runs: %@)", dir, files, median(build),
                 build.map { String(format: "%.1f", $0) }.joined(separator: ", ")))
}
if let dir = rebuildDir {
    // What `serve` does after one save: a build with the caches of the previous one. The edit
    // appends to the body of the first incident that is not maintenance (restored afterwards).
    let root = URL(fileURLWithPath: dir)
    let folder = root.appendingPathComponent("content/status/incidents")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
    guard
        let name = names.first(where: {
            !((try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "").contains("impact: maintenance")
        })
    else { fatalError("no incident to edit in \(dir)") }
    let file = folder.appendingPathComponent(name)
    let original = try String(contentsOf: file, encoding: .utf8)
    defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
    let reuse = ReuseStore()
    let request = BuildRequest(source: root, output: nil, now: now)
    _ = BuildPipeline(reuse: reuse).run(request)
    var steps: [String: [Double]] = [:]
    var rebuild: [Double] = []
    var scans: [Double] = []
    // `--rebuilds N` for a profile made mostly of rebuilds.
    let rebuilds = args.firstIndex(of: "--rebuilds").flatMap { args.indices.contains($0 + 1) ? Int(args[$0 + 1]) : nil } ?? 21
    for k in 1...rebuilds {
        try? (original + "\nEdit \(k).\n").write(to: file, atomically: true, encoding: .utf8)
        // `--idle MS`: wait between edits as a person (and scripts/serve-latency.py) does.
        if let i = args.firstIndex(of: "--idle"), args.indices.contains(i + 1), let ms = Double(args[i + 1]) {
            usleep(useconds_t(ms * 1000))
        }
        // As in `serve`: the watcher's scan, then the build (timed apart, as serve reports them).
        scans += time(1) { _ = SiteLoader.scan(root: root) }
        let listing = SiteLoader.scan(root: root)
        var result: BuildResult?
        rebuild += time(1) {
            result = BuildPipeline(reuse: reuse).run(BuildRequest(source: root, output: nil, now: now, listing: listing))
        }
        for (name, seconds) in result?.steps ?? [] { steps[name, default: []].append(seconds * 1000) }
    }
    let parts = ["load", "parse", "compute", "render"].map { String(format: "%@ %.1f", $0, median(steps[$0] ?? [0])) }
    print(String(format: "rebuild after editing %@: median %.1f ms (%@; %d pages re-rendered); watcher scan %.1f ms",
                 name, median(rebuild), parts.joined(separator: ", "), reuse.lastCounts(.pages).made, median(scans)))
}
if sink.isNaN { print("") }
