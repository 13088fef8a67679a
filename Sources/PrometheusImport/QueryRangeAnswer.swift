import Foundation

/// The JSON a Prometheus-compatible `/api/v1/query_range` answers with (its HTTP API's envelope).
public struct QueryRangeAnswer: Sendable, Hashable, Decodable {
    public var status: String
    public var data: Payload?
    public var errorType: String?
    public var error: String?
    public var warnings: [String]?

    public struct Payload: Sendable, Hashable, Decodable {
        public var resultType: String
        public var result: [Series]

        enum CodingKeys: String, CodingKey { case resultType, result }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            resultType = try c.decode(String.self, forKey: .resultType)
            // A scalar or string answer has no list of series; the importer reports its type.
            result = (try? c.decode([Series].self, forKey: .result)) ?? []
        }
    }

    /// One series of a matrix: its labels and `[time, "value"]` pairs.
    public struct Series: Sendable, Hashable, Decodable {
        public var metric: [String: String]
        public var values: [Point]

        enum CodingKeys: String, CodingKey { case metric, values }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            metric = try c.decodeIfPresent([String: String].self, forKey: .metric) ?? [:]
            // Native histograms come as `histograms`; a series with only those has no counts.
            values = try c.decodeIfPresent([Point].self, forKey: .values) ?? []
        }

        /// The labels as PromQL writes them: `{code="500", job="api"}`, sorted by name.
        public var labelText: String {
            "{" + metric.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    public struct Point: Sendable, Hashable, Decodable {
        /// Seconds since 1970, as the server wrote it (a number with up to 3 decimals).
        public var time: Double
        /// The sample value as text (`"3"`, `"3.5"`, `"NaN"`, `"+Inf"`).
        public var value: String

        public init(time: Double, value: String) {
            self.time = time
            self.value = value
        }

        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            time = try c.decode(Double.self)
            value = try c.decode(String.self)
        }
    }

    /// Decodes an answer; nil when the bytes are not Prometheus's JSON envelope.
    public static func decode(_ bytes: Data) -> QueryRangeAnswer? {
        try? JSONDecoder().decode(QueryRangeAnswer.self, from: bytes)
    }
}

/// A label value quoted as PromQL would (backslash, quote and newline escaped).
func quoted(_ s: String) -> String {
    var out = "\""
    for ch in s {
        switch ch {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        default: out.append(ch)
        }
    }
    return out + "\""
}
