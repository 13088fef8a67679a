import SLACore

/// Each language's strings (docs/spec.md §2 `strings`, `i18n/<code>.yaml`, §4 Languages).
///
/// The default language: the English defaults, then slasite's own table for it (`de`, `fr`),
/// then its `i18n/<code>.yaml`, then site.yaml's `strings`. Any other language: its own
/// table and its `i18n/<code>.yaml` over the default language's, so a string nobody translated
/// is shown as the default language says it (English, string by string, for a language slasite
/// ships no table for). Counted strings follow the language's CLDR plural rule.
public enum LanguageStrings {
    /// The table of `config.languages[index]`.
    public static func table(for index: Int, of config: SiteConfig) -> StringTable {
        let languages = config.languages
        let first = languages[0]
        let defaultLayers = [ShippedStrings.overrides(for: first), config.i18n[first.code].map(StringOverrides.init), StringOverrides(config.strings)]
            .compactMap { $0 }
        let defaultTable = StringTable(StringTable(), layers: defaultLayers, rule: PluralRule(language: first.locale))
        guard index > 0 else { return defaultTable }
        let language = languages[index]
        let layers = [ShippedStrings.overrides(for: language), config.i18n[language.code].map(StringOverrides.init)].compactMap { $0 }
        return StringTable(defaultTable, layers: layers, rule: PluralRule(language: language.locale))
    }

    /// The ids (the terms' words included) language `index` shows in the default language's words (nothing sets them for
    /// it): what `check` warns about. Empty for the default language.
    public static func untranslated(_ index: Int, of config: SiteConfig) -> [String] {
        guard index > 0 else { return [] }
        let language = config.languages[index]
        let layers = [ShippedStrings.overrides(for: language), config.i18n[language.code].map(StringOverrides.init)].compactMap { $0 }
        return StringID.allCases.filter { !StringTable.sets($0, in: layers) }.map(\.rawValue)
            + TermWords.all.map(\.id).filter { !StringTable.sets(word: $0, in: layers) }
    }
}
