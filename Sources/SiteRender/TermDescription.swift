import SLACore
import SiteContent

/// Each SLA term described once (STYLE 14, issue 22): its key, how it decodes (with its
/// errors), the key its value is kept by (SLACore's `TermKey`, whose type says how levels and
/// revisions merge it), its fields in sla.json and their schema, its lines in a version's
/// change list, its rows on the version page, and the words of both with their shipped
/// translations. Every output reads `TermCatalog.all`, in its order (the version page in
/// `rowRank` order), and so do the parser, through `ParseOptions.terms` (`grammar`), and the
/// strings table, through `TermWords`; `TermCatalogTests` walks every term through every one of them.
///
/// Why here: the words and sla.json are SiteRender's, and SLACore's arithmetic and its tests
/// must read and merge terms without SiteContent or SiteRender. So a term's value is kept in
/// SLACore by its `TermKey` (declared next to the arithmetic that reads it, or here for a term
/// that only shows), and everything else about a term is its entry here. SiteContent cannot
/// import this module, so it gets the decoding passed in (`ParseOptions.standard`). A new term
/// is an entry here (and in `all`), its key and arithmetic if it changes a number, a template
/// only if the details page shows it beyond its row, and its tests (docs/content.md, "Adding a
/// term"). Not chosen: the description in SLACore (the words, PageFormat and sla.json would
/// have to move down into the pure core).
struct TermDescription: Sendable {
    /// The term's key, as content writes it (docs/spec.md §2 SLA terms).
    let key: String
    /// Every key it reads at a level, `key` first (a term may be written two ways).
    let keys: [String]
    /// The words its rows and change lines use (`s.word("term_credit_cap")`), with their
    /// German and French: strings like any other for a site's `strings` and i18n files.
    let words: [TermWord]
    /// How it decodes, with its errors: reads its keys from one level's mapping and writes what
    /// is set there (`terms[TermKeys.creditCap] = value`); its key's type merges it across levels.
    let decode: @Sendable (MappingReader, inout SLATerms) -> Void
    /// Its fields in a service object of sla.json and in a plan version's service.
    let fields: @Sendable (ResolvedTerms) -> [(String, JSONValue)]
    /// The schema of each of `fields`, the same keys in the same order.
    let schema: [(String, JSONValue)]
    /// "what: old → new" for each change of the term between two versions, in order.
    let changes: @Sendable (_ old: ResolvedTerms, _ new: ResolvedTerms, PageText) -> [String]
    /// Its rows on the version page, in words (none when the term has no row).
    let rows: @Sendable (ResolvedTerms, PageText) -> [VersionView.Row]
    /// Where its rows stand on the version page (ascending).
    let rowRank: Int
}

extension ParseOptions {
    /// Options whose SLA terms are the catalog's and whose strings are the theme's: what every
    /// parse of a real site uses.
    public static func standard(baseURL: String? = nil) -> ParseOptions {
        ParseOptions(baseURL: baseURL, terms: TermCatalog.grammar, strings: StringID.vocabulary)
    }
}
