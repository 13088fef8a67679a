/// What a path under the source folder is, by docs/spec.md §1's layout.
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
    /// `i18n/<code>.yaml`: one language's strings (docs/spec.md §2).
    case i18n(String)
    /// `<name>.<code>.md` beside a content file: its text in language `code` (docs/spec.md §2
    /// Translations); `id` is the translated file's id (empty for the terms).
    case translation(TranslatedKind, id: String, code: String)
    /// A file slasite does not read.
    case other

    /// What a translation translates.
    public enum TranslatedKind: String, Sendable, Hashable {
        case terms, service, plan, incident
    }

    /// `business.de` → (`business`, `de`): a name with one dot whose part after it could be a
    /// language code. nil for anything else (then the name is an id, checked as such).
    static func translated(_ name: String) -> (id: String, code: String)? {
        // On UTF-8 bytes (a dot is one byte, so its index is a character boundary): every content
        // file's name goes through here on every build.
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), bytes.firstIndex(of: UInt8(ascii: ".")) == dot else { return nil }
        let id = String(name[..<dot]), code = String(name[name.utf8.index(after: dot)...])
        // The code is ASCII (checked byte by byte), so its bytes are its characters.
        guard !id.isEmpty, (2...12).contains(code.utf8.count), code.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 45 }) else { return nil }
        return (id, code)
    }

    public static func classify(_ path: String) -> SourceKind {
        let kind = classifyName(path)
        switch kind {
        case let .service(name): return translated(name).map { .translation(.service, id: $0.id, code: $0.code) } ?? kind
        case let .plan(name): return translated(name).map { .translation(.plan, id: $0.id, code: $0.code) } ?? kind
        case let .incident(name): return translated(name).map { .translation(.incident, id: $0.id, code: $0.code) } ?? kind
        default: return kind
        }
    }

    private static func classifyName(_ path: String) -> SourceKind {
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
        case 2 where parts[0] == "content" && parts[1].hasPrefix("terms.") && parts[1].hasSuffix(".md"):
            if let t = translated(String(parts[1].dropLast(3))), t.id == "terms" { return .translation(.terms, id: "", code: t.code) }
            return .other
        case 2 where parts[0] == "i18n" && parts[1].hasSuffix(".yaml"): return .i18n(String(parts[1].dropLast(5)))
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
