import BuildSupport
/// Feeds and machine-readable outputs of SPEC §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        feeds(context) + calendarAndSchema(context) + Badge.files(context)
    }

    /// feed.json and feed.xml, from one list of items.
    static func feeds(_ context: RenderContext) -> [OutputFile] {
        let items = FeedItems.selection(context).map { FeedItems.build($0, context) }
        // Both documents read their items, the site's titles and URLs, and *now*.
        let bytes = context.reuse.value(.machine, at: "feeds", for: FeedsInput(items: items, scope: context.scope)) {
            [
                JSONFeed.document(items: items, context: context).bytes(),
                Array(AtomFeed.xml(items: items, context: context).utf8),
            ]
        }
        return [OutputFile(path: JSONFeed.path, bytes: bytes[0]), OutputFile(path: AtomFeed.path, bytes: bytes[1])]
    }

    /// maintenance.ics, claims.ics, sla.schema.json, status.json and its schema.
    static func calendarAndSchema(_ context: RenderContext) -> [OutputFile] {
        [
            OutputFile(path: MaintenanceCalendar.path, text: MaintenanceCalendar.text(context)),
            OutputFile(path: ClaimsCalendar.path, bytes: ClaimsCalendar.bytes(context)),
            OutputFile(path: SLASchema.path, bytes: SLASchema.document(urls: context.urls).bytes()),
            OutputFile(path: StatusJSON.path, bytes: StatusJSON.document(context).bytes()),
            OutputFile(path: StatusJSON.schemaPath, bytes: StatusJSON.schema(urls: context.urls).bytes()),
        ]
    }
}

/// What both feeds are written from (the key of their kept bytes).
struct FeedsInput: Equatable, Sendable {
    var items: [FeedItem]
    var scope: SiteScope
}
