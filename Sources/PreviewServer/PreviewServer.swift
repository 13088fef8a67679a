import BuildSupport
import Foundation
import Hummingbird
import Logging
import NIOCore
import SLACore
import SiteBuild
import SiteContent
import SiteRender

#if canImport(Glibc)
    import Glibc
#endif

/// `slasite serve`: builds into memory, serves it, watches the inputs, rebuilds and reloads pages.
public struct PreviewServer: Sendable {
    public var source: URL
    public var host: String
    public var port: Int
    /// Fixed reference time; nil reads the clock once, when the server starts.
    public var now: Instant?
    public var pollInterval: Duration = .milliseconds(100)
    /// Quiet time after the last change before rebuilding, so a burst of saves is one rebuild.
    public var debounce: Duration = .milliseconds(60)
    public var logger: Logger

    public init(source: URL, host: String, port: Int, now: Instant?, logger: Logger) {
        self.source = source
        self.host = host
        self.port = port
        self.now = now
        self.logger = logger
    }

    public enum ServeError: Error, CustomStringConvertible {
        case portInUse(String, Int)
        case cannotBind(String, Int, String)

        public var description: String {
            switch self {
            case let .portInUse(host, port): "port \(port) on \(host) is already in use; pick another with --port"
            case let .cannotBind(host, port, why): "cannot listen on \(host):\(port): \(why)"
            }
        }
    }

    /// Runs until SIGINT or SIGTERM. `onReady` receives the URL once the server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void = { print("serving \($0)") }) async throws {
        try checkPortIsFree()
        let state = PreviewState()
        // One reference time for the whole session, so rebuilds change only what was edited.
        let builder = PreviewBuilder(source: source, now: now ?? Instant(seconds: Int64(Date().timeIntervalSince1970)))
        let first = builder.build()
        await state.publish(first.files, diagnostics: first.diagnostics, basePath: first.basePath)
        report(first)

        let app = Application(
            responder: PreviewResponder(state: state),
            server: ClosingHTTP1Channel.builder(),
            configuration: .init(address: .hostname(host, port: port), serverName: "slasite"),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onReady("http://\(shownHost):\(actual)\(first.basePath ?? "/")")
            },
            logger: quietLogger())

        let watcher = SiteWatcher(root: source)
        let watchTask = Task.detached { [pollInterval, debounce] in
            let waiter = ChangeWaiter(root: watcher.root)
            var known = watcher.scan()
            while !Task.isCancelled {
                if let waiter {
                    // Scan only after the kernel reports an event (and every 2 s regardless). The
                    // blocking wait runs on a Dispatch thread, not on the server's task threads.
                    _ = await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
                        DispatchQueue.global().async { c.resume(returning: waiter.wait(milliseconds: 2000)) }
                    }
                } else {
                    try? await Task.sleep(for: pollInterval)
                }
                var changes = ChangeSet.between(known, watcher.scan())
                guard !changes.isEmpty else { continue }
                // Wait for quiet so a burst of saves is one rebuild.
                var latest = watcher.scan()
                while true {
                    try? await Task.sleep(for: debounce)
                    let again = watcher.scan()
                    if again == latest { break }
                    latest = again
                }
                changes = ChangeSet.between(known, latest)
                known = latest
                let theme = builder.lastTheme
                let kind = ChangeKind.of(changes, theme: theme)
                guard kind != .none else { continue }
                let result = builder.build(listing: latest)
                await state.publish(
                    result.succeeded ? result.files : nil, diagnostics: result.diagnostics, basePath: result.basePath,
                    event: Self.event(kind, result))
                report(result, changed: changes.all)
            }
        }
        let signals = installShutdownHandlers(state: state)
        defer {
            watchTask.cancel()
            for s in signals { s.cancel() }
        }
        try await app.runService()
    }

    /// What open pages do after a rebuild: swap the stylesheet when only stylesheets changed
    /// and the build succeeded (Hugo's livereload does the same), else reload.
    static func event(_ kind: ChangeKind, _ result: PreviewBuilder.Outcome) -> ReloadEvent {
        guard kind == .styles, let files = result.files,
            let sheet = files.first(where: { $0.path.hasPrefix("assets/style.") && $0.path.hasSuffix(".css") })
        else { return .reload }
        return ReloadEvent(name: "styles", data: (result.basePath ?? "/") + sheet.path)
    }

    private func report(_ result: PreviewBuilder.Outcome, changed: [String] = []) {
        let what = changed.isEmpty ? "" : " (\(changed.prefix(3).joined(separator: ", "))\(changed.count > 3 ? ", …" : ""))"
        if result.succeeded {
            logger.info(
                "rebuilt \(result.files?.count ?? 0) files (\(result.pagesRendered) pages rendered, \(result.pagesReused) reused) in \(String(format: "%.1f", result.seconds * 1000)) ms [\(result.steps.map { "\($0.name) \(String(format: "%.1f", $0.seconds * 1000))" }.joined(separator: ", "))]\(what)")
        } else {
            let text = result.diagnostics.map(\.description).joined(separator: "\n")
            logger.error("build failed, still serving the last good site\(what):\n\(text)")
        }
    }

    private func quietLogger() -> Logger {
        var l = Logger(label: "slasite.http")
        l.logLevel = .warning
        return l
    }

    /// A clear error for a port in use, before the server tries to bind.
    func checkPortIsFree() throws {
        guard port != 0 else { return }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var res: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &res) == 0, let info = res else {
            throw ServeError.cannotBind(host, port, "unknown host")
        }
        defer { freeaddrinfo(res) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
            if errno == EADDRINUSE { throw ServeError.portInUse(host, port) }
            throw ServeError.cannotBind(host, port, String(cString: strerror(errno)))
        }
    }

    /// On SIGINT/SIGTERM, close the reload streams so graceful shutdown does not wait on them.
    private func installShutdownHandlers(state: PreviewState) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                Task { await state.closeAll() }
                // If anything still holds the server open, do not hang the terminal.
                DispatchQueue.global().asyncAfter(deadline: .now() + 3) { _exit(0) }
            }
            source.resume()
            return source
        }
    }
}

/// Builds the site into memory for preview, reusing the pipeline.
final class PreviewBuilder: @unchecked Sendable {
    struct Outcome {
        var files: [OutputFile]?
        var diagnostics: [Diagnostic]
        var basePath: String?
        var seconds: Double
        var steps: [(name: String, seconds: Double)] = []
        var pagesRendered = 0
        var pagesReused = 0
        var succeeded: Bool { files != nil }
    }

    let source: URL
    let now: Instant
    private let lock = NSLock()
    private var theme = "default"
    private let reuse = ReuseStore()

    init(source: URL, now: Instant) {
        self.source = source
        self.now = now
    }

    var lastTheme: String {
        lock.lock()
        defer { lock.unlock() }
        return theme
    }

    /// - Parameter listing: the watcher's scan of the inputs, so the build does not list them again.
    func build(listing: [String: FileStamp]? = nil) -> Outcome {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let result = BuildPipeline(reuse: reuse).run(BuildRequest(source: source, output: nil, now: now, listing: listing))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        if let site = result.site {
            lock.lock()
            theme = site.config.theme
            lock.unlock()
        }
        let basePath = result.site.map { SiteURLs(baseURL: $0.config.baseURL).basePath }
        return Outcome(
            files: result.succeeded ? result.files : nil, diagnostics: result.diagnostics, basePath: basePath,
            seconds: seconds, steps: result.steps, pagesRendered: reuse.lastCounts(.pages).made,
            pagesReused: reuse.lastCounts(.pages).reused)
    }
}
