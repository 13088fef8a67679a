/// A page's template context as layers, top first: what the layout shows of this page (its
/// title, crumbs: `LayoutView`), the navigation with the page's section marked (`NavView`), the
/// values every page of a build shares (the site's layout values and the `t` table for the
/// page's period), and the page's own values.
///
/// Merged into one dictionary, an upper layer's value winning, it is the context swift-mustache
/// renders (`merged`). Kept apart, a page's context is made without copying the shared values
/// into it, and a name that the shared layer answers at a template's top level renders the same
/// on every page of the build: `CompiledTemplates` renders such a tag once per shared layer
/// and reuses its bytes.
final class PageContext {
    /// The page's own values: a dictionary, or a view model's record. Told apart once, when
    /// the context is made, not on every lookup.
    enum Own {
        case values([String: Any])
        case record(TemplateRecord)

        func child(named name: String) -> Any? {
            switch self {
            case .values(let values): values[name]
            case .record(let record): record.child(named: name)
            }
        }
    }

    let top: TemplateRecord
    let nav: TemplateRecord
    let shared: SharedValues
    let own: Own

    init(top: TemplateRecord, nav: TemplateRecord, shared: SharedValues, own: Own) {
        // What `SharedValues.shadowed` holds is every name these two can answer.
        precondition(
            (top.layout === shared.topLayout || top.layout.names == shared.topLayout.names)
                && (nav.layout === shared.navLayout || nav.layout.names == shared.navLayout.names)
                && top.extra.isEmpty && nav.extra.isEmpty)
        self.top = top
        self.nav = nav
        self.shared = shared
        self.own = own
    }

    /// The value of top-level name `name`, looked for from the top layer down.
    func child(named name: String) -> Any? {
        if let value = top.child(named: name) { return value }
        if let value = nav.child(named: name) { return value }
        if let value = shared.values[name] { return value }
        return own.child(named: name)
    }

    /// The layers as one dictionary, an upper layer's value replacing a lower one's.
    func merged() -> [String: Any] {
        var out: [String: Any]
        switch own {
        case .values(let values): out = values
        case .record(let record):
            out = [:]
            record.add(to: &out)
        }
        out.reserveCapacity(out.count + shared.values.count + top.values.count + nav.values.count)
        for (name, value) in shared.values { out[name] = value }
        nav.add(to: &out)
        top.add(to: &out)
        return out
    }
}

/// The values every page of one build (and language) shares for one kind of period, and the
/// names a layer above them may answer instead on some page.
final class SharedValues {
    let values: [String: Any]
    /// The names of `LayoutView` and `NavView`: every name the layers above can hold. A name
    /// outside this set that `values` has is answered by `values` on every page.
    let shadowed: Set<String>
    let topLayout = RecordLayout.of(LayoutView.self)
    let navLayout = RecordLayout.of(NavView.self)

    init(values: [String: Any]) {
        self.values = values
        shadowed = Set(topLayout.names + navLayout.names)
    }
}
