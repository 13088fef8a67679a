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
        var bytes: [[UInt8]]
        if let cache = context.jsonCache {
            // Preview: both feeds are kept under a digest of what their items are made from.
            var h = Hasher()
            h.combine("feeds")
            h.combine(context.sharedInputsKey)
            for source in selection {
                switch source {
                case .revision(let item): h.combine(item.id)
                case .incident(let k): context.combine(incident: k, into: &h)
                case .missed(let p, let s, let m):
                    h.combine(p)
                    h.combine(s)
                    h.combine(context.figures.plans[p][s].months[m])
                }
            }
            let key = h.finalize()
            if let json = cache.fragment(key), let atom = cache.fragment(key &+ 1) {
                bytes = [json, atom]
            } else {
                bytes = make()
                cache.store(key, bytes[0])
                cache.store(key &+ 1, bytes[1])
            }
        } else {
            bytes = make()
        }
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
