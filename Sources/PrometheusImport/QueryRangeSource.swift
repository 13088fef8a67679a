/// Where the importer's counts come from: one `query_range` request per call.
public protocol QueryRangeSource: Sendable {
    /// The server's answer to `query` evaluated at every step of `window`.
    /// - Throws: `ImportProblem` when the server cannot be asked or answers with an error.
    func answer(query: String, window: QueryWindow) async throws -> QueryRangeAnswer
}
