import SLACore

/// A CLDR plural category (docs/spec.md §2 `strings`: `<id>_one`, `_few`, `_many`, `_other`).
public enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case one, few, many, other
}

/// CLDR's plural rules for whole numbers, by language: which form of a counted string a number
/// takes. One small table (docs/themes.md, *Plural forms*); a language not in it counts like
/// English (`one` for 1, `other` for the rest), which is also the fallback of every string.
public enum PluralRule: Sendable, Hashable {
    /// en, de, nl, sv, da, nb, it, es, …: 1 → one; else other.
    case oneOther
    /// fr, pt: 0 and 1 → one; a non-zero multiple of a million → many; else other.
    case french
    /// pl: 1 → one; 2–4, 22–24, … (not 12–14) → few; else many.
    case polish
    /// ru, uk: 1, 21, … (not 11) → one; 2–4, 22–24, … (not 12–14) → few; else many.
    case eastSlavic
    /// cs, sk: 1 → one; 2–4 → few; else other.
    case czech
    /// ja, zh, ko, th, vi, id: a single form.
    case otherOnly

    /// The rule of a BCP 47 tag or language code (`de-DE` → `oneOther`).
    public init(language: String) {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "fr", "pt": self = .french
        case "pl": self = .polish
        case "ru", "uk": self = .eastSlavic
        case "cs", "sk": self = .czech
        case "ja", "zh", "ko", "th", "vi", "id": self = .otherOnly
        default: self = .oneOther
        }
    }

    /// The category of the whole number `n` (CLDR plurals.xml, integer operand i = n, v = 0).
    public func category(_ n: Int) -> PluralCategory {
        let i = n.magnitude
        let mod10 = i % 10, mod100 = i % 100
        switch self {
        case .oneOther: return i == 1 ? .one : .other
        case .french: return i <= 1 ? .one : (i % 1_000_000 == 0 ? .many : .other)
        case .polish:
            if i == 1 { return .one }
            return (2...4).contains(mod10) && !(12...14).contains(mod100) ? .few : .many
        case .eastSlavic:
            if mod10 == 1 && mod100 != 11 { return .one }
            return (2...4).contains(mod10) && !(12...14).contains(mod100) ? .few : .many
        case .czech: return i == 1 ? .one : ((2...4).contains(i) ? .few : .other)
        case .otherOnly: return .other
        }
    }
}

/// The strings one source sets (site.yaml `strings`, one `i18n/<code>.yaml`, a shipped table):
/// texts by id, and the `_few`/`_many` forms of counted strings, by their `_other` id.
public struct StringOverrides: Sendable, Hashable {
    public var texts: [StringID: String]
    public var plurals: [StringID: [PluralCategory: String]]
    /// The terms' words (`TermWord`) by id, and their `_few` / `_many` forms by the `_other` id.
    var words: [String: String] = [:]
    var wordPlurals: [String: [PluralCategory: String]] = [:]

    public init(texts: [StringID: String] = [:], plurals: [StringID: [PluralCategory: String]] = [:]) {
        self.texts = texts
        self.plurals = plurals
    }

    public var isEmpty: Bool { texts.isEmpty && plurals.isEmpty && words.isEmpty && wordPlurals.isEmpty }

    /// Strings as a site wrote them (checked against the ids when read; an unknown one is left out).
    public init(_ written: WrittenStrings) {
        self.init()
        for (key, text) in written.texts {
            if let id = StringID(rawValue: key) {
                texts[id] = text
            } else if TermWords.slot[key] != nil {
                words[key] = text
            }
        }
        for (key, forms) in written.forms {
            for (name, text) in forms {
                guard let category = PluralCategory(rawValue: name) else { continue }
                if let id = StringID(rawValue: key) {
                    plurals[id, default: [:]][category] = text
                } else if TermWords.slot[key] != nil {
                    wordPlurals[key, default: [:]][category] = text
                }
            }
        }
    }
}
