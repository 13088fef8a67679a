import XCTest

@testable import SiteRender

/// Typed view models: their names are the templates' names, and a template that reads a name
/// its page's view model does not have is a theme error at its position.
final class TemplateViewTests: XCTestCase {
    struct Row: Codable {
        var monthName: String
        var measured: Bool
    }

    struct Sample: TemplateView {
        var planTitle: String
        var rows: [Row]
        var bullets: [String]
        var termination: String?
    }

    func testValuesUseTheSnakeCaseNamesAndLeaveOutNilOptionals() throws {
        let values = Sample(
            planTitle: "Pro", rows: [Row(monthName: "May", measured: true)], bullets: ["a", "b"], termination: nil
        ).templateValues
        XCTAssertEqual(values["plan_title"] as? String, "Pro")
        XCTAssertEqual(values["bullets"] as? [String], ["a", "b"])
        // Rows are records read by name, as swift-mustache reads any `MustacheParent`.
        let rows = try XCTUnwrap(values["rows"] as? [Any])
        let row = try XCTUnwrap(rows.first as? TemplateRecord)
        XCTAssertEqual(row.child(named: "month_name") as? String, "May")
        XCTAssertEqual(row.child(named: "measured") as? Bool, true)
        XCTAssertNil(row.child(named: "monthName"))
        XCTAssertNil(values["termination"])
        XCTAssertEqual(values.count, 3)
    }

    func testTheSchemaIsReadOffTheTypeWithoutAnInstance() {
        XCTAssertEqual(
            Sample.schema,
            .record([
                "plan_title": .value, "bullets": .value, "termination": .value,
                "rows": .list(.record(["month_name": .value, "measured": .value])),
            ]))
    }

    private func check(_ templates: [String: String]) -> ThemeError? {
        guard case let .record(names) = Sample.schema else { return ThemeError(path: "", message: "no schema") }
        return TemplateCheck.check("page", sources: templates, schema: names)
    }

    func testKnownNamesPassInSectionsPartialsAndParents() {
        XCTAssertNil(
            check([
                "page": "{{<layout}}{{$main}}{{#rows}}{{month_name}} of {{plan_title}}{{#measured}}*{{/measured}}{{/rows}}{{>partials/b}}{{/main}}{{/layout}}",
                "layout": "<h1>{{plan_title}}</h1>{{$main}}{{/main}}{{#termination}}{{.}}{{/termination}}",
                "partials/b": "{{#bullets}}{{.}}{{/bullets}}{{! a comment {{naming}} nothing }}",
            ]))
    }

    func testAnUnknownNameIsReportedWhereItIs() {
        XCTAssertEqual(
            check(["page": "<p>\n  {{#rows}}{{month}}{{/rows}}</p>"]),
            ThemeError(path: "page.mustache", line: 2, column: 12, message: "unknown name \"month\": the page's view model has no such value"))
        // A row's names are not names outside the row.
        XCTAssertEqual(check(["page": "{{month_name}}"])?.line, 1)
        XCTAssertEqual(check(["page": "{{>partials/x}}", "partials/x": "{{titel}}"])?.path, "partials/x.mustache")
        XCTAssertEqual(check(["page": "{{<layout}}{{/layout}}", "layout": "\n{{{body}}}"])?.line, 2)
    }

    /// Transforms read the name inside their parentheses; a sequence transform reads none.
    func testTransformsAreCheckedByTheNameTheyRead() {
        XCTAssertNil(check(["page": "{{#rows}}{{month_name}}{{^last()}}, {{/last()}}{{#first()}}*{{/first()}}{{/rows}}"]))
        XCTAssertNil(check(["page": "{{uppercased(plan_title)}}"]))
        XCTAssertEqual(
            check(["page": "{{uppercased(plan_titel)}}"]),
            ThemeError(
                path: "page.mustache", line: 1, column: 1, message: "unknown name \"uppercased(plan_titel)\": the page's view model has no such value"))
    }

    /// The default theme's typed pages read only names their view models have.
    func testTheDefaultThemePasses() throws {
        XCTAssertNoThrow(try PageTheme(overrides: [:], urls: SiteURLs(baseURL: "https://x.example/")))
    }
}

/// `TemplateCopy`: each rendering thread's copy of the shared layout values.
final class TemplateCopyTests: XCTestCase {
    func testACopyHoldsTheSameValuesInStorageOfItsOwn() throws {
        struct Row: TemplateView {
            var label: String
            var current: Bool
        }
        struct Rows: TemplateView { var nav: [Row] }
        let long = "A heading longer than fifteen bytes, so not stored inline"
        var original = Rows(nav: [Row(label: long, current: true), Row(label: "Status page of the provider", current: false)]).templateValues
        original["t"] = ["skip_to_content": long, "nav_label": "Main navigation of the site"] as [String: Any]
        original["count"] = 3
        let copy = TemplateCopy.dict(original)

        func address(_ s: String) -> UnsafeRawPointer? {
            var s = s
            return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        let t = try XCTUnwrap(copy["t"] as? [String: Any]), t0 = try XCTUnwrap(original["t"] as? [String: Any])
        XCTAssertEqual(t["skip_to_content"] as? String, long)
        XCTAssertNotEqual(address(t["skip_to_content"] as! String), address(t0["skip_to_content"] as! String))
        XCTAssertEqual(copy["count"] as? Int, 3)
        let rows = try XCTUnwrap(copy["nav"] as? [TemplateRecord]), rows0 = try XCTUnwrap(original["nav"] as? [TemplateRecord])
        XCTAssertEqual(rows.count, 2)
        for (row, row0) in zip(rows, rows0) {
            XCTAssertFalse(row === row0, "a record of its own")
            XCTAssertEqual(row.child(named: "label") as? String, row0.child(named: "label") as? String)
            XCTAssertEqual(row.child(named: "current") as? Bool, row0.child(named: "current") as? Bool)
            XCTAssertNotEqual(address(row.child(named: "label") as! String), address(row0.child(named: "label") as! String))
        }
    }
}
