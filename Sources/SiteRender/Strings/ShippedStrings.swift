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

    static let german = table(deTexts, words: \.de)
    static let french = table(frTexts, words: \.fr)

    /// A table by raw id as `StringOverrides` (a raw id that names no string is left out, and
    /// `ShippedStringsTests` fails on it), with the terms' words in that language (each term's
    /// description carries its own, `TermWord`).
    static func table(_ texts: [String: String], words: KeyPath<TermWord, String>) -> StringOverrides {
        var out = StringOverrides()
        for (raw, text) in texts {
            if let id = StringID(rawValue: raw) { out.texts[id] = text }
        }
        for word in TermWords.all { out.words[word.id] = word[keyPath: words] }
        return out
    }
}
