import Foundation
import SiteContent
import SiteRender

/// A served file: bytes, type and entity tag.
struct ServedFile: Sendable {
    var bytes: [UInt8]
    var contentType: String
    var etag: String
}

/// What open pages are told after a rebuild (a Server-Sent Event).
struct ReloadEvent: Sendable, Equatable {
    /// `reload` (the page reloads) or `styles` (only stylesheets changed: the page swaps them).
    var name: String
    /// For `styles`: the site-relative URL of the new stylesheet.
    var data: String

    static let reload = ReloadEvent(name: "reload", data: "reload")
}

/// The site being previewed: the last good build, the latest diagnostics, and open reload streams.
actor PreviewState {
    private(set) var files: [String: ServedFile] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var generation = 0
    private(set) var basePath = "/"
    private var subscribers: [UUID: AsyncStream<ReloadEvent>.Continuation] = [:]

    /// Takes a build result: a good build replaces the site; a failed one keeps it and shows errors.
    func publish(_ outputs: [OutputFile]?, diagnostics: [Diagnostic], basePath: String?, event: ReloadEvent = .reload) {
        generation += 1
        self.diagnostics = diagnostics
        if let outputs {
            var next: [String: ServedFile] = [:]
            next.reserveCapacity(outputs.count)
            for f in outputs {
                // Unchanged files keep their tag, so browsers revalidate cheaply.
                let etag = files[f.path].flatMap { $0.bytes == f.bytes ? $0.etag : nil } ?? Self.tag(f.bytes)
                next[f.path] = ServedFile(bytes: f.bytes, contentType: ContentType.of(f.path), etag: etag)
            }
            files = next
        }
        if let basePath { self.basePath = basePath }
        for c in subscribers.values { c.yield(event) }
    }

    func snapshot() -> (files: [String: ServedFile], diagnostics: [Diagnostic], generation: Int, basePath: String) {
        (files, diagnostics, generation, basePath)
    }

    func subscribe() -> AsyncStream<ReloadEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(4))
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) { subscribers[id] = nil }

    /// Ends every reload stream (on shutdown, so open connections close).
    func closeAll() {
        for c in subscribers.values { c.finish() }
        subscribers = [:]
    }

    /// The content hash and length of the bytes, quoted.
    static func tag(_ bytes: [UInt8]) -> String {
        "\"" + ContentHash.hex(bytes) + "-" + String(bytes.count, radix: 16) + "\""
    }
}
