import SLACore

/// One entry shared by the JSON Feed and the Atom feed (docs/spec.md §4 `/feed.json`, `/feed.xml`).
struct FeedItem: Sendable, Equatable {
    /// What the entry reports; the raw value is its first tag.
    enum Kind: String, Sendable, CaseIterable {
        case incident
        case revision
        case missedObjective = "missed-objective"
    }

    var kind: Kind
    /// Unique and stable across builds: an absolute URL with a fragment naming the entry.
    var id: String
    /// Absolute URL of the page the entry points to.
    var url: String
    var title: String
    /// Plain text.
    var summary: String
    var contentHTML: String
    var published: Instant
    var modified: Instant?
    var tags: [String]
    /// Machine-readable facts, published as the JSON Feed extension `_sla`.
    var facts: JSONValue

    /// When the entry last changed: `modified`, else `published`.
    var updated: Instant { modified ?? published }
}
