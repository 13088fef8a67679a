import SLACore

/// `/feed.xml`, the feed's entries as Atom 1.0 (RFC 4287).
enum AtomFeed {
    static let path = "feed.xml"

    /// The Atom document for `items`, which must already be newest first.
    static func xml(items: [FeedItem], context: RenderContext) -> String {
        let config = context.site.config
        let feedURL = context.urls.absolute(context.urls.inLanguage(path))
        let home = context.urls.absolute(context.urls.home)
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += element("id", feedURL, indent: 1)
        out += element("title", config.title, indent: 1, attributes: [("type", "text")])
        out += element("subtitle", FeedText.description(provider: config.provider), indent: 1, attributes: [("type", "text")])
        out += link(rel: "self", type: "application/atom+xml", href: feedURL, indent: 1)
        out += link(rel: "alternate", type: "text/html", href: home, indent: 1)
        out += link(rel: "alternate", type: "application/feed+json", href: context.urls.absolute(context.urls.inLanguage(JSONFeed.path)), indent: 1)
        out += element("updated", feedUpdated(items: items, now: context.figures.now).rfc3339, indent: 1)
        out += "  <author>\n" + element("name", config.provider, indent: 2) + element("uri", home, indent: 2) + "  </author>\n"
        out += element("generator", "slasite", indent: 1)
        for item in items { out += entry(item) }
        out += "</feed>\n"
        return out
    }

    /// RFC 4287 §4.2.15: the latest change of any entry, but never later than *now*, so a
    /// scheduled window announced ahead does not date the feed in the future.
    static func feedUpdated(items: [FeedItem], now: Instant) -> Instant {
        guard let latest = items.map(\.updated).max() else { return now }
        return min(latest, now)
    }

    static func entry(_ item: FeedItem) -> String {
        var out = "  <entry>\n"
        out += element("id", item.id, indent: 2)
        out += element("title", item.title, indent: 2, attributes: [("type", "text")])
        out += link(rel: "alternate", type: "text/html", href: item.url, indent: 2)
        out += element("published", item.published.rfc3339, indent: 2)
        out += element("updated", item.updated.rfc3339, indent: 2)
        for tag in item.tags { out += "    <category term=\"\(XMLText.escape(tag))\"/>\n" }
        out += element("summary", item.summary, indent: 2, attributes: [("type", "text")])
        // Relative links in the report resolve against the entry's page.
        out += element("content", item.contentHTML, indent: 2, attributes: [("type", "html"), ("xml:base", item.url)])
        out += "  </entry>\n"
        return out
    }

    static func element(_ name: String, _ text: String, indent: Int, attributes: [(String, String)] = []) -> String {
        let attrs = attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
        return String(repeating: "  ", count: indent) + "<\(name)\(attrs)>\(XMLText.escape(text))</\(name)>\n"
    }

    static func link(rel: String, type: String, href: String, indent: Int) -> String {
        String(repeating: "  ", count: indent)
            + "<link rel=\"\(rel)\" type=\"\(type)\" href=\"\(XMLText.escape(href))\"/>\n"
    }
}
