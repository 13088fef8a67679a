import SLACore

/// The SLA terms a level may carry (docs/spec.md §2) — their keys and how each is read — as the term
/// descriptions give them. SiteContent knows no term: each term is described once, in
/// SiteRender's `TermCatalog` (which also writes sla.json, its schema, the change lists and the
/// version pages), and the descriptions reach the parser through `ParseOptions.terms`, since
/// SiteContent cannot import the module the outputs live in.
public struct TermGrammar: Sendable, Hashable {
    /// One term: the keys it reads at a level and how it reads them into the written terms.
    package struct Term: Sendable {
        package let keys: [String]
        package let read: @Sendable (MappingReader, inout SLATerms) -> Void

        package init(keys: [String], read: @escaping @Sendable (MappingReader, inout SLATerms) -> Void) {
            self.keys = keys
            self.read = read
        }
    }

    package let terms: [Term]
    /// Every key of every term, in the descriptions' order (for "unknown key" and "did you mean").
    package let keys: [String]

    package init(_ terms: [Term]) {
        self.terms = terms
        keys = terms.flatMap(\.keys)
    }

    /// The terms a level writes, read from `reader` (which must allow `keys`).
    func decode(_ reader: MappingReader) -> SLATerms {
        var written = SLATerms()
        for term in terms { term.read(reader, &written) }
        return written
    }

    // A grammar is its descriptions, constant in a process: its keys stand for it.
    public static func == (a: TermGrammar, b: TermGrammar) -> Bool { a.keys == b.keys }
    public func hash(into h: inout Hasher) { h.combine(keys) }
}
