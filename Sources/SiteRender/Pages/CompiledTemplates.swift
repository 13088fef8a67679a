import BuildSupport
import Mustache

/// The theme's templates as swift-mustache parsed them, rendered without its per-token costs.
///
/// swift-mustache stays the parser (so whitespace, standalone lines, partials and inheritance
/// mean exactly what they mean there) and the renderer of anything unusual. Its renderer looks
/// every name up through several dynamic protocol casts, splits dotted names on each lookup and
/// builds each page by string concatenation; on the benchmark site that was 38 % of all build
/// time. This file walks the same token tree (read once per build through `Mirror`, since the
/// tokens are internal to the library) with fast paths for the values pages are made of
/// (`String`, `Bool`, numbers, `[String: Any]`, view model records and arrays of them),
/// writing bytes into one buffer. Whatever it does not know — lambdas, transforms other than a section's
/// `first()`/`last()`/`index()`/`even()`/`odd()`, dynamic partials, custom value types — ends
/// the fast attempt (`Unsupported`) and the page is rendered by swift-mustache instead.
/// `CompiledTemplatesTests` renders every page of the example site and the fixtures both ways
/// and requires identical bytes.
struct CompiledTemplates: @unchecked Sendable {
    /// One token of a template. A class with constant fields, so walking a page's tokens borrows
    /// them instead of copying each token's payload (the copies' reference counting was a third
    /// of the walk's time).
    final class Node {
        enum Kind { case text, variable, section, partial, block, contentType }
        let kind: Kind
        /// `.text`: its bytes.
        let bytes: [UInt8]
        /// `.variable`, `.section`.
        let name: Name!
        /// `.variable`: escaped; `.section`: inverted.
        let flag: Bool
        /// `.section`'s body, `.block`'s fallback.
        let body: [Node]
        /// `.partial`, `.block`: the template's or block's name.
        let target: String
        /// `.partial`, `.block`.
        let indentation: String?
        /// `.partial`: the blocks it overrides.
        let inherits: [String: [Node]]?
        /// `.contentType`.
        let contentType: ContentType
        /// `.variable` at a template's top level whose name the page's shared values answer:
        /// the shared values it was rendered with, and its bytes (nil: not such a tag). Written
        /// only in a rendering thread's own copy of the templates (`Frame.memoizes`).
        var memoShared: SharedValues?
        var memoEscaping = ContentType.MemoKey.html
        var memoBytes: [UInt8]?

        private init(
            _ kind: Kind, bytes: [UInt8] = [], name: Name? = nil, flag: Bool = false, body: [Node] = [], target: String = "",
            indentation: String? = nil, inherits: [String: [Node]]? = nil, contentType: ContentType = .html
        ) {
            self.kind = kind
            self.bytes = bytes
            self.name = name
            self.flag = flag
            self.body = body
            self.target = target
            self.indentation = indentation
            self.inherits = inherits
            self.contentType = contentType
        }

        static func text(_ bytes: [UInt8]) -> Node { Node(.text, bytes: bytes) }
        static func variable(_ name: Name, escaped: Bool) -> Node { Node(.variable, name: name, flag: escaped) }
        static func section(_ name: Name, inverted: Bool, body: [Node]) -> Node {
            Node(.section, name: name, flag: inverted, body: body)
        }
        static func partial(_ target: String, indentation: String?, inherits: [String: [Node]]?) -> Node {
            Node(.partial, target: target, indentation: indentation, inherits: inherits)
        }
        static func block(_ target: String, fallback: [Node], indentation: String?) -> Node {
            Node(.block, body: fallback, target: target, indentation: indentation)
        }
        static func contentType(_ type: ContentType) -> Node { Node(.contentType, contentType: type) }

        /// A copy sharing no storage with this one (its own reference counts: see `perThread`).
        func copy() -> Node {
            Node(
                kind, bytes: bytes.withUnsafeBufferPointer { Array($0) }, name: name?.copy(), flag: flag,
                body: body.map { $0.copy() }, target: TemplateCopy.string(target), indentation: indentation.map(TemplateCopy.string),
                inherits: inherits?.mapValues { $0.map { $0.copy() } }, contentType: contentType)
        }
    }

    /// A name's slot in the layout of the record it was last looked up in: a record of the same
    /// layout answers it without comparing names.
    /// A class, so a lookup that finds its layout unchanged only reads it.
    final class SlotCache {
        private var layout: RecordLayout?
        private var slot: Int?

        func child(named name: String, of record: TemplateRecord) -> Any? {
            if layout !== record.layout {
                layout = record.layout
                slot = record.layout.slot(named: name)
            }
            return record.child(named: name, slot: slot)
        }
    }

    /// A name as swift-mustache resolves it (`Template+Render.swift`, `getChild`).
    final class Name {
        enum Kind { case current, sequence, relative, stack }
        let kind: Kind
        let path: [String]
        let transforms: [String]

        private init(kind: Kind, path: [String], transforms: [String]) {
            self.kind = kind
            self.path = path
            self.transforms = transforms
        }

        func copy() -> Name { Name(kind: kind, path: path.map(TemplateCopy.string), transforms: transforms.map(TemplateCopy.string)) }

        /// What this name knows of the page layers it was last looked up in (`pageLookup`);
        /// written only in a rendering thread's own copy of the templates.
        var known: Known?
        /// Its slot in the innermost record it was last looked up in; the same rule.
        let innermost = SlotCache()

        final class Known {
            enum Layer { case upper, shared, own }
            /// The shared values this holds for.
            let shared: SharedValues
            /// The layer that answers the name: one above the shared values (it may or may
            /// not, page by page), the shared values, or the page's own values.
            let layer: Layer
            /// `.shared`: the answer (the whole dotted name's).
            let value: Any?
            /// `.own`: its slot in the page's record.
            let own = SlotCache()

            init(shared: SharedValues, layer: Layer, value: Any? = nil) {
                self.shared = shared
                self.layer = layer
                self.value = value
            }
        }

        init(_ name: String, transforms: [String]) {
            self.transforms = transforms
            if name == "." {
                kind = .current
                path = []
            } else if name.isEmpty && !transforms.isEmpty {
                kind = .sequence
                path = []
            } else {
                kind = name.first == "." ? .relative : .stack
                path = name.split(separator: ".").map(String.init)
            }
        }
    }

    /// How `{{name}}` is escaped: the library's default HTML escaping, the theme's byte-level
    /// HTML escaping (`FastHTMLContentType`, the same five characters), or any other content type.
    enum ContentType {
        case html, fastHTML
        case other(any MustacheContentType)

        init(_ type: any MustacheContentType) {
            self = type is FastHTMLContentType ? .fastHTML : .other(type)
        }

        enum MemoKey { case html, fastHTML }

        /// The escaping a kept rendering was made with; nil for a content type of the theme's own.
        var memoKey: MemoKey? {
            switch self {
            case .html: .html
            case .fastHTML: .fastHTML
            case .other: nil
            }
        }
    }

    /// Something only swift-mustache renders; the caller falls back to it.
    struct Unsupported: Error {}

    private let templates: [String: [Node]]
    /// Every template name of the library, compiled or not.
    private let known: Set<String>
    /// Each rendering thread's own copy of the templates: the two cores retaining the same
    /// nodes for every page kept moving their reference counts between the cores' caches.
    private let perThread: PerThread<CompiledTemplates>?

    private init(templates: [String: [Node]], known: Set<String>) {
        self.templates = templates
        self.known = known
        perThread = nil
    }

    /// nil when any template contains a token this renderer does not handle.
    init?(library: MustacheLibrary, names: [String]) {
        var templates: [String: [Node]] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name), let nodes = Self.nodes(template) else { return nil }
            templates[name] = nodes
        }
        let known = Set(names)
        self.templates = templates
        self.known = known
        // The names are read only when a partial is not compiled, so the copies share them.
        perThread = PerThread { CompiledTemplates(templates: templates.mapValues { $0.map { $0.copy() } }, known: known) }
    }

    /// Renders template `name` with `object` at the bottom of the context stack.
    func render(_ name: String, _ object: Any) throws -> String? {
        try renderBytes(name, object).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render` as UTF-8 bytes (valid UTF-8: made of the templates' and the values' bytes).
    func renderBytes(_ name: String, _ object: Any) throws -> [UInt8]? {
        if let perThread { return try perThread.value.renderBytes(name, object) }
        guard let nodes = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        var frame = Frame(stack: [Entry(object)])
        try render(nodes, &frame, into: &out)
        return out
    }

    /// Renders page template `name` with the layers of `page` at the bottom of the context stack
    /// (as swift-mustache renders `page.merged()`).
    func renderBytes(_ name: String, page: PageContext) throws -> [UInt8]? {
        // A thread's own copy may keep what it rendered in its nodes; the copy all threads share
        // when the system has no thread key left may not.
        if let perThread { return try perThread.value.renderBytes(name, page: page, memoizes: perThread.isPerThread) }
        return try renderBytes(name, page: page, memoizes: false)
    }

    private func renderBytes(_ name: String, page: PageContext, memoizes: Bool) throws -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        var frame = Frame(stack: [.page(page)], memoizes: memoizes)
        try render(nodes, &frame, into: &out)
        return out
    }

    // MARK: - Reading swift-mustache's tokens

    private static func nodes(_ template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else {
            return nil
        }
        var nodes: [Node] = []
        for token in Mirror(reflecting: tokens).children {
            guard let node = node(token.value) else { return nil }
            nodes.append(node)
        }
        return nodes
    }

    private static func node(_ token: Any) -> Node? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label else { return nil }
        let fields = Mirror(reflecting: payload.value).children.map(\.value)
        func name() -> Name? {
            guard fields.count >= 2, let name = fields[0] as? String, let transforms = fields[1] as? [String] else { return nil }
            return Name(name, transforms: transforms)
        }
        func inherits(_ value: Any) -> [String: [Node]]? {
            guard let templates = value as? [String: MustacheTemplate] else { return nil }
            var out: [String: [Node]] = [:]
            for (k, t) in templates {
                guard let n = nodes(t) else { return nil }
                out[k] = n
            }
            return out
        }
        switch label {
        case "text":
            guard let text = payload.value as? String else { return nil }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            guard let name = name() else { return nil }
            return .variable(name, escaped: label == "variable")
        case "section", "invertedSection":
            guard let name = name(), fields.count == 3, let t = fields[2] as? MustacheTemplate, let body = nodes(t) else {
                return nil
            }
            return .section(name, inverted: label == "invertedSection", body: body)
        case "blockExpansion":
            guard fields.count == 3, let name = fields[0] as? String, let t = fields[1] as? MustacheTemplate,
                let body = nodes(t)
            else { return nil }
            return .block(name, fallback: body, indentation: fields[2] as? String)
        case "partial":
            guard fields.count == 3, let name = fields[0] as? String else { return nil }
            var inherited: [String: [Node]]?
            if Mirror(reflecting: fields[2]).children.first != nil {  // .some
                guard let i = inherits(fields[2]) else { return nil }
                inherited = i
            }
            return .partial(name, indentation: fields[1] as? String, inherits: inherited)
        case "contentType":
            guard let type = payload.value as? any MustacheContentType else { return nil }
            return .contentType(ContentType(type))
        default:
            // dynamicNamePartial, blockDefinition outside a parent, or a token added in a later
            // version of the library.
            return nil
        }
    }

    // MARK: - Rendering (mirrors swift-mustache's Template+Render.swift and Context.swift)

    private struct Sequence {
        var first: Bool
        var last: Bool
        var index: Int

        func transform(_ name: String) -> Any? {
            switch name {
            case "first": first
            case "last": last
            case "index": index
            case "even": (index & 1) == 0
            case "odd": (index & 1) == 1
            default: nil
            }
        }
    }

    /// The context stack and the rest of swift-mustache's `MustacheContext`, changed in place
    /// and restored after each section, partial and block (no copies per token or per item).
    /// A value on the context stack, sorted once when pushed so that each name looked up in it
    /// needs no cast: a dictionary, a value with no names inside, or something only swift-mustache
    /// knows how to look into.
    private struct Entry {
        enum Kind { case dict, record, leaf, opaque, page }
        let kind: Kind
        /// `.dict`'s names; `.record`'s record; `.leaf` and `.opaque`: the value; `.page`: a
        /// page's layers. Stored apart, so a lookup reads them in place instead of copying the
        /// entry out of the stack.
        let dict: [String: Any]?
        let record: TemplateRecord?
        let other: Any?
        let page: PageContext?

        private init(
            _ kind: Kind, dict: [String: Any]? = nil, record: TemplateRecord? = nil, other: Any? = nil, page: PageContext? = nil
        ) {
            self.kind = kind
            self.dict = dict
            self.record = record
            self.other = other
            self.page = page
        }

        static func dict(_ d: [String: Any]) -> Entry { Entry(.dict, dict: d) }
        static func record(_ r: TemplateRecord) -> Entry { Entry(.record, record: r) }
        static func page(_ p: PageContext) -> Entry { Entry(.page, page: p) }

        init(_ object: Any) {
            // A record is told by its exact type: a cast to a class would first try to bridge
            // every dictionary and string to Objective-C.
            if let record = TemplateRecord.exactly(object) {
                self = .record(record)
                return
            }
            switch object {
            case let d as [String: Any]: self = .dict(d)
            case is String, is Bool, is Int, is Double, is [String], is [[String: Any]], is [Any], is [TemplateRecord]:
                self.init(.leaf, other: object)
            default: self.init(.opaque, other: object)
            }
        }

        var value: Any {
            switch kind {
            case .dict: dict!
            case .record: record!
            case .leaf, .opaque: other!
            case .page: page!.merged()
            }
        }
    }

    private struct Frame {
        var stack: [Entry]
        var sequence: Sequence? = nil
        var indentation: String? = nil
        var inherited: [String: [Node]]? = nil
        var contentType: ContentType = .html
        /// Whether nodes may keep what they rendered (see `Node.memoBytes`).
        var memoizes = false

        func indented(_ indented: String?) -> String? {
            guard let indented else { return indentation }
            return (indentation ?? "") + indented
        }
    }

    /// Renders one template; content-type tokens apply to the rest of this template only.
    private func render(_ nodes: [Node], _ frame: inout Frame, into out: inout [UInt8]) throws {
        let contentType = frame.contentType
        defer { frame.contentType = contentType }
        if let indentation = frame.indentation, !indentation.isEmpty {
            let start = out.count
            for node in nodes {
                var piece: [UInt8] = []
                try render(node, &frame, into: &piece)
                if !piece.isEmpty, out.count > start, out.last == 10, !(out.count - start >= 2 && out[out.count - 2] == 13) {
                    out += indentation.utf8
                }
                out += piece
            }
        } else {
            for node in nodes { try render(node, &frame, into: &out) }
        }
    }

    /// Renders `nodes` with `object` pushed (and `sequence` set), then restores the frame.
    private func render(_ nodes: [Node], pushing object: Any, sequence: Sequence?, _ frame: inout Frame, into out: inout [UInt8]) throws {
        try render(nodes, pushing: Entry(object), sequence: sequence, &frame, into: &out)
    }

    private func render(_ nodes: [Node], pushing entry: Entry, sequence: Sequence?, _ frame: inout Frame, into out: inout [UInt8]) throws {
        let saved = frame.sequence
        frame.stack.append(entry)
        frame.sequence = sequence
        defer {
            frame.stack.removeLast()
            frame.sequence = saved
        }
        try render(nodes, &frame, into: &out)
    }

    private func render(_ node: Node, _ frame: inout Frame, into out: inout [UInt8]) throws {
        switch node.kind {
        case .text:
            out += node.bytes
        case .variable:
            if frame.memoizes, frame.stack.count == 1, let page = frame.stack[0].page, let escaping = frame.contentType.memoKey {
                // A tag at the top level that the shared values answer is the same on every page
                // (escaped the same way).
                if node.memoShared !== page.shared || node.memoEscaping != escaping {
                    node.memoShared = page.shared
                    node.memoEscaping = escaping
                    node.memoBytes = nil
                    if Self.sharedAnswers(node.name, page.shared) {
                        var piece: [UInt8] = []
                        try renderVariable(node, &frame, into: &piece)
                        node.memoBytes = piece
                    }
                }
                if let bytes = node.memoBytes {
                    out += bytes
                    return
                }
            }
            try renderVariable(node, &frame, into: &out)
        case .section:
            let child = try lookup(node.name, frame)
            if node.flag {
                try renderInverted(child, node.body, &frame, into: &out)
            } else {
                try renderSection(child, node.body, &frame, into: &out)
            }
        case .partial:
            guard let body = templates[node.target] else {
                if known.contains(node.target) { throw Unsupported() }
                return  // swift-mustache renders an unknown partial as nothing
            }
            let saved = (frame.sequence, frame.indentation, frame.inherited, frame.contentType)
            defer { (frame.sequence, frame.indentation, frame.inherited, frame.contentType) = saved }
            frame.sequence = nil
            frame.indentation = frame.indented(node.indentation)
            if let inherits = node.inherits {
                frame.inherited = frame.inherited.map { $0.merging(inherits) { value, _ in value } } ?? inherits
            }
            frame.contentType = .html
            try render(body, &frame, into: &out)
        case .block:
            let saved = (frame.sequence, frame.indentation)
            defer { (frame.sequence, frame.indentation) = saved }
            let body = frame.inherited?[node.target] ?? node.body
            frame.sequence = nil
            frame.indentation = frame.indented(node.indentation)
            try render(body, &frame, into: &out)
        case .contentType:
            frame.contentType = node.contentType
        }
    }

    /// Whether top-level name `name` is answered by the shared values on every page: its
    /// first part is theirs and no layer above can hold it.
    private static func sharedAnswers(_ name: Name, _ shared: SharedValues) -> Bool {
        guard name.kind == .stack, name.transforms.isEmpty, let first = name.path.first else { return false }
        return !shared.shadowed.contains(first) && shared.values[first] != nil
    }

    private func renderVariable(_ node: Node, _ frame: inout Frame, into out: inout [UInt8]) throws {
        guard let child = try lookup(node.name, frame) else { return }
        let text: String
        switch child {
        case let s as String: text = s
        case let b as Bool: text = b ? "true" : "false"
        case let i as Int: text = String(i)
        case let d as Double: text = String(describing: d)
        default: throw Unsupported()
        }
        Self.reserveForLargePiece(text.utf8.count, in: &out)
        if node.flag { escape(text, frame.contentType, into: &out) } else { out += text.utf8 }
    }

    private func renderSection(_ child: Any?, _ body: [Node], _ frame: inout Frame, into out: inout [UInt8]) throws {
        guard let child else { return }
        // A view model's list (of records) is told by its exact type: casting it to a list of
        // dictionaries would try to bridge each record first.
        if type(of: child) == [TemplateRecord].self {
            let items = child as! [TemplateRecord]
            for (i, item) in items.enumerated() {
                let sequence = Sequence(first: i == 0, last: i == items.count - 1, index: i)
                try render(body, pushing: .record(item), sequence: sequence, &frame, into: &out)
            }
            return
        }
        if type(of: child) == [Any].self { return try renderSequence(child as! [Any], body, &frame, into: &out) }
        // The common kinds by their exact type, before the casts below try each list kind first.
        if type(of: child) == Bool.self {
            if child as! Bool { try render(body, &frame, into: &out) }
            return
        }
        if type(of: child) == String.self { return try render(body, pushing: child, sequence: nil, &frame, into: &out) }
        switch child {
        case let items as [[String: Any]]:
            for (i, item) in items.enumerated() {
                let sequence = Sequence(first: i == 0, last: i == items.count - 1, index: i)
                try render(body, pushing: .dict(item), sequence: sequence, &frame, into: &out)
            }
        case let items as [String]: try renderSequence(items, body, &frame, into: &out)
        case let items as [Any]: try renderSequence(items, body, &frame, into: &out)
        case let b as Bool: if b { try render(body, &frame, into: &out) }
        case _ where TemplateRecord.exactly(child) != nil, is String, is [String: Any], is Int, is Double:
            try render(body, pushing: child, sequence: nil, &frame, into: &out)
        default: throw Unsupported()
        }
    }

    private func renderSequence<T>(_ items: [T], _ body: [Node], _ frame: inout Frame, into out: inout [UInt8]) throws {
        for (i, item) in items.enumerated() {
            let sequence = Sequence(first: i == 0, last: i == items.count - 1, index: i)
            try render(body, pushing: item, sequence: sequence, &frame, into: &out)
        }
    }

    private func renderInverted(_ child: Any?, _ body: [Node], _ frame: inout Frame, into out: inout [UInt8]) throws {
        guard let child else { return try render(body, &frame, into: &out) }
        if type(of: child) == [Any].self {
            let items = child as! [Any]
            if items.isEmpty { try render(body, pushing: items, sequence: nil, &frame, into: &out) }
            return
        }
        // A list of records is never empty (an empty list is `[Any]`).
        if type(of: child) == [TemplateRecord].self { return }
        if type(of: child) == Bool.self {
            if !(child as! Bool) { try render(body, &frame, into: &out) }
            return
        }
        if type(of: child) == String.self { return }
        switch child {
        case let items as [[String: Any]]: if items.isEmpty { try render(body, pushing: items, sequence: nil, &frame, into: &out) }
        case let items as [String]: if items.isEmpty { try render(body, pushing: items, sequence: nil, &frame, into: &out) }
        case let items as [Any]: if items.isEmpty { try render(body, pushing: items, sequence: nil, &frame, into: &out) }
        case let b as Bool: if !b { try render(body, &frame, into: &out) }
        case _ where TemplateRecord.exactly(child) != nil, is String, is [String: Any], is Int, is Double: return
        default: throw Unsupported()
        }
    }

    private func lookup(_ name: Name, _ frame: borrowing Frame) throws -> Any? {
        var child: Any?
        switch name.kind {
        case .current:
            child = frame.stack.last?.value
        case .sequence:
            child = frame.sequence
        case .relative:
            guard let first = name.path.first else {
                child = frame.stack.last?.value
                break
            }
            if let found = try immediate(first, of: frame.stack.last!) {
                child = try descend(name.path.dropFirst(), from: found)
            }
        case .stack:
            guard let first = name.path.first else {
                child = frame.stack.last?.value
                break
            }
            var i = frame.stack.count - 1
            while i >= 0 {
                if frame.memoizes, let page = frame.stack[i].page {
                    child = try pageLookup(name, first, page)
                    break
                }
                let found: Any?
                if frame.memoizes, i == frame.stack.count - 1, let record = frame.stack[i].record {
                    // The innermost record (a row): the name's slot in its layout, found once.
                    found = name.innermost.child(named: first, of: record)
                } else {
                    found = try immediate(first, of: frame.stack[i])
                }
                if let found {
                    child = try rest(of: name, from: found)
                    break
                }
                i -= 1
            }
        }
        guard var value = child else { return nil }
        if name.transforms.isEmpty { return value }
        for transform in name.transforms.reversed() {
            guard let sequence = value as? Sequence else { throw Unsupported() }
            guard let transformed = sequence.transform(transform) else { return nil }
            value = transformed
        }
        return value
    }

    /// `name` (first part `first`) looked up in a page's layers, by what the name knows of them
    /// (`Name.known`): which layer answers it, the shared values' answer, the slot of the
    /// page's record. All of it is the same on every page with the same shared values.
    private func pageLookup(_ name: Name, _ first: String, _ page: PageContext) throws -> Any? {
        let known: Name.Known
        if let k = name.known, k.shared === page.shared {
            known = k
        } else {
            let shared = page.shared
            if shared.shadowed.contains(first) {
                known = .init(shared: shared, layer: .upper)
            } else if let found = shared.values[first] {
                known = .init(shared: shared, layer: .shared, value: try rest(of: name, from: found))
            } else {
                known = .init(shared: shared, layer: .own)
            }
            name.known = known
        }
        let found: Any?
        switch (known.layer, page.own) {
        case (.shared, _): return known.value
        case (.upper, _): found = page.child(named: first)
        case (.own, .values(let values)): found = values[first]
        case (.own, .record(let record)): found = known.own.child(named: first, of: record)
        }
        guard let found else { return nil }
        return try rest(of: name, from: found)
    }

    /// The value of dotted `name` whose first part is `found`.
    private func rest(of name: Name, from found: Any) throws -> Any? {
        name.path.count == 1 ? found : try descend(name.path.dropFirst(), from: found)
    }

    private func descend(_ path: ArraySlice<String>, from object: Any) throws -> Any? {
        var object = object
        for name in path {
            guard let child = try immediate(name, of: Entry(object)) else { return nil }
            object = child
        }
        return object
    }

    /// `object.name` for the value kinds pages use; other kinds are left to swift-mustache
    /// (custom representations, other `MustacheParent` types and `Mirror` lookups).
    private func immediate(_ name: String, of entry: borrowing Entry) throws -> Any? {
        switch entry.kind {
        case .dict: return entry.dict![name]
        case .record: return entry.record!.child(named: name)
        case .page: return entry.page!.child(named: name)
        case .leaf: return nil
        case .opaque: throw Unsupported()
        }
    }

    /// Before a large value (a long body's HTML) is appended: room for it plus the rest of a
    /// page, so the page's buffer is not doubled past it by the next small append (a 40 MB body
    /// would otherwise leave an 80 MB buffer, copied once more on the way; docs/performance.md).
    static func reserveForLargePiece(_ count: Int, in out: inout [UInt8]) {
        guard count >= 1 << 16, out.capacity - out.count < count else { return }
        out.reserveCapacity(out.count + count + (1 << 18))
    }

    private func escape(_ text: String, _ type: ContentType, into out: inout [UInt8]) {
        switch type {
        case .fastHTML:
            FastHTMLContentType.escape(text, into: &out)
        case .html:
            // swift-mustache's default escaping works on whole Characters.
            for c in text {
                switch c {
                case "<": out += "&lt;".utf8
                case ">": out += "&gt;".utf8
                case "&": out += "&amp;".utf8
                case "\"": out += "&quot;".utf8
                case "'": out += "&#39;".utf8
                default: out += String(c).utf8
                }
            }
        case .other(let type):
            out += type.escapeText(text).utf8
        }
    }
}
