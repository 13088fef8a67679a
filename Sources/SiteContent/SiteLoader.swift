import Foundation

/// Reads a site's source files from disk: `site.yaml`, `content/` and `themes/`.
public enum SiteLoader {
    /// Every regular, non-hidden file under the site's inputs, paths relative to `root`, sorted.
    public static func load(root: URL) throws -> [SourceFile] {
        var files: [SourceFile] = []
        let fm = FileManager.default
        let config = root.appendingPathComponent("site.yaml")
        if fm.fileExists(atPath: config.path) {
            files.append(SourceFile(path: "site.yaml", bytes: try readBytes(config)))
        }
        for folder in ["content", "themes"] {
            for path in relativeFiles(under: root.appendingPathComponent(folder)) {
                let url = root.appendingPathComponent(folder).appendingPathComponent(path)
                files.append(SourceFile(path: folder + "/" + path, bytes: try readBytes(url)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Paths of regular files under `folder`, relative to it, skipping hidden names.
    public static func relativeFiles(under folder: URL) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { return [] }
        var out: [String] = []
        var stack: [String] = [""]
        while let rel = stack.popLast() {
            let dir = rel.isEmpty ? folder : folder.appendingPathComponent(rel)
            guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            for name in names where !name.hasPrefix(".") {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                var childIsDir: ObjCBool = false
                guard fm.fileExists(atPath: folder.appendingPathComponent(childRel).path, isDirectory: &childIsDir) else {
                    continue
                }
                if childIsDir.boolValue { stack.append(childRel) } else { out.append(childRel) }
            }
        }
        return out.sorted()
    }

    static func readBytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
