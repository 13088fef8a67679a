/// A Markdown file split into its YAML front matter and body.
struct FrontMatter {
    var yaml: String
    /// 1-based line of the file on which the YAML starts.
    var yamlLine: Int
    var body: String
    /// 1-based line of the file on which the body starts.
    var bodyLine: Int

    /// Splits `---` front matter from the body; nil with a diagnostic when the fences are missing.
    static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        // Lines are found on UTF-8 bytes (a line feed is always a line of its own in Swift's
        // Characters too, so this splits exactly where `split(separator: "\n")` would).
        var text = text
        return text.withUTF8 { bytes -> Result<FrontMatter, Diagnostic> in
            /// End of the line starting at `start` (the index of its "\n", or the end).
            func lineEnd(_ start: Int) -> Int {
                var i = start
                while i < bytes.count && bytes[i] != 10 { i += 1 }
                return i
            }
            /// Whether bytes start..<end, without trailing spaces and tabs, are `marker`.
            func isMarker(_ start: Int, _ end: Int, _ marker: UInt8) -> Bool {
                var e = end
                while e > start && (bytes[e - 1] == 32 || bytes[e - 1] == 9) { e -= 1 }
                return e - start == 3 && bytes[start] == marker && bytes[start + 1] == marker && bytes[start + 2] == marker
            }
            func string(_ start: Int, _ end: Int) -> String {
                start < end ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) : ""
            }
            let firstEnd = lineEnd(0)
            guard isMarker(0, firstEnd, UInt8(ascii: "-")) else {
                return .failure(
                    Diagnostic(
                        .error, file, 1, 1, "expected front matter: the file must start with a line \"---\", then YAML, then \"---\""))
            }
            var start = firstEnd + 1
            var yamlLines = 0
            while start <= bytes.count {
                let end = lineEnd(start)
                if isMarker(start, end, UInt8(ascii: "-")) || isMarker(start, end, UInt8(ascii: ".")) {
                    let yamlStart = firstEnd + 1
                    return .success(
                        FrontMatter(
                            yaml: yamlLines == 0 ? "" : string(yamlStart, start - 1), yamlLine: 2,
                            body: string(min(end + 1, bytes.count), bytes.count), bodyLine: yamlLines + 3))
                }
                yamlLines += 1
                if end >= bytes.count { break }
                start = end + 1
            }
            return .failure(
                Diagnostic(.error, file, 1, 1, "front matter is not closed: expected a line \"---\" after the YAML"))
        }
    }
}

extension SourceFile {
    /// The Markdown body of a front-matter file and the file line it starts on; nil when the
    /// file is not valid text with front matter.
    public var markdownBody: (text: String, firstLine: Int)? {
        guard case let .success(text) = SourceText.decode(self),
            case let .success(fm) = FrontMatter.split(text, file: path)
        else { return nil }
        return (fm.body, fm.bodyLine)
    }
}
