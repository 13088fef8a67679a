import BuildSupport
/// Feeds and machine-readable outputs of docs/spec.md §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        feeds(context) + calendarAndSchema(context) + Badge.files(context)
    }

    /// feed.json and feed.xml, from one list of items.
    static func feeds(_ context: RenderContext) -> [OutputFile] {
        let sources = FeedItems.selection(context)
        // Both documents read their items, the site's titles and URLs, and *now*; each item is
        // built from what its source names (so the preview builds none while those are equal).
        let bytes = context.reuse.value(
            .machine, at: "feeds", for: FeedsInput(sources: sources.map { FeedItems.SourceInput($0, context) }, scope: context.scope)
        ) {
            let items = sources.map { FeedItems.build($0, context) }
            return [
                JSONFeed.document(items: items, context: context).bytes(),
                Array(AtomFeed.xml(items: items, context: context).utf8),
            ]
        }
        return [
            OutputFile(path: context.urls.inLanguage(JSONFeed.path), bytes: bytes[0]),
            OutputFile(path: context.urls.inLanguage(AtomFeed.path), bytes: bytes[1]),
        ]
    }

    /// maintenance.ics, claims.ics and status.json of the context's language; with the default
    /// language also sla.schema.json and status.json's schema (one for all languages).
    /// - Parameter claimsWritten: true when claims.ics was written in pieces already (left out here).
    static func calendarAndSchema(_ context: RenderContext, claimsWritten: Bool = false) -> [OutputFile] {
        let urls = context.urls
        var files = [
            OutputFile(path: urls.inLanguage(MaintenanceCalendar.path), text: MaintenanceCalendar.text(context)),
            OutputFile(path: urls.inLanguage(StatusJSON.path), bytes: StatusJSON.document(context).bytes()),
        ]
        if !claimsWritten {
            files.insert(OutputFile(path: urls.inLanguage(ClaimsCalendar.path), bytes: ClaimsCalendar.bytes(context)), at: 1)
        }
        if context.isDefaultLanguage {
            files.insert(OutputFile(path: SLASchema.path, bytes: SLASchema.document(urls: urls, languages: context.languages.count > 1).bytes()), at: 2)
            files.append(OutputFile(path: StatusJSON.schemaPath, bytes: StatusJSON.schema(urls: urls).bytes()))
        }
        return files
    }
}

/// What both feeds are written from (the key of their kept bytes).
struct FeedsInput: Equatable, Sendable {
    var sources: [FeedItems.SourceInput]
    var scope: SiteScope
}
