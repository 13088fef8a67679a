import SLACore

/// The tables slasite ships besides English (docs/spec.md §2): complete `de` and `fr`, written
/// in the register of a contract. A language is matched by its code, then by its locale's
/// language (`de-AT` → `de`).
public enum ShippedStrings {
    public static func overrides(for language: Language) -> StringOverrides? {
        for tag in [language.code, language.locale] {
            let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
            switch primary {
            case "de": return german
            case "fr": return french
            case "en": return nil
            default: continue
            }
        }
        return nil
    }

    static let german = table(deTexts)
    static let french = table(frTexts)

    /// A table by raw id as `StringOverrides` (a raw id that names no string is left out, and
    /// `ShippedStringsTests` fails on it).
    static func table(_ texts: [String: String]) -> StringOverrides {
        var out = StringOverrides()
        for (raw, text) in texts {
            if let id = StringID(rawValue: raw) { out.texts[id] = text }
        }
        return out
    }
}
