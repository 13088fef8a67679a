import BuildSupport
import Foundation
import SLACore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a site's source files from disk: `site.yaml`, `content/` and `themes/`.
///
/// Only regular files and folders whose real path is inside the site folder are read. A
/// symbolic link is followed when it leads to a file or folder inside the site; one that leads
/// out (`assets/env.css → /proc/self/environ`), a dangling one and anything that is neither a
/// regular file nor a folder (a FIFO, a socket, a device) is refused with an error naming the
/// file and the reason, and nothing behind it is read (a site built from contributions, such
/// as a pull-request preview, must not publish the build machine's files).
public enum SiteLoader {
    /// The files refused while listing a site, one error each (all of them at once).
    public struct Refused: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// Every regular, non-hidden file under the site's inputs, paths relative to `root`, sorted.
    /// - Parameter reuse: the preview's store: a file whose path, modification time (ns) and
    ///   size are unchanged is not read again.
    /// - Parameter listing: the inputs and their stamps as the caller has just scanned them
    ///   (preview), so they are not listed and stat-ed again.
    /// - Throws: `Refused` when an entry may not be read or a file cannot be read.
    public static func load(root: URL, reuse: (any Reusing)? = nil, listing: [String: FileStamp]? = nil) throws -> [SourceFile] {
        let stamps = listing ?? scan(root: root)
        var refused: [Diagnostic] = []
        var paths: [String] = []
        for path in stamps.keys.sorted() {
            if let reason = stamps[path]!.refusal {
                refused.append(Diagnostic(.error, path, 0, 0, reason))
            } else {
                paths.append(path)
            }
        }
        let base = root.path
        let realRoot = Walker(root: base).realRoot
        @Sendable func readFile(_ path: String) -> Result<SourceFile, any Error> {
            Result {
                // A samples file is decoded as it is read (it can be large), and kept decoded.
                if case .samples = SourceKind.classify(path) {
                    return SourceFile(path: path, samples: try readSamples(base + "/" + path, file: path, inside: realRoot))
                }
                return SourceFile(path: path, bytes: try readBytes(base + "/" + path, inside: realRoot))
            }
        }
        // The preview keeps every file together under every file's path and stamp (`KeptParts`):
        // when one file changed, only it is read again. A file that cannot be read keeps nothing
        // (it is tried again on the next build), and every file is then read as it is now.
        let read: [Result<SourceFile, any Error>]
        do {
            read = try reuse.parts(.files, at: "site files", names: paths, inputs: paths.map { stamps[$0]! }) { todo in
                try ParallelWork.map(todo.map { paths[$0] }) { readFile($0) }.map { try $0.get() }
            }.map { .success($0) }
        } catch {
            read = ParallelWork.map(paths) { readFile($0) }
        }
        var files: [SourceFile] = []
        files.reserveCapacity(paths.count)
        for (path, file) in zip(paths, read) {
            switch file {
            case .success(let file): files.append(file)
            case .failure(let error): refused.append(Diagnostic(.error, path, 0, 0, "cannot read this file: \(error)"))
            }
        }
        if !refused.isEmpty { throw Refused(diagnostics: refused) }
        return files
    }

    /// Every input file of the site (`site.yaml`, `content/`, `themes/`) with its stamp, by path
    /// relative to `root`; entries that may not be read carry their `refusal`.
    public static func scan(root: URL) -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        let walker = Walker(root: root.path)
        switch walker.entry(root.path + "/site.yaml") {
        case .file(let s): out["site.yaml"] = s
        case .refused(let reason): out["site.yaml"] = .refused(reason)
        case .folder, .absent: break
        }
        for folder in ["content", "themes", "i18n"] {
            for (rel, s) in walker.files(under: folder) { out[rel.isEmpty ? folder : folder + "/" + rel] = s }
        }
        return out
    }

    /// Paths of regular files under `folder`, relative to it, skipping hidden names and
    /// anything refused.
    public static func relativeFiles(under folder: URL) -> [String] {
        stampedFiles(under: folder).filter { $0.stamp.refusal == nil }.map(\.path)
    }

    /// `relativeFiles` with each file's stamp (one `lstat` per entry), refused entries included.
    public static func stampedFiles(under folder: URL, sorted: Bool = true) -> [(path: String, stamp: FileStamp)] {
        let out = Walker(root: folder.deletingLastPathComponent().path).files(under: folder.lastPathComponent)
        return sorted ? out.sorted { $0.path < $1.path } : out
    }

    /// The folders under `folder` (itself included) that a scan walks, for watching them.
    public static func folders(under folder: URL) -> [String] {
        Walker(root: folder.deletingLastPathComponent().path).folders(under: folder.lastPathComponent)
    }

    /// The bytes of a file the scan accepted (see `openChecked`).
    static func readBytes(_ path: String, inside realRoot: String) throws -> [UInt8] {
        let fd = try openChecked(path, inside: realRoot)
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ReadError(errno: errno) }
        // Exactly the size fstat gives, so a site of many small files holds no slack; a file that
        // grew meanwhile is read on in small chunks.
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        try readChunks(fd, capacity: 4096) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Reads `fd` to its end in chunks of `capacity` bytes, retrying on EINTR, and hands each
    /// chunk to `body` (valid only during the call).
    static func readChunks(_ fd: Int32, capacity: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { chunk in
            while true {
                let n = read(fd, chunk.baseAddress!, chunk.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ReadError(errno: errno)
                }
                if n == 0 { break }
                try body(UnsafeBufferPointer(rebasing: chunk[..<n]))
            }
        }
    }

    /// A samples file decoded while it is read in chunks: its text is never held whole.
    static func readSamples(_ path: String, file: String, inside realRoot: String) throws -> DecodedSamples {
        let fd = try openChecked(path, inside: realRoot)
        defer { close(fd) }
        var decoder = SamplesDecoder(file: file)
        try readChunks(fd, capacity: 256 * 1024) { decoder.feed($0) }
        return decoder.finish()
    }

    /// Opens a file the scan accepted, for reading. A link is opened only if it still leads
    /// inside `realRoot`; a FIFO or device swapped in after the scan is refused, not waited on.
    static func openChecked(_ path: String, inside realRoot: String) throws -> Int32 {
        var fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 && errno == ELOOP {
            // A symbolic link: the scan followed it because it stayed inside the site; check again.
            guard let real = realpath(path, nil) else { throw ReadError(errno: errno) }
            let target = String(cString: real)
            free(real)
            guard target.hasPrefix(realRoot + "/") else {
                throw ReadError(message: "this symbolic link leads outside the site folder (to \(target))")
            }
            fd = open(target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        }
        guard fd >= 0 else { throw ReadError(errno: errno) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            close(fd)
            throw ReadError(errno: code)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ReadError(message: "not a regular file")
        }
        return fd
    }

    struct ReadError: Error, CustomStringConvertible {
        var message: String

        init(message: String) { self.message = message }
        init(errno code: Int32) { message = String(cString: strerror(code)) }

        var description: String { message }
    }

    /// Lists a site's folders by `lstat`, following only links that stay inside the site.
    struct Walker {
        /// The site folder's real path.
        let realRoot: String
        let root: String

        init(root: String) {
            self.root = root
            if let real = realpath(root, nil) {
                realRoot = String(cString: real)
                free(real)
            } else {
                realRoot = root
            }
        }

        enum Entry {
            case file(FileStamp)
            case folder(real: String)
            case refused(String)
            case absent
        }

        /// What the entry at `path` is, and whether it may be read.
        func entry(_ path: String) -> Entry {
            var st = stat()
            guard lstat(path, &st) == 0 else { return .absent }
            switch st.st_mode & S_IFMT {
            case S_IFREG: return .file(FileStamp(st))
            case S_IFDIR: return .folder(real: realPath(path) ?? path)
            case S_IFLNK:
                guard let real = realPath(path) else {
                    return .refused("this symbolic link leads to nothing (\(linkTarget(path)) does not exist)")
                }
                guard real == realRoot || real.hasPrefix(realRoot + "/") else {
                    return .refused(
                        "this symbolic link leads outside the site folder (to \(real)); only files inside the site are read")
                }
                var target = stat()
                guard stat(path, &target) == 0 else { return .absent }
                switch target.st_mode & S_IFMT {
                case S_IFREG: return .file(FileStamp(target))
                case S_IFDIR: return .folder(real: real)
                default: return .refused("this symbolic link leads to \(Self.kind(target.st_mode)), not a regular file or folder")
                }
            default:
                return .refused("this is \(Self.kind(st.st_mode)), not a regular file or folder; only those are read")
            }
        }

        /// The files under `folder` (relative to the root), each relative to `folder`.
        func files(under folder: String) -> [(path: String, stamp: FileStamp)] {
            var out: [(path: String, stamp: FileStamp)] = []
            walk(folder) { rel, entry in
                switch entry {
                case .file(let s): out.append((rel, s))
                case .refused(let reason): out.append((rel, .refused(reason)))
                case .folder, .absent: break
                }
            }
            return out
        }

        /// The folders walked under `folder`, itself included, as absolute paths.
        func folders(under folder: String) -> [String] {
            var out: [String] = []
            walk(folder) { rel, entry in
                if case .folder = entry { out.append(rel.isEmpty ? root + "/" + folder : root + "/" + folder + "/" + rel) }
            }
            return out
        }

        /// Calls `visit` with each non-hidden entry under `folder` (and `folder` itself, as "",
        /// when it is a folder), descending into folders. A link to a folder that holds it (a
        /// loop) is not descended into.
        private func walk(_ folder: String, _ visit: (String, Entry) -> Void) {
            let top = root + "/" + folder
            let first = entry(top)
            switch first {
            case .folder: visit("", first)
            case .refused(let reason):
                // The folder itself leads out: one error, under its own name.
                visit("", .refused(reason))
                return
            case .file, .absent: return
            }
            guard case .folder(let realTop) = first else { return }
            // Each folder to walk with the real paths of the folders it is in.
            var stack: [(rel: String, within: [String])] = [("", [realTop])]
            while let (rel, within) = stack.popLast() {
                let dir = rel.isEmpty ? top : top + "/" + rel
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
                for name in names where !name.hasPrefix(".") {
                    let childRel = rel.isEmpty ? name : rel + "/" + name
                    let child = entry(top + "/" + childRel)
                    if case .folder(let real) = child {
                        guard !within.contains(real) else { continue }
                        visit(childRel, child)
                        stack.append((childRel, within + [real]))
                    } else {
                        visit(childRel, child)
                    }
                }
            }
        }

        private func realPath(_ path: String) -> String? {
            guard let real = realpath(path, nil) else { return nil }
            defer { free(real) }
            return String(cString: real)
        }

        private func linkTarget(_ path: String) -> String {
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink(path, &buffer, buffer.count - 1)
            guard n > 0 else { return "its target" }
            return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        static func kind(_ mode: mode_t) -> String {
            switch mode & S_IFMT {
            case S_IFIFO: "a FIFO (named pipe)"
            case S_IFSOCK: "a socket"
            case S_IFCHR: "a character device"
            case S_IFBLK: "a block device"
            default: "a special file"
            }
        }
    }
}

/// A file's identity for change detection: modification time and size.
public struct FileStamp: Hashable, Sendable {
    public var modified: Int64
    public var size: Int64
    public var isDirectory: Bool = false
    /// Why the entry may not be read (a link leading out of the site, a FIFO), or nil.
    public var refusal: String? = nil

    public init(modified: Int64, size: Int64, isDirectory: Bool = false) {
        self.modified = modified
        self.size = size
        self.isDirectory = isDirectory
    }

    init(_ st: stat) {
        self.init(
            modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec), size: Int64(st.st_size),
            isDirectory: (st.st_mode & S_IFMT) == S_IFDIR)
    }

    static func refused(_ reason: String) -> FileStamp {
        var stamp = FileStamp(modified: 0, size: 0)
        stamp.refusal = reason
        return stamp
    }
}
