/// Feeds and machine-readable outputs of SPEC §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        let items = FeedItems.items(context)
        var files = [
            OutputFile(path: JSONFeed.path, bytes: JSONFeed.document(items: items, context: context).bytes()),
            OutputFile(path: AtomFeed.path, text: AtomFeed.xml(items: items, context: context)),
            OutputFile(path: MaintenanceCalendar.path, bytes: calendar(context)),
            OutputFile(path: SLASchema.path, bytes: SLASchema.document(urls: context.urls).bytes()),
        ]
        files += Badge.files(context)
        return files
    }

    /// maintenance.ics, reused in preview while the maintenance windows and shared inputs are unchanged.
    private static func calendar(_ context: RenderContext) -> [UInt8] {
        guard let cache = context.jsonCache else { return Array(MaintenanceCalendar.text(context).utf8) }
        var h = Hasher()
        h.combine(MaintenanceCalendar.path)
        h.combine(context.sharedInputsKey)
        h.combine(context.figures.now)
        for (k, incident) in context.site.incidents.enumerated() where incident.impact == .maintenance {
            context.combine(incident: k, into: &h)
        }
        return cache.bytes(h.finalize()) { Array(MaintenanceCalendar.text(context).utf8) }
    }
}
