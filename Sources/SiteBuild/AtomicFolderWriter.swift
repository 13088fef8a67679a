import BuildSupport
import CSystemShims
import Foundation
import SLACore
import SiteRender

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a whole site into a temporary sibling folder and swaps it in by rename (docs/spec.md §5), so
/// the output folder always holds either the previous build or the new one, never a mix.
///
/// It replaces only a folder `OutputFolder.check` gave a permit for, checks again right before
/// the swap, and leaves the stamp `.slasite-output` in every folder it writes.
public struct AtomicFolderWriter: Sendable {
    public let output: URL
    let permit: OutputFolder.Permit

    public init(permit: OutputFolder.Permit) {
        self.permit = permit
        output = permit.folder.standardizedFileURL
    }

    var parent: URL { output.deletingLastPathComponent() }
    var tempPrefix: String { ".\(output.lastPathComponent).slasite-tmp-" }

    public enum WriteError: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String)
        /// The output folder may no longer be replaced (files appeared in it during the build).
        case refused(OutputFolder.Refusal)

        public var description: String {
            switch self {
            case let .refused(refusal): refusal.description
            case let .unsafePath(p): "refusing to write \"\(p)\" outside the output folder"
            case let .io(message): message
            }
        }
    }

    /// Writes `files` and swaps them in; on failure the previous output is untouched and the
    /// temporary folder removed.
    public func write(_ files: [OutputFile]) throws {
        for file in files where !file.isContained { throw WriteError.unsafePath(file.path) }
        let staging = try begin()
        do {
            let failures = LockedList<String>()
            _ = ParallelWork.map(files) { file in
                do { try staging.write(file) } catch { failures.append("\(error)") }
            }
            if let first = failures.elements.first { throw WriteError.io(first) }
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Starts a new output in a temporary sibling folder: write files into it (from any thread),
    /// then `commit` swaps it in, or `abandon` removes it and leaves the output as it was.
    public func begin() throws -> Staging {
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleTemporaries()
        let temp = parent.appendingPathComponent(tempPrefix + String(getpid()))
        try? fm.removeItem(at: temp)
        TemporaryFolderGuard.shared.register(temp.path)
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
        } catch {
            TemporaryFolderGuard.shared.unregister()
            throw error
        }
        _ = slasite_mark_top_directory(temp.path)  // see Staging.folder
        let staging = Staging(writer: self, temp: temp)
        do {
            try staging.write(OutputFile(path: OutputFolder.stampName, bytes: Array(OutputFolder.stampText.utf8)))
        } catch {
            staging.abandon()
            throw error
        }
        return staging
    }

    /// A new output being written; files may be written from several threads at once.
    public final class Staging: @unchecked Sendable {
        let writer: AtomicFolderWriter
        let temp: URL
        private let base: String
        private let lock = NSLock()
        /// Folders already created, relative to `temp`.
        private var folders: Set<String> = []
        private var finished = false
        /// Each worker thread's folder for making page folders in (see `folder`).
        private var workshops: [pthread_t: String] = [:]
        private var made = 0
        private var movesFolders = true
        static let workshopPrefix = ".slasite-making-"

        init(writer: AtomicFolderWriter, temp: URL) {
            self.writer = writer
            self.temp = temp
            base = temp.path
        }

        /// Writes one file, creating its folders as needed.
        public func write(_ file: OutputFile) throws {
            try write(path: file.path) { put in put(file.bytes) }
        }

        /// Writes the file at `path` from the pieces `make` hands over, each as it comes (a large
        /// file never whole in memory); the first failure is thrown once `make` returns.
        public func write(path: String, pieces make: (_ put: ([UInt8]) -> Void) -> Void) throws {
            guard OutputFile.isContained(path) else { throw WriteError.unsafePath(path) }
            if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                try folder(String(path[..<slash]))
            }
            let fd = open(base + "/" + path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw WriteError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            var failure: Int32 = 0
            make { piece in
                guard failure == 0, !Self.writeAll(fd, piece) else { return }
                failure = errno != 0 ? errno : EIO  // a write that wrote nothing is a failure too
            }
            if failure != 0 { throw WriteError.io("cannot write \(path): \(String(cString: strerror(failure)))") }
        }

        /// Writes all of `bytes` to `fd`; false on an error (`errno` says which).
        private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { buf -> Bool in
                var off = 0
                while off < buf.count {
                    let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                    if n <= 0 { return false }
                    off += n
                }
                return true
            }
        }

        /// Creates folder `rel` and its parents once.
        ///
        /// Top-level folders that hold folders (plans/, incidents/, badges/) hold thousands of page
        /// folders, which ext4 must spread over many inode groups instead of packing them into the
        /// few groups a deleted output just freed: on a file system without a journal each new
        /// inode is otherwise found by stepping over every recently freed one in its group, which
        /// made a build right after `rm -rf public` quadratic (docs/performance.md). So each
        /// worker makes those folders in a folder of its own marked as a top of hierarchy
        /// (`FS_TOPDIR_FL`), which spreads them, and moves each into place at once. Made in the
        /// shared top-level folder instead, the search for a group runs under that folder's lock,
        /// and the other worker spun on it: 12 % of a 40,000-incident build's time. Best effort
        /// and harmless elsewhere: where a move cannot refuse to replace, folders are made in place.
        private func folder(_ rel: String) throws {
            lock.lock()
            let known = folders.contains(rel)
            lock.unlock()
            if known { return }
            guard let slash = rel.utf8.lastIndex(of: UInt8(ascii: "/")) else {
                // Top level: created and marked under the lock, so no page folder goes in first.
                lock.lock()
                defer { lock.unlock() }
                if folders.contains(rel) { return }
                try make(rel)
                _ = slasite_mark_top_directory(base + "/" + rel)
                folders.insert(rel)
                return
            }
            let parent = rel[..<slash]
            try folder(String(parent))
            if !parent.utf8.contains(UInt8(ascii: "/")), let (workshop, n) = workshop() {
                try makeAndMove(rel, from: workshop + "/" + String(n))
            } else {
                try make(rel)
            }
            lock.lock()
            folders.insert(rel)
            lock.unlock()
        }

        /// This thread's folder for making page folders in (made and marked on first use), and a
        /// number for the next folder made there; nil where folders cannot be moved into place.
        private func workshop() -> (String, Int)? {
            let thread = pthread_self()
            lock.lock()
            defer { lock.unlock() }
            guard movesFolders else { return nil }
            made += 1
            if let path = workshops[thread] { return (path, made) }
            let path = base + "/" + Self.workshopPrefix + String(workshops.count)
            guard mkdir(path, 0o755) == 0 else { return nil }
            _ = slasite_mark_top_directory(path)
            workshops[thread] = path
            return (path, made)
        }

        /// Makes `rel` as `made`, then moves it into place. Where another worker moved the same
        /// folder into place first, that one stays and this one is removed.
        private func makeAndMove(_ rel: String, from made: String) throws {
            guard mkdir(made, 0o755) == 0 else {
                throw WriteError.io("cannot create folder \(rel): \(String(cString: strerror(errno)))")
            }
            if slasite_move_path_noreplace(made, base + "/" + rel) == 0 { return }
            let reason = errno
            rmdir(made)
            switch reason {
            case EEXIST: return
            case EINVAL, ENOSYS:
                // No move that refuses to replace here: make folders in place from now on.
                lock.lock()
                movesFolders = false
                lock.unlock()
                try make(rel)
            default:
                throw WriteError.io("cannot create folder \(rel): \(String(cString: strerror(reason)))")
            }
        }

        /// Removes the workers' folders (empty once every folder made there has moved).
        private func removeWorkshops() throws {
            lock.lock()
            let paths = Array(workshops.values)
            lock.unlock()
            for path in paths where rmdir(path) != 0 {
                throw WriteError.io("cannot remove \(path): \(String(cString: strerror(errno)))")
            }
        }

        private func make(_ rel: String) throws {
            if mkdir(base + "/" + rel, 0o755) != 0 && errno != EEXIST {
                throw WriteError.io("cannot create folder \(rel): \(String(cString: strerror(errno)))")
            }
        }

        /// Swaps the new output in.
        public func commit() throws {
            defer { finish() }
            try removeWorkshops()
            try writer.swapIn(temp)
        }

        /// Removes the new output; the previous one stays as it was.
        public func abandon() {
            try? FileManager.default.removeItem(at: temp)
            finish()
        }

        private func finish() {
            lock.lock()
            defer { lock.unlock() }
            if !finished { TemporaryFolderGuard.shared.unregister() }
            finished = true
        }
    }

    fileprivate func swapIn(_ temp: URL) throws {
        let fm = FileManager.default
        if let refusal = OutputFolder.recheck(permit) { throw WriteError.refused(refusal) }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw WriteError.io("\(output.path) exists and is not a folder") }
            if slasite_exchange_paths(temp.path, output.path) == 0 {
                // `temp` now holds the previous output.
                try? fm.removeItem(at: temp)
                return
            }
            // No atomic exchange on this file system: move the old folder aside, then rename.
            let old = parent.appendingPathComponent(tempPrefix + "old-" + String(getpid()))
            try? fm.removeItem(at: old)
            guard rename(output.path, old.path) == 0 else {
                throw WriteError.io("cannot move \(output.path) aside: \(String(cString: strerror(errno)))")
            }
            guard rename(temp.path, output.path) == 0 else {
                let message = String(cString: strerror(errno))
                _ = rename(old.path, output.path)
                throw WriteError.io("cannot move the new site into \(output.path): \(message)")
            }
            try? fm.removeItem(at: old)
        } else {
            guard rename(temp.path, output.path) == 0 else {
                throw WriteError.io("cannot move the new site into \(output.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes temporary folders left by builds that were killed (their process is gone).
    func removeStaleTemporaries() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(tempPrefix) {
            let rest = name.dropFirst(tempPrefix.count)
            let pidText = rest.hasPrefix("old-") ? rest.dropFirst(4) : rest
            guard let pid = Int32(pidText) else { continue }
            if pid == getpid() || kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }
}

/// Removes the temporary output folder when the process is interrupted (SIGINT, SIGTERM, SIGHUP).
final class TemporaryFolderGuard: @unchecked Sendable {
    static let shared = TemporaryFolderGuard()
    private let lock = NSLock()
    private var path: String?
    private var sources: [any DispatchSourceSignal] = []

    private init() {}

    func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        self.path = path
        guard sources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                self?.cleanUpAndExit(signal: sig)
            }
            source.resume()
            sources.append(source)
        }
    }

    func unregister() {
        lock.lock()
        path = nil
        lock.unlock()
    }

    private func cleanUpAndExit(signal sig: Int32) {
        lock.lock()
        let p = path
        lock.unlock()
        if let p { try? FileManager.default.removeItem(atPath: p) }
        _exit(128 + sig)
    }
}
