/// A file of a site's sources as bytes, named by its path relative to the source folder.
public struct SourceFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]
    /// A samples file as the loader decoded it while reading (its bytes are then not kept).
    public var samples: DecodedSamples?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, samples: DecodedSamples) {
        self.path = path
        self.bytes = []
        self.samples = samples
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Decoded text of a source file: UTF-8 checked, BOM dropped, CRLF and CR made LF.
enum SourceText {
    /// The text, or a diagnostic at the first byte that is not valid UTF-8 or is a NUL.
    static func decode(_ file: SourceFile) -> Result<String, Diagnostic> {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let bad = firstInvalidByte(bytes) {
            let (line, column) = position(ofByte: bad, in: bytes)
            let what = bytes[bad] == 0 ? "a NUL byte (binary content?)" : String(format2: bytes[bad])
            return .failure(
                Diagnostic(.error, file.path, line, column, "file is not valid UTF-8 text: found \(what)"))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        // The bytes, not the string's UTF-8 view: a byte loop, not one iterator step per byte.
        if bytes.contains(13) {
            text = text.replacingCRLF()
        }
        return .success(text)
    }

    private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b == 0 { return i }
            if b < 0x80 {
                i += 1
                continue
            }
            let need: Int
            let minScalar: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: (need, minScalar, scalar) = (1, 0x80, UInt32(b & 0x1F))
            case 0xE0...0xEF: (need, minScalar, scalar) = (2, 0x800, UInt32(b & 0x0F))
            case 0xF0...0xF4: (need, minScalar, scalar) = (3, 0x10000, UInt32(b & 0x07))
            default: return i
            }
            guard i + need < end else { return i }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += need + 1
        }
        return nil
    }

    /// 1-based line and column (in scalars) of a byte offset in valid-so-far UTF-8.
    static func position(ofByte offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        while i < offset {
            let b = bytes[i]
            if b == 10 {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}

extension String {
    fileprivate init(format2 byte: UInt8) {
        let hex = Array("0123456789ABCDEF")
        self = "byte 0x\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
    }

    fileprivate func replacingCRLF() -> String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for b in utf8 {
            if b == 13 {
                out.append(10)
                previousCR = true
                continue
            }
            if b == 10 && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
