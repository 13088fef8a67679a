// What `slasite --version` prints. This committed default is what a plain `swift build` reports;
// scripts/dist.sh writes the release's version (from the git tag) and commit into its own copy
// of the sources before building the binaries it packages.
let releaseVersion = "0.0.0+unknown"
let releaseCommit = "unknown"
