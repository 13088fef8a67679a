import BuildSupport
import SiteBuild
import XCTest

/// Parts kept together (`KeptParts`): one lookup for all of them, and when an input changed,
/// only that part is made again; the others come from the last build's whole, each compared by
/// value first.
final class KeptPartsTests: XCTestCase {
    struct Failed: Error {}

    /// `parts` over `inputs` named by their place in `names`, recording which indices were made.
    func build(
        _ store: (any Reusing)?, _ names: [String], _ inputs: [Int], made: inout [[Int]], failing: Bool = false
    ) throws -> [String] {
        var asked: [Int] = []
        defer { made.append(asked) }
        return try store.parts(.canonical, at: "test parts", names: names, inputs: inputs) { todo in
            asked = todo
            if failing { throw Failed() }
            return todo.map { "\(names[$0])=\(inputs[$0])" }
        }
    }

    func testOnlyChangedPartsAreMadeAgain() throws {
        let store = ReuseStore()
        var made: [[Int]] = []
        XCTAssertEqual(try build(store, ["a", "b", "c"], [1, 2, 3], made: &made), ["a=1", "b=2", "c=3"])
        store.endBuild(succeeded: true)
        // The same inputs: nothing is made.
        XCTAssertEqual(try build(store, ["a", "b", "c"], [1, 2, 3], made: &made), ["a=1", "b=2", "c=3"])
        store.endBuild(succeeded: true)
        // b changed: only b.
        XCTAssertEqual(try build(store, ["a", "b", "c"], [1, 20, 3], made: &made), ["a=1", "b=20", "c=3"])
        store.endBuild(succeeded: true)
        // A part added in front moves the others: they are found by name; only the new one is made.
        XCTAssertEqual(try build(store, ["z", "a", "b", "c"], [0, 1, 20, 3], made: &made), ["z=0", "a=1", "b=20", "c=3"])
        store.endBuild(succeeded: true)
        // The same name with another input is made again even at its old place.
        XCTAssertEqual(try build(store, ["z", "a", "b", "c"], [0, 1, 20, 30], made: &made), ["z=0", "a=1", "b=20", "c=30"])
        XCTAssertEqual(made, [[0, 1, 2], [], [1], [0], [3]])
    }

    func testAFailedMakeKeepsNothingAndNoStoreMakesAll() throws {
        let store = ReuseStore()
        var made: [[Int]] = []
        _ = try build(store, ["a", "b"], [1, 2], made: &made)
        store.endBuild(succeeded: true)
        XCTAssertThrowsError(try build(store, ["a", "b"], [1, 5], made: &made, failing: true))
        store.endBuild(succeeded: false)
        // The failed whole was not kept: b is made again, a still comes from the last good whole.
        XCTAssertEqual(try build(store, ["a", "b"], [1, 5], made: &made), ["a=1", "b=5"])
        XCTAssertEqual(made, [[0, 1], [1], [1]])

        var none: [[Int]] = []
        XCTAssertEqual(try build(nil, ["a", "b"], [1, 2], made: &none), ["a=1", "b=2"])
        XCTAssertEqual(try build(nil, ["a", "b"], [1, 2], made: &none), ["a=1", "b=2"])
        XCTAssertEqual(none, [[0, 1], [0, 1]])
    }
}
