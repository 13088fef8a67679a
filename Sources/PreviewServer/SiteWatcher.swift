import Foundation
import SiteContent

#if canImport(Glibc)
    import Glibc
#endif

/// What changed between two scans of the watched inputs.
struct ChangeSet: Equatable, Sendable {
    var added: [String] = []
    var removed: [String] = []
    var modified: [String] = []

    var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }
    var all: [String] { (added + removed + modified).sorted() }

    /// Compares two scans; paths sorted in each list.
    static func between(_ old: [String: FileStamp], _ new: [String: FileStamp]) -> ChangeSet {
        var c = ChangeSet()
        for (path, stamp) in new {
            if let before = old[path] {
                if before != stamp { c.modified.append(path) }
            } else {
                c.added.append(path)
            }
        }
        for path in old.keys where new[path] == nil { c.removed.append(path) }
        c.added.sort()
        c.removed.sort()
        c.modified.sort()
        return c
    }
}

/// How much of the site a change can affect (STYLE: Zola's `detect_change_kind`).
enum ChangeKind: Equatable, Sendable {
    /// Nothing slasite reads.
    case none
    /// Only stylesheets of the theme: pages can refresh their CSS without reloading.
    case styles
    /// Content, configuration or templates: rebuild and reload.
    case site

    static func of(_ changes: ChangeSet, theme: String) -> ChangeKind {
        var kind = ChangeKind.none
        for path in changes.all {
            switch SourceKind.classify(path) {
            case .other: continue
            case let .theme(name, rel) where rel.hasSuffix(".css"):
                if name == theme && kind == .none { kind = .styles }
            case let .theme(name, _):
                if name == theme { return .site }
            default: return .site
            }
        }
        return kind
    }
}

/// Scans `site.yaml`, `content/` and `themes/` for changes by polling.
struct SiteWatcher: Sendable {
    let root: URL

    /// Stamps of every watched file, by path relative to the root.
    func scan() -> [String: FileStamp] { SiteLoader.scan(root: root) }
}

/// Sleeps until the kernel reports a change under the watched folders (Linux inotify), so the
/// watcher scans only after an event instead of stat-ing every file ten times a second.
final class ChangeWaiter: @unchecked Sendable {
    private let root: URL
    private let fd: Int32

    /// nil where inotify is not available; callers then poll.
    init?(root: URL) {
        #if os(Linux)
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            self.fd = fd
            self.root = root
            addWatches()
        #else
            return nil
        #endif
    }

    deinit { close(fd) }

    /// Watches the site folder and every folder under `content/` and `themes/` (again after
    /// each event, so new folders are watched too; re-adding a watch is a no-op).
    private func addWatches() {
        #if os(Linux)
            let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
            _ = inotify_add_watch(fd, root.path, mask)
            // The folders a scan walks: none behind a link that leads out of the site.
            for folder in ["content", "themes", "i18n"] {
                for dir in SiteLoader.folders(under: root.appendingPathComponent(folder)) {
                    _ = inotify_add_watch(fd, dir, mask)
                }
            }
        #endif
    }

    /// Waits up to `milliseconds` for events and drains them; true when something happened.
    func wait(milliseconds: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while read(fd, &buffer, buffer.count) > 0 {}
        addWatches()
        return true
    }
}
