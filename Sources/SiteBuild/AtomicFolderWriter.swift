import CSystemShims
import Foundation
import SiteRender

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a whole site into a temporary sibling folder and swaps it in by rename (SPEC §5), so
/// the output folder always holds either the previous build or the new one, never a mix.
public struct AtomicFolderWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var parent: URL { output.deletingLastPathComponent() }
    var tempPrefix: String { ".\(output.lastPathComponent).slasite-tmp-" }

    public enum WriteError: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String)

        public var description: String {
            switch self {
            case let .unsafePath(p): "refusing to write \"\(p)\" outside the output folder"
            case let .io(message): message
            }
        }
    }

    /// Writes `files` and swaps them in; on failure the previous output is untouched and the
    /// temporary folder removed.
    public func write(_ files: [OutputFile]) throws {
        for file in files where !file.isContained { throw WriteError.unsafePath(file.path) }
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleTemporaries()
        let temp = parent.appendingPathComponent(tempPrefix + String(getpid()))
        try? fm.removeItem(at: temp)
        TemporaryFolderGuard.shared.register(temp.path)
        defer { TemporaryFolderGuard.shared.unregister() }
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
            _ = slasite_mark_top_directory(temp.path)  // see writeAll
            try writeAll(files, into: temp)
            try swapIn(temp)
        } catch {
            try? fm.removeItem(at: temp)
            throw error
        }
    }

    private func writeAll(_ files: [OutputFile], into folder: URL) throws {
        // Create folders first (serially), then write files on all cores.
        var dirs: Set<String> = []
        for f in files {
            var comps = f.path.split(separator: "/").dropLast()
            while !comps.isEmpty {
                dirs.insert(comps.joined(separator: "/"))
                comps = comps.dropLast()
            }
        }
        // Level by level (a folder's parent exists before it), each level on all cores.
        let byDepth = Dictionary(grouping: dirs) { $0.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
        // Folders that hold folders (plans/, plans/<plan>/, incidents/ …) are marked as tops of
        // hierarchies, so ext4 spreads the thousands of page folders over many inode groups
        // rather than packing them into the few groups a deleted output just freed: on a file
        // system without a journal, each new inode is otherwise found by stepping over every
        // recently freed one in its group, which made rebuilds after `rm -rf public` quadratic
        // (docs/performance.md). Best effort and harmless elsewhere.
        let parents = Set(dirs.compactMap { d in d.lastIndex(of: "/").map { String(d[..<$0]) } })
        let dirFailures = ResultCollector()
        for depth in byDepth.keys.sorted() {
            let level = byDepth[depth]!.sorted()
            DispatchQueue.concurrentPerform(iterations: min(level.count, ProcessInfo.processInfo.activeProcessorCount * 2)) { w in
                let stride = min(level.count, ProcessInfo.processInfo.activeProcessorCount * 2)
                var i = w
                while i < level.count {
                    if mkdir(folder.path + "/" + level[i], 0o755) != 0 && errno != EEXIST {
                        dirFailures.add("cannot create folder \(level[i]): \(String(cString: strerror(errno)))")
                    }
                    i += stride
                }
            }
            if let first = dirFailures.first { throw WriteError.io(first) }
            for d in level where parents.contains(d) { _ = slasite_mark_top_directory(folder.path + "/" + d) }
        }
        let failures = ResultCollector()
        let base = folder.path
        DispatchQueue.concurrentPerform(iterations: max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount * 2))) { w in
            var i = w
            let stride = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount * 2))
            while i < files.count {
                let f = files[i]
                let path = base + "/" + f.path
                let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if fd < 0 {
                    failures.add("cannot write \(f.path): \(String(cString: strerror(errno)))")
                } else {
                    let ok = f.bytes.withUnsafeBytes { buf -> Bool in
                        var off = 0
                        while off < buf.count {
                            let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                            if n <= 0 { return false }
                            off += n
                        }
                        return true
                    }
                    if !ok { failures.add("cannot write \(f.path): \(String(cString: strerror(errno)))") }
                    close(fd)
                }
                i += stride
            }
        }
        if let first = failures.first { throw WriteError.io(first) }
    }

    private func swapIn(_ temp: URL) throws {
        let fm = FileManager.default
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

/// Thread-safe list of failure messages.
final class ResultCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return messages.first
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
