/// What a path under the source folder is, by SPEC §1's layout.
public enum SourceKind: Sendable, Hashable {
    case config
    case terms
    case service(String)
    case plan(String)
    case incident(String)
    case measurements
    /// `content/status/samples/<service>.csv`: request samples of one service.
    case samples(String)
    /// A theme file: `themes/<theme>/<relative path>`.
    case theme(String, String)
    /// A file slasite does not read.
    case other

    public static func classify(_ path: String) -> SourceKind {
        // Incidents are most of a large site's files: recognise them without splitting the path.
        let incidents = "content/status/incidents/"
        if path.hasPrefix(incidents) && path.hasSuffix(".md") {
            let name = path.utf8.dropFirst(incidents.utf8.count).dropLast(3)
            if !name.isEmpty && !name.contains(UInt8(ascii: "/")) { return .incident(String(Substring(name))) }
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where parts[0] == "site.yaml": return .config
        case 2 where parts == ["content", "terms.md"]: return .terms
        case 3 where parts[0] == "content" && parts[2].hasSuffix(".md"):
            let id = String(parts[2].dropLast(3))
            if parts[1] == "services" { return .service(id) }
            if parts[1] == "plans" { return .plan(id) }
            return .other
        case 3 where parts == ["content", "status", "measurements.csv"]: return .measurements
        case 4 where parts[0] == "content" && parts[1] == "status" && parts[2] == "incidents" && parts[3].hasSuffix(".md"):
            return .incident(String(parts[3].dropLast(3)))
        case 4 where parts[0] == "content" && parts[1] == "status" && parts[2] == "samples" && parts[3].hasSuffix(".csv"):
            return .samples(String(parts[3].dropLast(4)))
        default:
            if parts.count >= 3, parts[0] == "themes" {
                return .theme(parts[1], parts[2...].joined(separator: "/"))
            }
            return .other
        }
    }
}
