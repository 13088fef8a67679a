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
        var lines = text.split(separator: "\n", maxSplits: .max, omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(
                Diagnostic(
                    .error, file, 1, 1, "expected front matter: the file must start with a line \"---\", then YAML, then \"---\""))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var closed = false
        while let line = lines.first {
            lines = lines.dropFirst()
            if line.trimmingTrailingSpaces() == "---" || line.trimmingTrailingSpaces() == "..." {
                closed = true
                break
            }
            yamlLines.append(line)
        }
        guard closed else {
            return .failure(
                Diagnostic(.error, file, 1, 1, "front matter is not closed: expected a line \"---\" after the YAML"))
        }
        return .success(
            FrontMatter(
                yaml: yamlLines.joined(separator: "\n"), yamlLine: 2, body: lines.joined(separator: "\n"),
                bodyLine: yamlLines.count + 3))
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
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
