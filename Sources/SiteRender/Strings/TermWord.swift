/// One word of an SLA term — a version-page label or value, a change line, a phrase they are
/// made of — with its English default and slasite's shipped German and French (docs/spec.md §2
/// `strings`). It is data in the term's description (`TermDescription.words`), so a new term
/// adds its words there, not to `StringID` and the shipped tables (docs/content.md, "Adding a
/// term"). A site overrides it like any string (`strings` in site.yaml, `i18n/<code>.yaml`),
/// checked against the same vocabulary (`StringID.vocabulary`); docs/themes.md lists it.
struct TermWord: Sendable {
    /// Its string id, e.g. `term_credit_cap` (`_one` / `_other` for the two forms of a count).
    let id: String
    let en: String
    let de: String
    let fr: String
    /// The ids of its quarter and year wordings (docs/spec.md §3 Periods), words of the same term.
    let quarterly: String?
    let yearly: String?

    init(_ id: String, _ en: String, de: String, fr: String, quarterly: String? = nil, yearly: String? = nil) {
        self.id = id
        self.en = en
        self.de = de
        self.fr = fr
        self.quarterly = quarterly
        self.yearly = yearly
    }
}

/// Every term's words, where the strings table keeps them: after the `StringID`s, in
/// `TermCatalog.all` order. Read only on version pages and change lists, so a word is found
/// by its id in a dictionary; the page words (`StringID`) keep their index by position.
enum TermWords {
    static let all: [TermWord] = TermCatalog.all.flatMap(\.words)
    /// A word's position in the table: `StringID.allCases.count` + its position in `all`.
    static let slot: [String: Int] = Dictionary(
        all.enumerated().map { ($1.id, StringID.allCases.count + $0) }, uniquingKeysWith: { first, _ in first })
}
