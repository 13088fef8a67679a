/// Feeds and machine-readable outputs of SPEC §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        let items = FeedItems.items(context)
        var files = [
            OutputFile(path: JSONFeed.path, text: JSONFeed.document(items: items, context: context).serialized()),
            OutputFile(path: AtomFeed.path, text: AtomFeed.xml(items: items, context: context)),
            OutputFile(path: MaintenanceCalendar.path, text: MaintenanceCalendar.text(context)),
            OutputFile(path: SLASchema.path, text: SLASchema.document(urls: context.urls).serialized()),
        ]
        files += Badge.files(context)
        return files
    }
}
