import Foundation
import Mustache
import SLACore
import SiteBuild
@testable import SiteRender
import BuildSupport
import XCTest

/// The fast renderer must produce exactly what swift-mustache produces from the same parse.
final class CompiledTemplatesTests: XCTestCase {
    /// Every page of the example site and of each fixture, rendered both ways.
    func testEveryPageMatchesSwiftMustacheByteForByte() throws {
        for source in [".", "Tests/Fixtures/basic", "Tests/Fixtures/feeds", "Tests/Fixtures/injection"] {
            let result = try PageTestSupport.build(source)
            let site = try XCTUnwrap(result.site, source)
            let context = RenderContext(site: site, figures: try XCTUnwrap(result.figures))
            let fast = try PageTheme(overrides: [:], urls: context.urls)
            let reference = try PageTheme(overrides: [:], urls: context.urls, compile: false)
            XCTAssertNotNil(fast.compiled, "the default theme compiles")
            XCTAssertNil(reference.compiled)
            let fastBuilder = PageBuilder(context: context, theme: fast)
            let referenceBuilder = PageBuilder(context: context, theme: reference)
            let jobs = PageOutputs.jobs(context)
            XCTAssertGreaterThan(jobs.count, 4, source)
            let status = PageOutputs.statusInput(context)
            let levelIndex = PageOutputs.levelIndex(context)
            let listed = PageOutputs.listed(context)
            for job in jobs {
                let input = PageOutputs.input(job, context, status: status, levelIndex: levelIndex, listed: listed)
                let a = String(decoding: PageOutputs.render(input, fastBuilder), as: UTF8.self)
                let b = String(decoding: PageOutputs.render(input, referenceBuilder), as: UTF8.self)
                XCTAssertEqual(a, b, "\(source): \(PageOutputs.path(of: job, context))")
            }
            // Every page and partial went through the fast renderer (it reads swift-mustache's
            // token tree through Mirror: if the library's layout changes, this fails).
            XCTAssertEqual(fast.fallbacks.value, 0, "\(source): pages fell back to swift-mustache")
        }
    }

    /// Pages rendered on all cores read each worker's own copy of the templates and of the
    /// layout's values (`PerThread`): the same bytes as swift-mustache rendering them one by one.
    func testPagesRenderedOnManyThreadsMatchSwiftMustache() throws {
        let result = try PageTestSupport.build(".")
        let context = RenderContext(site: try XCTUnwrap(result.site), figures: try XCTUnwrap(result.figures))
        let fast = try PageTheme(overrides: [:], urls: context.urls)
        let reference = try PageTheme(overrides: [:], urls: context.urls, compile: false)
        let fastBuilder = PageBuilder(context: context, theme: fast)
        let referenceBuilder = PageBuilder(context: context, theme: reference)
        let status = PageOutputs.statusInput(context)
        let levelIndex = PageOutputs.levelIndex(context)
        let listed = PageOutputs.listed(context)
        let inputs = PageOutputs.jobs(context).map { PageOutputs.input($0, context, status: status, levelIndex: levelIndex, listed: listed) }
        // Every page three times over, so each worker renders many of them.
        let many = inputs + inputs + inputs
        let rendered = ParallelWork.map(Array(many.indices)) { PageOutputs.render(many[$0], fastBuilder) }
        for (k, input) in many.enumerated() {
            XCTAssertEqual(
                String(decoding: rendered[k], as: UTF8.self), String(decoding: PageOutputs.render(input, referenceBuilder), as: UTF8.self))
        }
        XCTAssertEqual(fast.fallbacks.value, 0)
    }

    /// The fast renderer keeps, in each thread's own copy of the templates, what a top-level tag
    /// of the shared values rendered to and which layer answers a name (`Node.memoBytes`,
    /// `Name.known`), for the shared values they were made with. Pages of two sites (other
    /// titles, strings, *now*, navigation) rendered in turn with the same templates on one
    /// thread, and the quarterly pages among them (another `t`), must each still match
    /// swift-mustache: nothing kept for one site's values shows on the other's pages.
    func testKeptRenderingsFollowTheSharedValues() throws {
        var builders: [(PageBuilder, PageBuilder, [PageInput])] = []
        var fast: PageTheme?, reference: PageTheme?
        for source in [".", "Tests/Fixtures/basic"] {
            let result = try PageTestSupport.build(source)
            let context = RenderContext(site: try XCTUnwrap(result.site), figures: try XCTUnwrap(result.figures))
            // One theme for both sites, as the preview keeps one across builds.
            let f = try fast ?? PageTheme(overrides: [:], urls: context.urls)
            let r = try reference ?? PageTheme(overrides: [:], urls: context.urls, compile: false)
            fast = f
            reference = r
            let status = PageOutputs.statusInput(context)
            let levelIndex = PageOutputs.levelIndex(context)
            let listed = PageOutputs.listed(context)
            let inputs = PageOutputs.jobs(context).map { PageOutputs.input($0, context, status: status, levelIndex: levelIndex, listed: listed) }
            builders.append((PageBuilder(context: context, theme: f), PageBuilder(context: context, theme: r), inputs))
        }
        let (a, b) = (builders[0], builders[1])
        XCTAssertNotEqual(a.0.site.config.title, b.0.site.config.title)
        var compared = 0
        // Alternate the two sites' pages, three rounds, so every kept rendering is met with the
        // other site's values after it was made.
        for _ in 0..<3 {
            for k in 0..<max(a.2.count, b.2.count) {
                for (fastBuilder, referenceBuilder, inputs) in [a, b] where k < inputs.count {
                    let got = String(decoding: PageOutputs.render(inputs[k], fastBuilder), as: UTF8.self)
                    XCTAssertEqual(got, String(decoding: PageOutputs.render(inputs[k], referenceBuilder), as: UTF8.self))
                    compared += 1
                }
            }
        }
        XCTAssertEqual(compared, 3 * (a.2.count + b.2.count))
        XCTAssertEqual(fast?.fallbacks.value, 0)
    }

    /// Threads racing to make the same value of a `OncePerKey` all get one instance, the first
    /// stored, and so does every later call on any thread (each reads its own table first): a record layout is kept by identity (page contexts and the names' slots compare
    /// layouts by it), and a second instance made in a race once replaced the first.
    func testOncePerKeyGivesEveryRacerTheSameInstance() {
        final class Made: Sendable {}
        for _ in 0..<20 {
            let values = OncePerKey<Int, Made>()
            let got = ParallelWork.map(Array(0..<64)) { _ in
                values.value(7) {
                    usleep(2000)  // long enough for the other threads to start making one too
                    return Made()
                }
            }
            XCTAssertEqual(Set(got.map(ObjectIdentifier.init)).count, 1)
            XCTAssertTrue(values.value(7) { Made() } === got[0])
            // Asked again, each worker answers from its own table: the same first-stored one.
            let again = ParallelWork.map(Array(0..<64)) { _ in values.value(7) { Made() } }
            XCTAssertTrue(again.allSatisfy { $0 === got[0] })
        }
    }

    /// Constructs the default theme does not use, against swift-mustache.
    func testTemplateFeaturesMatchSwiftMustache() throws {
        let templates: [String: String] = [
            "t-vars": "{{a}} {{{a}}} {{&a}} {{b}} {{n}} {{x}} {{missing}}|{{d.e.f}}|{{#d}}{{e.f}}{{/d}}\n",
            "t-sections": """
                {{#list}}
                  - {{name}}{{^last()}},{{/last()}} {{index()}} {{#first()}}first{{/first()}}{{#even()}}even{{/even()}}{{#odd()}}odd{{/odd()}}
                {{/list}}
                {{^empty}}none{{/empty}}{{#empty}}never{{/empty}}{{#yes}}Y{{/yes}}{{^no}}N{{/no}}
                {{#s}}[{{.}}]{{/s}}{{#strings}}<{{.}}>{{/strings}}{{#d}}{{a}}{{/d}}{{^s}}not{{/s}}{{^last()}}outside{{/last()}}
                {{#list}}{{#inner}}{{name}}:{{v}};{{/inner}}{{/list}}

                """,
            "t-partials": "before\n  {{>partials/p}}\nafter {{>partials/p}}\n",
            "partials/p": "line one {{a}}\nline two\n",
            "t-parent": "{{<base}}{{$title}}Custom {{a}}{{/title}}{{/base}}\n",
            "t-parent-default": "{{<base}}{{/base}}",
            "base": "<h1>{{$title}}Default{{/title}}</h1>\n  {{$body}}\n  body {{b}}\n  {{/body}}\n",
            "t-text": "{{%CONTENT_TYPE: TEXT}}{{a}}\n",
            "t-comment": "a {{! a comment }} b\n  {{! standalone }}\nc\n",
        ]
        var overrides: [String: [UInt8]] = [:]
        for (name, text) in templates { overrides[name + ".mustache"] = Array(text.utf8) }
        let theme = try PageTheme(overrides: overrides, urls: SiteURLs(baseURL: "https://x.example/"))
        let compiled = try XCTUnwrap(theme.compiled)
        let values: [String: Any] = [
            "a": "<b>&\"'", "b": true, "n": 42, "x": 2.5,
            "d": ["e": ["f": "deep"] as [String: Any], "a": "in d"] as [String: Any],
            "list": [
                ["name": "one", "inner": [["v": "1"]]], ["name": "two", "inner": [] as [Any]], ["name": "three"],
            ] as [[String: Any]],
            "empty": [] as [[String: Any]], "yes": true, "no": false, "s": "str", "strings": ["p", "q"],
        ]
        for name in templates.keys.sorted() where name.hasPrefix("t-") {
            let fast: String?
            do { fast = try compiled.render(name, values) } catch {
                XCTFail("\(name): \(error)")
                continue
            }
            let reference = theme.library.render(values, withTemplate: name)
            XCTAssertEqual(fast, reference, name)
            XCTAssertFalse((fast ?? "").isEmpty, name)
        }
    }

    /// Values and transforms the fast renderer does not know are left to swift-mustache.
    func testUnknownValuesAndTransformsFallBackToSwiftMustache() throws {
        let overrides: [String: [UInt8]] = [
            "t-upper.mustache": Array("{{uppercased(a)}}".utf8),
            "t-date.mustache": Array("{{when}}".utf8),
        ]
        let theme = try PageTheme(overrides: overrides, urls: SiteURLs(baseURL: "https://x.example/"))
        let compiled = try XCTUnwrap(theme.compiled)
        let values: [String: Any] = ["a": "shout", "when": Date(timeIntervalSince1970: 0)]
        XCTAssertThrowsError(try compiled.render("t-upper", values))
        XCTAssertThrowsError(try compiled.render("t-date", values))
        XCTAssertEqual(theme.render("t-upper", values), "SHOUT")
        XCTAssertEqual(theme.render("t-date", values), theme.library.render(values, withTemplate: "t-date"))
    }

    /// Issue 26: an include of a template the theme does not have (which swift-mustache renders
    /// as nothing) and a template that includes itself (which never ends) are theme errors at
    /// their tags.
    func testIncludesOfNothingAndLoopsAreThemeErrors() {
        func problem(_ templates: [String: String]) -> ThemeError? {
            var overrides: [String: [UInt8]] = [:]
            for (name, text) in templates { overrides[name + ".mustache"] = Array(text.utf8) }
            do {
                _ = try PageTheme(overrides: overrides, urls: SiteURLs(baseURL: "https://x.example/"))
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(
            problem(["t-partials": "before\nafter {{>partials/p}} {{> nope }}\n", "partials/p": "p"]),
            ThemeError(
                // "after " (6) + "{{>partials/p}}" (15) + " " (1): the tag starts in column 23.
                path: "t-partials.mustache", line: 2, column: 23,
                message: "the theme has no template nope to include (its partials: partials/bullets, partials/incident, partials/p)"))
        XCTAssertEqual(
            problem(["partials/a": "{{>partials/b}}", "partials/b": "b\n{{#x}}{{>partials/a}}{{/x}}"]),
            ThemeError(
                path: "partials/a.mustache", line: 1, column: 1,
                message: "this include closes a loop of templates (partials/a → partials/b → partials/a): a template cannot include itself, even through others, or the page would never end"))
        XCTAssertNil(problem(["t-dyn": "{{>*which}}"]), "a dynamic partial names no template")
    }

    /// A template with a dynamic partial is rendered by swift-mustache alone.
    func testDynamicPartialsLeaveTheWholeThemeToSwiftMustache() throws {
        let overrides: [String: [UInt8]] = ["t-dyn.mustache": Array("{{>*which}}".utf8)]
        let theme = try PageTheme(overrides: overrides, urls: SiteURLs(baseURL: "https://x.example/"))
        XCTAssertNil(theme.compiled)
        XCTAssertEqual(theme.render("t-dyn", ["which": "404"]), theme.library.render(["which": "404"], withTemplate: "t-dyn"))
    }
}
