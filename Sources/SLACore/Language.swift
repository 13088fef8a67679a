/// docs/spec.md §2 `languages`: one language of a site. The first of a site's languages is its
/// default: its pages are at the site's root, every other one's under `/<code>/`.
public struct Language: Sendable, Hashable {
    /// As in the URL (`de`).
    public var code: String
    /// As the language menu shows it (`Deutsch`).
    public var name: String
    /// A BCP 47 tag for numbers, dates and zone names (`de-DE`), and `<html lang>`.
    public var locale: String

    public init(code: String, name: String, locale: String) {
        self.code = code
        self.name = name
        self.locale = locale
    }

    /// The default of `languages`: `[{code: en, name: English, locale: en}]`.
    public static let english = Language(code: "en", name: "English", locale: "en")
}

/// The text of one content file in another language (docs/spec.md §2 Translations): its title,
/// summary, text fields and body. Each nil field keeps the default language's text.
public struct TextTranslation: Sendable, Hashable {
    public var title: String?
    public var summary: String?
    public var measurement: String?
    public var price: String?
    public var exclusions: [String]?
    public var body: String?
    /// The notes of an incident's `updates` or a plan's `revisions`, by position in the original's
    /// list (time order, oldest first): a nil entry, and every one past the end, keeps the
    /// original's note.
    public var notes: [String?]?

    public init(
        title: String? = nil, summary: String? = nil, measurement: String? = nil, price: String? = nil,
        exclusions: [String]? = nil, body: String? = nil, notes: [String?]? = nil
    ) {
        self.title = title
        self.summary = summary
        self.measurement = measurement
        self.price = price
        self.exclusions = exclusions
        self.body = body
        self.notes = notes
    }
}

/// Every translated content file of one language, by the id of the file it translates.
public struct SiteTranslation: Sendable, Hashable {
    public var terms: TextTranslation?
    public var services: [String: TextTranslation] = [:]
    public var plans: [String: TextTranslation] = [:]
    public var incidents: [String: TextTranslation] = [:]

    public init() {}
}

extension Site {
    /// The site as language `code` shows it: each translated file's text in place of the
    /// default language's, everything else (terms, dates, status data, every number) the
    /// same value. A file without a translation keeps the default language's text.
    public func localized(_ code: String) -> Site {
        guard code != config.languages[0].code else { return self }
        var out = self
        // Every title starts as the default language's, marked so; a translation's replaces it.
        for k in out.incidents.indices { out.incidents[k].titleLanguage = config.languages[0].locale }
        guard let t = translations[code] else { return out }
        if let terms = t.terms {
            out.terms.title = terms.title ?? out.terms.title
            out.terms.body = terms.body ?? out.terms.body
        }
        if !t.services.isEmpty {
            for k in out.services.indices {
                guard let s = t.services[out.services[k].id] else { continue }
                out.services[k].title = s.title ?? out.services[k].title
                out.services[k].summary = s.summary ?? out.services[k].summary
                out.services[k].measurement = s.measurement ?? out.services[k].measurement
                out.services[k].exclusions = s.exclusions ?? out.services[k].exclusions
                out.services[k].body = s.body ?? out.services[k].body
            }
        }
        if !t.plans.isEmpty {
            for k in out.plans.indices {
                guard let p = t.plans[out.plans[k].id] else { continue }
                out.plans[k].title = p.title ?? out.plans[k].title
                out.plans[k].summary = p.summary ?? out.plans[k].summary
                out.plans[k].price = p.price ?? out.plans[k].price
                out.plans[k].body = p.body ?? out.plans[k].body
                Self.translate(&out.plans[k].revisions, notes: p.notes, at: \.note)
            }
        }
        if !t.incidents.isEmpty {
            for k in out.incidents.indices {
                guard let i = t.incidents[out.incidents[k].id] else { continue }
                if let title = i.title {
                    out.incidents[k].title = title
                    out.incidents[k].titleLanguage = nil
                }
                out.incidents[k].body = i.body ?? out.incidents[k].body
                Self.translate(&out.incidents[k].updates, notes: i.notes, at: \.note)
            }
        }
        out.translations = [:]
        return out
    }

    /// The n-th note of a translation in place of the n-th item's (`nil`: the original's kept):
    /// a plan's revisions and an incident's updates are translated by position alike.
    private static func translate<Item>(_ items: inout [Item], notes: [String?]?, at note: WritableKeyPath<Item, String>) {
        for (n, text) in (notes ?? []).enumerated() where n < items.count {
            if let text { items[n][keyPath: note] = text }
        }
    }
}

/// Strings as a site writes them (site.yaml `strings`, one `i18n/<code>.yaml`): texts by string
/// id, and the `_few` / `_many` forms of counted strings by their `_other` id and the CLDR
/// category's name. Plain data: which ids exist, their defaults and their placeholders are the
/// theme's (SiteRender's `StringID`), which checks them when the site is read.
public struct WrittenStrings: Sendable, Hashable {
    public var texts: [String: String]
    public var forms: [String: [String: String]]

    public init(texts: [String: String] = [:], forms: [String: [String: String]] = [:]) {
        self.texts = texts
        self.forms = forms
    }

    public var isEmpty: Bool { texts.isEmpty && forms.isEmpty }
}
