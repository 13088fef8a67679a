/// Why rendering stopped: a theme that cannot make the pages (its file, and the line and column
/// when known), or an output file the caller's `emit` could not take (its path, and why). The
/// renderer throws nothing else, so a build names every failure (issue 26: no bare "rendering
/// failed" catch-all).
public enum RenderError: Error {
    case theme(ThemeError)
    case output(path: String, reason: any Error)
}
