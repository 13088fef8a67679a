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

    static let german = StringOverrides(texts: Dictionary(uniqueKeysWithValues: StringID.allCases.compactMap { id in de(id).map { (id, $0) } }))
    static let french = StringOverrides(texts: Dictionary(uniqueKeysWithValues: StringID.allCases.compactMap { id in fr(id).map { (id, $0) } }))
}
