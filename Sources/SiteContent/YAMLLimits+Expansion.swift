import CYaml

extension YAMLLimits {
    /// Most nodes a document may have with every alias expanded (a site file has a few hundred).
    static let maxExpandedNodes = 1_000_000
    /// Deepest a document may nest with every alias expanded.
    static let maxExpandedDepth = 256

    /// Where aliases make the document too large or too deep once expanded, if they do; found with
    /// libyaml's event parser in one linear pass (nothing is expanded). Syntax errors are left to
    /// `Yams.compose`, which reports them with context.
    static func excessiveExpansion(_ yaml: String) -> (line: Int, column: Int, message: String)? {
        // Expanded size and height of each open collection, and of each anchor seen so far.
        var stack: [(anchor: String?, size: Int, height: Int)] = []
        var anchors: [String: (size: Int, height: Int)] = [:]
        func anchor(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? { p.map { String(cString: $0) } }
        return firstEvent(in: yaml) { event -> (line: Int, column: Int, message: String)? in
            let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var finished: (size: Int, height: Int)?
            switch event.type {
            case YAML_SCALAR_EVENT:
                finished = (1, 1)
                if let a = anchor(event.data.scalar.anchor) { anchors[a] = (1, 1) }
            case YAML_ALIAS_EVENT:
                finished = anchor(event.data.alias.anchor).flatMap { anchors[$0] } ?? (1, 1)
            case YAML_SEQUENCE_START_EVENT:
                stack.append((anchor(event.data.sequence_start.anchor), 1, 1))
            case YAML_MAPPING_START_EVENT:
                stack.append((anchor(event.data.mapping_start.anchor), 1, 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let done = stack.popLast() else { return nil }
                finished = (done.size, done.height)
                if let a = done.anchor { anchors[a] = (done.size, done.height) }
            default:
                break
            }
            // Add the finished node to its parent; sizes stay below the limit, so never overflow.
            if let node = finished, !stack.isEmpty {
                let i = stack.count - 1
                stack[i].size += node.size
                stack[i].height = max(stack[i].height, node.height + 1)
                if stack[i].size > maxExpandedNodes {
                    return (mark.line, mark.column, "YAML has more than \(maxExpandedNodes) nodes once its aliases are expanded (an alias bomb?)")
                }
                if stack[i].height + stack.count - 1 > maxExpandedDepth {
                    return (mark.line, mark.column, "YAML is nested deeper than \(maxExpandedDepth) levels once its aliases are expanded")
                }
            }
            return nil
        }
    }

    /// Runs libyaml's event parser over `yaml` and gives each event to `inspect` until it
    /// returns a value (that value), the stream ends or the YAML is malformed (nil: syntax
    /// errors are left to `Yams.compose`, which reports them with context).
    static func firstEvent<T>(in yaml: String, _ inspect: (yaml_event_t) -> T?) -> T? {
        var bytes = Array(yaml.utf8)
        guard !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let found = inspect(event) { return found }
            }
        }
    }
}

extension YAMLLimits {
    /// The first key of a mapping that repeats an earlier key of the same mapping (plain
    /// scalar keys, compared as written), with both positions: Yams reports only where the
    /// first of the pair is. Run only after Yams has found a duplicate.
    static func duplicateKey(_ yaml: String) -> (key: String, line: Int, column: Int, firstLine: Int)? {
        // Per open collection: for a mapping, its keys so far and whether the next node is a key.
        var stack: [(isMapping: Bool, expectKey: Bool, keys: [String: Int])] = []
        return firstEvent(in: yaml) { event -> (key: String, line: Int, column: Int, firstLine: Int)? in
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            // Whether this event starts a node in a mapping's key position.
            var atKey = false
            if let top = stack.last, top.isMapping,
                [YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT].contains(event.type)
            {
                atKey = top.expectKey
                stack[stack.count - 1].expectKey.toggle()
            }
            switch event.type {
            case YAML_SCALAR_EVENT where atKey:
                let scalar = event.data.scalar
                let key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                if let first = stack[stack.count - 1].keys[key] { return (key, line, column, first) }
                stack[stack.count - 1].keys[key] = line
            case YAML_SEQUENCE_START_EVENT:
                stack.append((false, false, [:]))
            case YAML_MAPPING_START_EVENT:
                stack.append((true, true, [:]))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                _ = stack.popLast()
            default:
                break
            }
            return nil
        }
    }
}
