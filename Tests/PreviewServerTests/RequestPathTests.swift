@testable import PreviewServer
import XCTest

final class RequestPathTests: XCTestCase {
    let files: Set<String> = ["index.html", "plans/pro/index.html", "sla.json", "assets/site.css"]

    func resolve(_ path: String, base: String = "/") -> RequestPath.Resolution {
        RequestPath.resolve(path, basePath: base, exists: { self.files.contains($0) })
    }

    func testFilesAndFolders() {
        XCTAssertEqual(resolve("/"), .file("index.html"))
        XCTAssertEqual(resolve("/plans/pro/"), .file("plans/pro/index.html"))
        XCTAssertEqual(resolve("/plans/pro"), .redirect("/plans/pro/"))
        XCTAssertEqual(resolve("/sla.json"), .file("sla.json"))
        XCTAssertEqual(resolve("/nope/"), .notFound)
    }

    func testBasePath() {
        XCTAssertEqual(resolve("/sla/", base: "/sla/"), .file("index.html"))
        XCTAssertEqual(resolve("/sla", base: "/sla/"), .redirect("/sla/"))
        XCTAssertEqual(resolve("/sla.json", base: "/sla/"), .notFound)
    }

    func testTraversalNeverResolves() {
        for attack in [
            "/../etc/passwd", "/plans/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
            "/plans/%2E%2E/%2E%2E/x", "/a\\..\\b", "/sla.json%00", "/%zz", "/./sla.json", "//etc/passwd",
        ] {
            XCTAssertEqual(resolve(attack), .notFound, attack)
        }
    }
}
