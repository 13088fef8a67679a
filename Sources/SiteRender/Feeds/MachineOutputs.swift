/// Feeds and machine-readable outputs of SPEC §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        feeds(context) + calendarAndSchema(context) + Badge.files(context)
    }

    /// feed.json and feed.xml, from one list of items.
    static func feeds(_ context: RenderContext) -> [OutputFile] {
        let selection = FeedItems.selection(context)
        func make() -> [[UInt8]] {
            let items = selection.map { FeedItems.build($0, context) }
            return [
                JSONFeed.document(items: items, context: context).bytes(),
                Array(AtomFeed.xml(items: items, context: context).utf8),
            ]
        }
        let bytes = make()
        return [OutputFile(path: JSONFeed.path, bytes: bytes[0]), OutputFile(path: AtomFeed.path, bytes: bytes[1])]
    }

    /// maintenance.ics and sla.schema.json.
    static func calendarAndSchema(_ context: RenderContext) -> [OutputFile] {
        [
            OutputFile(path: MaintenanceCalendar.path, text: MaintenanceCalendar.text(context)),
            OutputFile(path: SLASchema.path, bytes: SLASchema.document(urls: context.urls).bytes()),
        ]
    }
}
