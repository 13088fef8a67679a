import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Which folders a build may replace (docs/cli.md, "The output folder"): the one rule every
/// writer of a whole folder asks, so no build deletes a file that slasite did not write.
///
/// A build replaces its output folder whole. It may replace a folder that a build wrote (it
/// holds the stamp file `.slasite-output`), an output of an earlier version (unstamped, but
/// every top-level entry is one a build writes), an empty folder or a missing one. Any other
/// folder is refused unless `force` is given; the site folder, a folder that contains it and a
/// folder inside its sources are refused always. Symbolic links and `..` are resolved first.
public enum OutputFolder {
    /// The file every build leaves at the top of its output, marking the folder as replaceable.
    public static let stampName = ".slasite-output"
    static let stampText = """
        This folder was written by `slasite build`, which replaces it whole on every build.
        Without this file, slasite refuses to replace a folder that holds other files.

        """

    /// The top-level entries a build of any earlier version wrote (docs/cli.md): an unstamped
    /// folder holding only these is an earlier output. A test checks that a build of the
    /// example site and the fixtures writes nothing at the top that is missing here.
    public static let entriesABuildWrites: Set<String> = [
        "index.html", "404.html", "plans", "status", "incidents", "terms", "assets", "badges",
        "feed.json", "feed.xml", "sla.json", "sla.schema.json", "status.json", "status.schema.json", "sitemap.xml",
        "robots.txt", "maintenance.ics", "claims.ics",
    ]

    /// The site's own sources, relative to its folder: never an output, even with `force`.
    public static let sourceFolders = ["content", "themes", "static", "i18n", ".git"]

    /// Leave to replace one folder, given only by `check`: the folder with symbolic links and
    /// `..` resolved, and why it may be replaced.
    public struct Permit: Sendable, Equatable {
        public let folder: URL
        public let reason: Reason
        /// What it was checked against, to check again before the swap.
        let source: URL
        let force: Bool
    }

    public enum Reason: Sendable, Equatable {
        case missing, empty, stamped, earlierOutput, forced
    }

    /// Why a folder may not be replaced; `description` is the whole message for the user.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder as the user named it.
        public let folder: String
        public let description: String
    }

    /// Decides whether `output` may be replaced by a build of the site in `source`.
    /// - Parameters:
    ///   - shownAs: the folder as the user named it, for the message (default: its path).
    ///   - force: replace a folder of files no build wrote (never the site or its sources).
    public static func check(_ output: URL, source: URL, force: Bool = false, shownAs: String? = nil) -> Result<Permit, Refusal> {
        let shown = shownAs ?? output.path
        let out = resolved(output.path)
        let site = resolved(source.path)
        func refuse(_ why: String) -> Result<Permit, Refusal> {
            .failure(Refusal(folder: shown, description: "\(shown) \(why)"))
        }
        if out == site {
            return refuse("is the site's own folder: a build replaces its output folder whole; choose a new folder such as public/ (--force does not change this)")
        }
        if site.hasPrefix(out == "/" ? "/" : out + "/") {
            return refuse("holds the site's own folder (\(site)): a build replaces its output folder whole; choose a new folder such as public/ (--force does not change this)")
        }
        for name in sourceFolders {
            let folder = site + "/" + name
            if out == folder || out.hasPrefix(folder + "/") {
                return refuse("is inside the site's sources (\(name)/): a build replaces its output folder whole; choose a folder outside \(name)/, such as public/ (--force does not change this)")
            }
        }
        func permit(_ reason: Reason) -> Result<Permit, Refusal> {
            .success(Permit(folder: URL(fileURLWithPath: out, isDirectory: true), reason: reason, source: source, force: force))
        }
        var status = stat()
        guard lstat(out, &status) == 0 else {
            if errno == ENOENT { return permit(.missing) }
            return refuse("cannot be read: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            return refuse("is a file, not a folder: choose a folder for the site, such as public/")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: out)
        } catch {
            return refuse("cannot be read: \(error.localizedDescription)")
        }
        func isFolder(_ name: String) -> Bool {
            var entry = stat()
            return lstat(out + "/" + name, &entry) == 0 && entry.st_mode & S_IFMT == S_IFDIR
        }
        if entries.isEmpty { return permit(.empty) }
        if entries.contains(stampName) && !isFolder(stampName) { return permit(.stamped) }
        let onlyNamesABuildWrites = entries.allSatisfy(entriesABuildWrites.contains)
        if onlyNamesABuildWrites && holdsSLAJSON(out) { return permit(.earlierOutput) }
        if force { return permit(.forced) }
        // Entries a build writes are named only when nothing else shows the folder is not one.
        let foreign = (onlyNamesABuildWrites ? entries : entries.filter { !entriesABuildWrites.contains($0) }).sorted()
        let named = foreign.prefix(3).map { isFolder($0) ? $0 + "/" : $0 }
        let more = foreign.count > 3 ? ", …" : ""
        return refuse("holds files no build wrote (\(named.joined(separator: ", "))\(more)): choose an empty or new folder, or pass --force to replace it")
    }

    /// Whether `folder/sla.json` begins as every build's does: an unstamped folder of only the
    /// names a build writes (an `index.html` and `assets/` are also another generator's, or a
    /// web server's default page) is an earlier output only with slasite's sla.json in it.
    static func holdsSLAJSON(_ folder: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: folder + "/sla.json") else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 512)) ?? Data(), as: UTF8.self)
        return head.hasPrefix("{") && head.contains("\"generated_at\"") && head.contains("\"base_url\"")
    }

    /// Checks again, right before the swap, that the folder `permit` was given for may still
    /// be replaced (something may have written into it while the build ran).
    static func recheck(_ permit: Permit) -> Refusal? {
        if case let .failure(refusal) = check(permit.folder, source: permit.source, force: permit.force) { return refusal }
        return nil
    }

    /// `path` made absolute, with every symbolic link and `.`/`..` resolved, also through parts
    /// that do not exist yet (a link to a missing folder resolves to that folder).
    public static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var pending = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        pending.reverse()  // a stack: the next component is last
        var parts: [String] = []
        var links = 0
        while let component = pending.popLast() {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default:
                let candidate = "/" + (parts + [component]).joined(separator: "/")
                var status = stat()
                if lstat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, links < 40 {
                    links += 1
                    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                    let n = readlink(candidate, &buffer, buffer.count - 1)
                    guard n > 0 else {
                        parts.append(component)
                        continue
                    }
                    let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    if target.hasPrefix("/") { parts = [] }
                    pending.append(contentsOf: target.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed())
                } else {
                    parts.append(component)
                }
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
