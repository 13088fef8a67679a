/// Feeds and machine-readable outputs of SPEC §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        feeds(context) + calendarAndSchema(context) + Badge.files(context)
    }

    /// feed.json and feed.xml, from one list of items.
    static func feeds(_ context: RenderContext) -> [OutputFile] {
        let items = FeedItems.items(context)
        return [
            OutputFile(path: JSONFeed.path, bytes: JSONFeed.document(items: items, context: context).bytes()),
            OutputFile(path: AtomFeed.path, text: AtomFeed.xml(items: items, context: context)),
        ]
    }

    /// maintenance.ics and sla.schema.json.
    static func calendarAndSchema(_ context: RenderContext) -> [OutputFile] {
        [
            OutputFile(path: MaintenanceCalendar.path, bytes: calendar(context)),
            OutputFile(path: SLASchema.path, bytes: SLASchema.document(urls: context.urls).bytes()),
        ]
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
