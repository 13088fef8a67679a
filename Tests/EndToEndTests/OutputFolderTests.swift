import Foundation
import SiteBuild
import XCTest

/// What `slasite build --output` may replace (docs/cli.md, "The output folder"): the real binary,
/// run from the site's folder as a user would, and every file compared before and after.
final class OutputFolderTests: XCTestCase {
    let now = "2026-11-24T00:00:00Z"
    let fm = FileManager.default

    /// A temporary folder holding `site/` (the basic fixture, with a theme file and a `.git/`).
    func makeWorkspace() throws -> (root: URL, site: URL) {
        let site = try Slasite.copyFixture("basic")
        let themeFile = site.appendingPathComponent("themes/custom/note.txt")
        try fm.createDirectory(at: themeFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "a theme file".write(to: themeFile, atomically: true, encoding: .utf8)
        let head = site.appendingPathComponent(".git/HEAD")
        try fm.createDirectory(at: head.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: head, atomically: true, encoding: .utf8)
        return (site.deletingLastPathComponent(), site)
    }

    func build(_ arguments: [String], cwd: URL) throws -> Slasite.Run {
        try Slasite.run(["build", "--now", now] + arguments, cwd: cwd)
    }

    /// The site's own folders, or any folder inside them, are refused with exit 2, with and
    /// without --force, and not one file changes.
    func testTheSitesSourcesAreNeverAnOutput() throws {
        let (root, site) = try makeWorkspace()
        let before = try Slasite.snapshot(root)
        XCTAssertGreaterThan(before.count, 8)
        let cases: [(String, String)] = [
            ("content", "inside the site's sources (content/)"),
            ("content/plans", "inside the site's sources (content/)"),
            ("themes", "inside the site's sources (themes/)"),
            (".git", "inside the site's sources (.git/)"),
            ("../basic/content", "inside the site's sources (content/)"),
            ("content/../themes/custom", "inside the site's sources (themes/)"),
            (".", "is the site's own folder"),
            ("..", "holds the site's own folder"),
        ]
        for (output, reason) in cases {
            for force in [false, true] {
                let r = try build(["--output", output] + (force ? ["--force"] : []), cwd: site)
                XCTAssertEqual(r.status, 2, "--output \(output) force=\(force): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("error: --output \(output) "), r.stderr)
                XCTAssertTrue(r.stderr.contains(reason), "--output \(output): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("--force does not change this"), r.stderr)
                XCTAssertEqual(try Slasite.snapshot(root), before, "--output \(output) force=\(force) changed a file")
            }
        }
    }

    /// A symbolic link is followed before the rule is applied: a link that leads into
    /// content/ is content/, also from outside the site.
    func testASymbolicLinkIntoTheSourcesIsRefused() throws {
        let (root, site) = try makeWorkspace()
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("out").path, withDestinationPath: "content")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: elsewhere.appendingPathComponent("link").path, withDestinationPath: site.appendingPathComponent("content/plans").path)
        let before = try Slasite.snapshot(root)
        for (output, cwd) in [("out", site), ("out/plans", site), (elsewhere.appendingPathComponent("link").path, site), ("link", elsewhere)] {
            for force in [false, true] {
                let args = ["--source", site.path, "--output", output] + (force ? ["--force"] : [])
                let r = try build(args, cwd: cwd)
                XCTAssertEqual(r.status, 2, "\(output): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("inside the site's sources (content/)"), r.stderr)
                XCTAssertEqual(try Slasite.snapshot(root), before)
            }
        }
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: site.appendingPathComponent("out").path), "content")
    }

    /// A web root of someone else's files is refused with a message that names the folder, a few
    /// of its entries and the way out; with --force it is replaced.
    func testAFolderOfOtherFilesIsRefusedUnlessForced() throws {
        let (root, site) = try makeWorkspace()
        let www = root.appendingPathComponent("www/html")
        try fm.createDirectory(at: www.appendingPathComponent("blog"), withIntermediateDirectories: true)
        try "<?php echo 1;".write(to: www.appendingPathComponent("index.php"), atomically: true, encoding: .utf8)
        try "post".write(to: www.appendingPathComponent("blog/post.html"), atomically: true, encoding: .utf8)
        try "x".write(to: www.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let before = try Slasite.snapshot(root)

        let r = try build(["--output", www.path], cwd: site)
        XCTAssertEqual(r.status, 2, r.stderr)
        // index.html is a name a build writes, so it is not listed among the foreign entries.
        XCTAssertEqual(
            r.stderr,
            "error: --output \(www.path) holds files no build wrote (blog/, index.php): choose an empty or new folder, or pass --force to replace it\n")
        XCTAssertEqual(try Slasite.snapshot(root), before)

        // More than three foreign entries: three are named, then "…".
        for name in ["a.txt", "b.txt"] { try "x".write(to: www.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let r2 = try build(["--output", "../www/html"], cwd: site)
        XCTAssertEqual(r2.status, 2, r2.stderr)
        XCTAssertTrue(r2.stderr.contains("error: --output ../www/html holds files no build wrote (a.txt, b.txt, blog/, …)"), r2.stderr)
        try fm.removeItem(at: www.appendingPathComponent("a.txt"))
        try fm.removeItem(at: www.appendingPathComponent("b.txt"))

        let forced = try build(["--output", www.path, "--force"], cwd: site)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertFalse(fm.fileExists(atPath: www.appendingPathComponent("index.php").path))
        XCTAssertFalse(fm.fileExists(atPath: www.appendingPathComponent("blog").path))
        XCTAssertTrue(fm.fileExists(atPath: www.appendingPathComponent("sla.json").path))
        XCTAssertTrue(fm.fileExists(atPath: www.appendingPathComponent(OutputFolder.stampName).path))
        // Stamped now: the next build replaces it without --force.
        XCTAssertEqual(try build(["--output", www.path], cwd: site).status, 0)
        // Everything outside the web root is as it was.
        var after = try Slasite.snapshot(root)
        var expected = before
        for key in before.keys where key.hasPrefix("www/") { expected[key] = nil }
        for key in after.keys where key.hasPrefix("www/") { after[key] = nil }
        XCTAssertEqual(after, expected)
    }

    /// An output of an earlier version (no stamp, only entries a build writes), an empty folder
    /// and a missing one are built into, and each is left stamped.
    func testEarlierOutputsEmptyAndMissingFoldersAreBuiltInto() throws {
        let (root, site) = try makeWorkspace()
        // An earlier version's output: build, then take the stamp away.
        XCTAssertEqual(try build([], cwd: site).status, 0)
        let publicFolder = site.appendingPathComponent("public")
        let built = try Slasite.snapshot(publicFolder)
        try fm.removeItem(at: publicFolder.appendingPathComponent(OutputFolder.stampName))
        try "old".write(to: publicFolder.appendingPathComponent("plans/old-page.html"), atomically: true, encoding: .utf8)
        let r = try build([], cwd: site)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try Slasite.snapshot(publicFolder), built, "replaced whole, stamp left")

        let empty = root.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertEqual(try build(["--output", empty.path], cwd: site).status, 0)
        XCTAssertEqual(try Slasite.snapshot(empty), built)

        let missing = root.appendingPathComponent("new/deeper/site")
        XCTAssertEqual(try build(["--output", missing.path], cwd: site).status, 0)
        XCTAssertEqual(try Slasite.snapshot(missing), built)

        // A link to a deploy folder is written through: the link stays, the folder gets the site.
        let deploy = root.appendingPathComponent("deploy")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("current").path, withDestinationPath: deploy.path)
        XCTAssertEqual(try build(["--output", root.appendingPathComponent("current").path], cwd: site).status, 0)
        XCTAssertEqual(try Slasite.snapshot(deploy), built)
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: root.appendingPathComponent("current").path), deploy.path)
    }

    /// A folder holding only names a build writes, but not slasite's sla.json (a web server's
    /// default page, another generator's site), is not taken for an earlier output.
    func testOnlyBuildNamesWithoutSlasitesSLAJSONIsRefused() throws {
        let (root, site) = try makeWorkspace()
        let www = root.appendingPathComponent("html")
        try fm.createDirectory(at: www.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "<h1>It works!</h1>".write(to: www.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "body{}".write(to: www.appendingPathComponent("assets/site.css"), atomically: true, encoding: .utf8)
        let before = try Slasite.snapshot(root)
        let r = try build(["--output", www.path], cwd: site)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(
            r.stderr,
            "error: --output \(www.path) holds files no build wrote (assets/, index.html): choose an empty or new folder, or pass --force to replace it\n")
        // Another program's sla.json is not slasite's either.
        try "[1, 2]".write(to: www.appendingPathComponent("sla.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try build(["--output", www.path], cwd: site).status, 2)
        try fm.removeItem(at: www.appendingPathComponent("sla.json"))
        XCTAssertEqual(try Slasite.snapshot(root), before)
    }

    /// A file where the output folder should be is refused, even with --force.
    func testAFileIsNotAnOutputFolder() throws {
        let (root, site) = try makeWorkspace()
        let file = root.appendingPathComponent("notes.txt")
        try "keep me".write(to: file, atomically: true, encoding: .utf8)
        for force in [false, true] {
            let r = try build(["--output", file.path] + (force ? ["--force"] : []), cwd: site)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("is a file, not a folder"), r.stderr)
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "keep me")
    }

    /// Every top-level entry a build writes is one an earlier output is recognised by, so the
    /// list cannot fall behind the outputs (checked on the example site and every fixture).
    func testEveryTopLevelOutputIsRecognised() throws {
        var sites = [Slasite.repoRoot]
        for name in try fm.contentsOfDirectory(atPath: Slasite.fixtures.path).sorted() {
            let dir = Slasite.fixtures.appendingPathComponent(name)
            if fm.fileExists(atPath: dir.appendingPathComponent("site.yaml").path) { sites.append(dir) }
        }
        XCTAssertGreaterThan(sites.count, 3)
        for source in sites {
            let out = Slasite.scratch("top")
            let r = try Slasite.run(["build", "--source", source.path, "--output", out.path, "--now", now])
            XCTAssertEqual(r.status, 0, "\(source.lastPathComponent): \(r.stderr)")
            let top = try fm.contentsOfDirectory(atPath: out.path).filter { $0 != OutputFolder.stampName }
            XCTAssertGreaterThan(top.count, 8)
            for name in top {
                // A language's folder (docs/spec.md §4 Languages) is written only by builds that
                // stamp their output, so no earlier output holds one.
                let isLanguage = fm.fileExists(atPath: out.appendingPathComponent(name + "/feed.json").path)
                XCTAssertTrue(
                    OutputFolder.entriesABuildWrites.contains(name) || isLanguage, "\(source.lastPathComponent) writes \(name) at the top")
            }
            try? fm.removeItem(at: out)
        }
    }
}
