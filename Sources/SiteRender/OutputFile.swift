/// One file of the built site: its path under the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative, `/`-separated, never starting with `/` or containing `..`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Whether `path` stays inside the output folder.
    public var isContained: Bool { Self.isContained(path) }

    /// Whether the relative path `path` stays inside the output folder.
    public static func isContained(_ path: String) -> Bool {
        // Segments split on "/": none empty, "." or ".."; no backslash or NUL anywhere.
        var segmentLength = 0
        var dots = 0
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "\\"), 0: return false
            case UInt8(ascii: "/"):
                if segmentLength == 0 || dots == segmentLength && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            default:
                segmentLength += 1
                if b == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && !(dots == segmentLength && dots <= 2)
    }
}
