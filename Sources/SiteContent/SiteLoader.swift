import BuildSupport
import Foundation
import SLACore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a site's source files from disk: `site.yaml`, `content/` and `themes/`.
public enum SiteLoader {
    /// Every regular, non-hidden file under the site's inputs, paths relative to `root`, sorted.
    /// - Parameter reuse: the preview's store: a file whose path, modification time (ns) and
    ///   size are unchanged is not read again.
    /// - Parameter listing: the inputs and their stamps as the caller has just scanned them
    ///   (preview), so they are not listed and stat-ed again.
    public static func load(root: URL, reuse: (any Reusing)? = nil, listing: [String: FileStamp]? = nil) throws -> [SourceFile] {
        let stamps = listing ?? scan(root: root)
        let paths = stamps.keys.sorted()
        let base = root.path
        let read = try ParallelWork.map(paths) { path in
            Result {
                try reuse.value(.files, at: path, for: stamps[path]!) {
                    try readBytes(URL(fileURLWithPath: base + "/" + path))
                }
            }
        }.map { try $0.get() }
        return zip(paths, read).map { SourceFile(path: $0, bytes: $1) }
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
public struct FileStamp: Hashable, Sendable {
    public var modified: Int64
    public var size: Int64
    public var isDirectory: Bool = false

    public init(modified: Int64, size: Int64, isDirectory: Bool = false) {
        self.modified = modified
        self.size = size
        self.isDirectory = isDirectory
    }
}
