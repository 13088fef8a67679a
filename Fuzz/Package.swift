// swift-tools-version:6.0
// libFuzzer harnesses for the content loader (see docs/fuzzing.md and scripts/fuzz.sh).
// A separate package so that the sanitizer flags never touch the main build.
import PackageDescription

let fuzzerSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "slasite-fuzz",
    dependencies: [
        .package(name: "slasite", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        // The small valid site every content input is dropped into.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "SiteContent", package: "slasite"),
                .product(name: "SiteRender", package: "slasite"),
                .product(name: "SLACore", package: "slasite"),
                .product(name: "BuildSupport", package: "slasite"),
            ]),
        .executableTarget(
            name: "FuzzContent",
            dependencies: [
                "FuzzSupport", "CFuzzerDriver",
                .product(name: "SiteContent", package: "slasite"),
                .product(name: "SLACore", package: "slasite"),
                .product(name: "SiteBuild", package: "slasite"),
            ],
            swiftSettings: fuzzerSettings),
        .executableTarget(
            name: "FuzzScalars",
            dependencies: ["CFuzzerDriver", .product(name: "SLACore", package: "slasite")],
            swiftSettings: fuzzerSettings),
    ],
    swiftLanguageModes: [.v5]
)
