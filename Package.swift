// swift-tools-version:6.0
import PackageDescription

let upcoming: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "slasite",
    // Linux only (renameat2, st_mtim, inotify): no Apple platform is claimed.
    products: [
        .executable(name: "slasite", targets: ["slasite"]),
        // Libraries for the fuzzers in Fuzz/ (a separate package; slasite-bench is a target here).
        .library(name: "SLACore", targets: ["SLACore"]),
        .library(name: "SiteContent", targets: ["SiteContent"]),
        .library(name: "BuildSupport", targets: ["BuildSupport"]),
        // The fuzzer parses through the preview's store, as `serve` does.
        .library(name: "SiteBuild", targets: ["SiteBuild"]),
        // The term descriptions the fuzzer parses with (ParseOptions.standard).
        .library(name: "SiteRender", targets: ["SiteRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Pure arithmetic of docs/spec.md §3: values in, values out.
        .target(name: "SLACore", swiftSettings: upcoming),
        // Scheduling on all cores and the protocol of what a build reuses (SiteBuild's ReuseStore).
        .target(name: "BuildSupport", swiftSettings: upcoming),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .target(name: "CSystemShims"),
        // One libyaml: SiteContent's pre-scan imports CYaml, the libyaml that Yams compiles in (its
        // C target, visible to dependents of the Yams product); Debian's libyaml is not linked.
        .target(
            name: "SiteContent",
            dependencies: ["SLACore", "BuildSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: upcoming),
        // `slasite import statuspage`: Statuspage API v2 JSON to incident files (docs/spec.md §5).
        .target(name: "StatuspageImport", dependencies: ["SLACore", "SiteContent", "SiteRender"], swiftSettings: upcoming),
        .target(
            name: "SiteRender",
            dependencies: [
                // SiteContent: the term descriptions (TermCatalog) read their keys with its readers.
                "SLACore", "BuildSupport", "SiteContent", "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: upcoming),
        .target(
            name: "SiteBuild",
            dependencies: [
                "SLACore", "BuildSupport", "SiteContent", "SiteRender", "CSystemShims",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming),
        .target(
            name: "PreviewServer",
            dependencies: [
                "SLACore", "BuildSupport", "SiteContent", "SiteRender", "SiteBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming),
        // `slasite import prometheus`: query_range requests, their answers, the merge into a samples file.
        .target(
            name: "PrometheusImport",
            dependencies: [
                "SLACore", "SiteContent",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: upcoming),
        .target(
            name: "SlasiteCLI",
            dependencies: [
                "SLACore", "SiteContent", "SiteRender", "SiteBuild", "PreviewServer", "PrometheusImport", "StatuspageImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming),
        .executableTarget(name: "slasite", dependencies: ["SlasiteCLI"], swiftSettings: upcoming),
        // Regression benchmarks: `swift run -c release slasite-bench [incidents] [--build DIR] [--rebuild DIR]`.
        .executableTarget(
            name: "slasite-bench", dependencies: ["SLACore", "BuildSupport", "SiteBuild", "SiteContent"], swiftSettings: upcoming),
        .testTarget(name: "SLACoreTests", dependencies: ["SLACore"]),
        // SiteRender: a site is parsed with the term descriptions (ParseOptions.standard).
        .testTarget(name: "SiteContentTests", dependencies: ["SiteContent", "SLACore", "SiteRender"]),
        .testTarget(
            name: "SiteRenderTests",
            dependencies: ["SiteRender", "SiteBuild", "SiteContent", "SLACore", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "EndToEndTests", dependencies: ["BuildSupport", "SiteBuild", "SLACore"]),
        .testTarget(name: "StatuspageImportTests", dependencies: ["StatuspageImport", "SiteContent", "SiteRender", "SLACore"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer", "SiteContent"]),
        .testTarget(name: "PrometheusImportTests", dependencies: ["PrometheusImport", "SLACore", "SiteContent"]),
    ]
)
