import Foundation
import SLACore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a site's source files from disk: `site.yaml`, `content/` and `themes/`.
public enum SiteLoader {
    /// Every regular, non-hidden file under the site's inputs, paths relative to `root`, sorted.
    /// - Parameter cache: reuses the bytes of files whose modification time and size are unchanged.
    /// - Parameter listing: the inputs and their stamps as the caller has just scanned them
    ///   (preview), so they are not listed and stat-ed again.
    public static func load(root: URL, cache: LoadCache? = nil, listing: [String: FileStamp]? = nil) throws -> [SourceFile] {
        let stamps = listing ?? scan(root: root)
        let paths = stamps.keys.sorted()
        // Kept bytes first, then the other files read on all cores.
        var bytes: [[UInt8]?] = paths.map { path in stamps[path].flatMap { cache?.bytes(path, stamp: $0) } }
        let missing = bytes.indices.filter { bytes[$0] == nil }
        let base = root.path
        let read = ParallelWork.map(missing.map { paths[$0] }) { path in
            Result { try readBytes(URL(fileURLWithPath: base + "/" + path)) }
        }
        for (k, result) in zip(missing, read) {
            let b = try result.get()
            if let st = stamps[paths[k]] { cache?.store(paths[k], stamp: st, bytes: b) }
            bytes[k] = b
        }
        return zip(paths, bytes).map { SourceFile(path: $0, bytes: $1!) }
    }

    /// Every input file of the site (`site.yaml`, `content/`, `themes/`) with its stamp, by path
    /// relative to `root`.
    public static func scan(root: URL) -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        if let s = stamp(root.appendingPathComponent("site.yaml").path), !s.isDirectory { out["site.yaml"] = s }
        for folder in ["content", "themes"] {
            for (rel, s) in stampedFiles(under: root.appendingPathComponent(folder), sorted: false) {
                out[folder + "/" + rel] = s
            }
        }
        return out
    }

    /// Paths of regular files under `folder`, relative to it, skipping hidden names.
    public static func relativeFiles(under folder: URL) -> [String] {
        stampedFiles(under: folder).map(\.path)
    }

    /// `relativeFiles` with each file's stamp (one `stat` per entry).
    public static func stampedFiles(under folder: URL, sorted: Bool = true) -> [(path: String, stamp: FileStamp)] {
        guard stamp(folder.path)?.isDirectory == true else { return [] }
        var out: [(path: String, stamp: FileStamp)] = []
        var stack: [String] = [""]
        while let rel = stack.popLast() {
            let dir = rel.isEmpty ? folder.path : folder.path + "/" + rel
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names where !name.hasPrefix(".") {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                guard let st = stamp(folder.path + "/" + childRel) else { continue }
                if st.isDirectory { stack.append(childRel) } else { out.append((childRel, st)) }
            }
        }
        return sorted ? out.sorted { $0.path < $1.path } : out
    }

    /// Modification time, size and kind of a path (following symbolic links), or nil.
    public static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(
            modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec), size: Int64(st.st_size),
            isDirectory: (st.st_mode & S_IFMT) == S_IFDIR)
    }

    static func readBytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}

/// A file's identity for change detection: modification time and size.
public struct FileStamp: Equatable, Sendable {
    public var modified: Int64
    public var size: Int64
    public var isDirectory: Bool = false

    public init(modified: Int64, size: Int64, isDirectory: Bool = false) {
        self.modified = modified
        self.size = size
        self.isDirectory = isDirectory
    }
}

/// File bytes kept between loads of the same site (preview), valid while the stamp is unchanged.
public final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (stamp: FileStamp, bytes: [UInt8], digest: Int)] = [:]

    public init() {}

    func bytes(_ path: String, stamp: FileStamp) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[path], e.stamp == stamp else { return nil }
        return e.bytes
    }

    func store(_ path: String, stamp: FileStamp, bytes: [UInt8]) {
        var h = Hasher()
        h.combine(bytes)
        let digest = h.finalize()
        lock.lock()
        entries[path] = (stamp, bytes, digest)
        lock.unlock()
    }

    /// A digest of the bytes last loaded for `path` (computed once per change of the file), so a
    /// preview rebuild can tell what changed without hashing every file again.
    public func digest(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return entries[path]?.digest
    }

    /// `digest` of each path, under one lock.
    public func digests(_ paths: [String]) -> [Int?] {
        lock.lock()
        defer { lock.unlock() }
        return paths.map { entries[$0]?.digest }
    }
}
