import SiteContent
import SiteRender

/// Finds internal links in rendered pages that point at no output file.
public enum LinkChecker {
    public static func check(_ files: [OutputFile], basePath: String = "/") -> [Diagnostic] {
        []
    }
}
