/// Feeds and machine-readable outputs of SPEC §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        let items = FeedItems.items(context)
        var files = [
            OutputFile(path: JSONFeed.path, bytes: JSONFeed.document(items: items, context: context).bytes()),
            OutputFile(path: AtomFeed.path, text: AtomFeed.xml(items: items, context: context)),
            OutputFile(path: MaintenanceCalendar.path, text: MaintenanceCalendar.text(context)),
            OutputFile(path: SLASchema.path, bytes: SLASchema.document(urls: context.urls).bytes()),
        ]
        files += Badge.files(context)
        return files
    }
}
