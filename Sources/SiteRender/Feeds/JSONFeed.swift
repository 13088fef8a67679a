import SLACore

/// `/feed.json`, JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeed {
    static let path = "feed.json"

    /// The feed document for `items`, which must already be newest first.
    static func document(items: [FeedItem], context: RenderContext) -> JSONValue {
        let config = context.site.config
        return .object([
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string(config.title)),
            ("description", .string(FeedText.description(provider: config.provider))),
            ("home_page_url", .string(context.urls.absolute(context.urls.home))),
            ("feed_url", .string(context.urls.absolute(context.urls.inLanguage(path)))),
            ("authors", .array([.object([("name", .string(config.provider)), ("url", .string(config.baseURL))])])),
            ("items", .array(items.map(item))),
        ])
    }

    static func item(_ item: FeedItem) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(item.id)),
            ("url", .string(item.url)),
            ("title", .string(item.title)),
            ("summary", .string(item.summary)),
            ("content_html", .string(item.contentHTML)),
            ("date_published", .string(item.published.rfc3339)),
        ]
        if let modified = item.modified { pairs.append(("date_modified", .string(modified.rfc3339))) }
        pairs.append(("tags", .array(item.tags.map(JSONValue.string))))
        // JSON Feed §extensions: custom keys start with an underscore.
        pairs.append(("_sla", item.facts))
        return .object(pairs)
    }
}

/// Wording shared by both feeds.
enum FeedText {
    static func description(provider: String) -> String {
        "\(provider): incidents, maintenance windows, plan revisions and missed service levels"
    }
}
