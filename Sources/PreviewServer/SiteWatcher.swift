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
    func scan() -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        if let s = SiteLoader.stamp(root.appendingPathComponent("site.yaml").path) { out["site.yaml"] = s }
        for folder in ["content", "themes"] {
            let base = root.appendingPathComponent(folder)
            for rel in SiteLoader.relativeFiles(under: base) {
                if let s = SiteLoader.stamp(base.path + "/" + rel) { out[folder + "/" + rel] = s }
            }
        }
        return out
    }
}
