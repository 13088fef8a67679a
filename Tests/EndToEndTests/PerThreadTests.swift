import BuildSupport
import Foundation
import XCTest

/// `PerThread`: each thread reads a value of its own, made once, and the values go with it.
final class PerThreadTests: XCTestCase {
    final class Made {
        let thread: pthread_t
        init(_ thread: pthread_t) { self.thread = thread }
    }

    func testEachThreadMakesItsOwnValueOnce() {
        let perThread: PerThread<Made>? = PerThread { Made(pthread_self()) }
        let group = DispatchGroup()
        let results = LockedList<(made: pthread_t, asking: pthread_t, first: ObjectIdentifier, second: ObjectIdentifier)>()
        // Four threads of our own (dispatch's workers could serve two of them with one thread).
        for _ in 0..<4 {
            group.enter()
            let reader = perThread!
            let thread = Thread {
                let first = reader.value, second = reader.value
                results.append((first.thread, pthread_self(), ObjectIdentifier(first), ObjectIdentifier(second)))
                group.leave()
            }
            thread.start()
        }
        group.wait()
        let all = results.elements
        XCTAssertEqual(all.count, 4)
        // Made on the thread that asked, and the same value on its second read.
        for r in all {
            XCTAssertEqual(pthread_equal(r.made, r.asking), 1, "made on the thread that asked")
            XCTAssertEqual(r.first, r.second)
        }
        XCTAssertEqual(Set(all.map(\.first)).count, 4, "one value per thread")
        XCTAssertEqual(perThread!.madeCount, 4)
        // This thread's own, too.
        XCTAssertEqual(pthread_equal(perThread!.value.thread, pthread_self()), 1)
        XCTAssertEqual(perThread!.madeCount, 5)
    }

    func testTheValuesAreKeptByThePerThreadNotByTheThread() {
        // A worker thread outlives a preview build: its value must go with the build's PerThread.
        var perThread: PerThread<Made>? = PerThread { Made(pthread_self()) }
        weak var seen = perThread!.value
        XCTAssertNotNil(seen)
        perThread = nil
        XCTAssertNil(seen, "the values are freed with their PerThread")
    }

    func testAKeyMadeAfterOneWasFreedStartsEmptyOnEveryThread() {
        // glibc reuses a deleted key's number: a new PerThread must not read the old one's value.
        var first: PerThread<Int>? = PerThread { 1 }
        XCTAssertEqual(first!.value, 1)
        first = nil
        let second = PerThread { 2 }
        XCTAssertEqual(second.value, 2)
        XCTAssertEqual(second.madeCount, 1)
    }
}
