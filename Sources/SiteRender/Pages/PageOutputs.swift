/// The HTML pages of SPEC §4, plus sitemap.xml, robots.txt, 404.html and theme assets.
enum PageOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        []
    }
}
