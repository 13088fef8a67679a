import AsyncHTTPClient
import Foundation
import NIOCore

/// A Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics) asked over HTTP.
public final class PrometheusHTTPSource: QueryRangeSource {
    /// The address as shown in messages: no user name or password.
    public let displayURL: String
    let endpoint: String
    let credentials: (user: String, password: String)?
    let client: HTTPClient
    let timeoutSeconds: Int64
    static let maxAnswerBytes = 256 * 1_048_576

    /// Checks `url` (absolute `http` or `https`, with a host, without `?` or `#`); nil when it is not one.
    /// A path is kept (`https://mimir.example/prometheus`); user and password become basic auth.
    public init?(url: String, timeoutSeconds: Int64 = 120) {
        guard Self.isValidURL(url), var parts = URLComponents(string: url) else { return nil }
        if let user = parts.user {
            credentials = (user.removingPercentEncoding ?? user, (parts.password ?? "").removingPercentEncoding ?? "")
        } else {
            credentials = nil
        }
        parts.user = nil
        parts.password = nil
        while parts.path.hasSuffix("/") { parts.path.removeLast() }
        guard let base = parts.string else { return nil }
        displayURL = base
        endpoint = base + "/api/v1/query_range"
        self.timeoutSeconds = timeoutSeconds
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(timeoutSeconds))
        // A redirect is reported, not followed: following one may turn the POST into a GET,
        // or carry the credentials to another host.
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Whether `url` is one `init(url:)` accepts, without making a client.
    public static func isValidURL(_ url: String) -> Bool {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parts.host, !host.isEmpty, parts.query == nil, parts.fragment == nil
        else { return false }
        return true
    }

    /// Closes the client's connections; call once when done.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func answer(query: String, window: QueryWindow) async throws -> QueryRangeAnswer {
        var request = HTTPClientRequest(url: endpoint)
        // POST with a form body, as Prometheus's API allows, so long queries never outgrow a URL.
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "slasite")
        if let credentials { request.setBasicAuth(username: credentials.user, password: credentials.password) }
        let form = [
            ("query", query), ("start", String(window.start.seconds)), ("end", String(window.end.seconds)),
            ("step", String(window.step)),
        ]
        request.body = .bytes(ByteBuffer(string: form.map { "\($0)=\(formEncoded($1))" }.joined(separator: "&")))

        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .seconds(timeoutSeconds))
            body = try await response.body.collect(upTo: Self.maxAnswerBytes)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ImportProblem.timedOut(url: endpointForDisplay, seconds: Int(timeoutSeconds))
        } catch is NIOTooManyBytesError {
            throw ImportProblem.answerTooLarge(url: endpointForDisplay, limitBytes: Self.maxAnswerBytes)
        } catch {
            throw ImportProblem.unreachable(url: endpointForDisplay, reason: Self.reason(error))
        }
        let status = Int(response.status.code)
        let bytes = Data(body.readableBytesView)
        if (300..<400).contains(status), let location = response.headers.first(name: "Location") {
            throw ImportProblem.redirected(url: endpointForDisplay, httpStatus: status, location: printable(location))
        }
        guard let answer = QueryRangeAnswer.decode(bytes) else {
            let excerpt = Self.excerpt(bytes)
            if status != 200 { throw ImportProblem.http(url: endpointForDisplay, httpStatus: status, body: excerpt) }
            throw ImportProblem.notPrometheusJSON(url: endpointForDisplay, httpStatus: status, body: excerpt)
        }
        if answer.status != "success" || status != 200 {
            throw ImportProblem.server(
                url: endpointForDisplay, httpStatus: status, errorType: printable(answer.errorType ?? "error"),
                error: printable(answer.error ?? "no error text"))
        }
        return answer
    }

    var endpointForDisplay: String { displayURL + "/api/v1/query_range" }

    /// A readable reason for a failed connection (NIO's errors print their type names).
    static func reason(_ error: any Error) -> String {
        if let e = error as? HTTPClientError {
            if e == .connectTimeout { return "no connection within 10 s" }
            if e == .remoteConnectionClosed { return "the server closed the connection" }
        }
        if let e = error as? IOError {
            // NIO's text is "connection reset (error set): Connection refused) (errno: 111)".
            let text = String(cString: strerror(e.errnoCode))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        return text
    }

    /// The start of a non-JSON body, on one line, for the message (a proxy's HTML page, say).
    static func excerpt(_ bytes: Data) -> String {
        let text = printable(String(decoding: bytes.prefix(300), as: UTF8.self), keepingNewlines: true)
        let oneLine = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
    }
}

/// `text` without control characters, so what a server sends cannot drive the terminal.
func printable(_ text: String, keepingNewlines: Bool = false) -> String {
    String(text.unicodeScalars.filter { scalar in
        if keepingNewlines && scalar == "\n" { return true }
        return !(scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format)
    }.map(Character.init))
}

/// `application/x-www-form-urlencoded`: everything but the unreserved characters percent-encoded.
func formEncoded(_ s: String) -> String {
    var out = ""
    for byte in s.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.append(Character(Unicode.Scalar(byte)))
        default:
            out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return out
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
