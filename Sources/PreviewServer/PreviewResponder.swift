import Foundation
import Hummingbird
import NIOCore
import SiteContent

/// Answers preview requests from memory: pages with the reload script, the reload event stream,
/// the site's 404 page, ETag revalidation, and nothing outside the site.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == ReloadScript.eventsPath { return await events() }
        let snap = await state.snapshot()
        switch RequestPath.resolve(path, basePath: snap.basePath, exists: { snap.files[$0] != nil }) {
        case let .redirect(location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            let page = snap.files["404.html"]?.bytes ?? Array("<!doctype html><title>Not found</title><h1>Not found</h1>".utf8)
            let body = ReloadScript.inject(into: page, diagnostics: snap.diagnostics)
            return Response(
                status: .notFound,
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        case let .file(rel):
            guard let file = snap.files[rel] else { return Response(status: .notFound) }
            let isHTML = rel.hasSuffix(".html")
            // HTML carries the overlay state in it, so its tag includes the generation when it matters.
            let etag = isHTML && !snap.diagnostics.isEmpty ? file.etag.dropLast() + "-\(snap.generation)\"" : file.etag
            var headers: HTTPFields = [.contentType: file.contentType, .eTag: String(etag), .cacheControl: "no-cache"]
            if let inm = request.headers[.ifNoneMatch], inm.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
                return Response(status: .notModified, headers: headers)
            }
            let bytes = isHTML ? ReloadScript.inject(into: file.bytes, diagnostics: snap.diagnostics) : file.bytes
            headers[.contentLength] = String(bytes.count)
            return Response(
                status: .ok, headers: headers,
                body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// Server-Sent Events: `reload` after every rebuild (good or failed), `styles` (with the new
    /// stylesheet's URL) after a good rebuild that changed only stylesheets.
    private func events() async -> Response {
        let stream = await state.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                for await event in stream {
                    try await writer.write(ByteBuffer(string: "event: \(event.name)\ndata: \(event.data)\n\n"))
                }
                try await writer.finish(nil)
            })
    }
}
