import Dispatch
import Foundation

/// Maps over an array on all cores, keeping order (a utility with no state of its own).
public enum ParallelWork {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        let workers = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment()
                if i >= items.count { break }
                slots.set(i, transform(items[i]))
            }
        }
        return slots.values()
    }

    /// Runs `transform` for each item on all cores and concatenates the results in order.
    public static func flatMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> [R]) throws -> [R] {
        let results = map(items) { item -> Result<[R], any Error> in Result { try transform(item) } }
        var out: [R] = []
        for r in results { out += try r.get() }
        return out
    }
}

/// Fixed slots, each written once from a worker (distinct indices, so no two writers meet).
final class Slots<R>: @unchecked Sendable {
    private var storage: [R?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: R) {
        storage.withUnsafeMutableBufferPointer { $0[i] = value }
    }

    func values() -> [R] { storage.map { $0! } }
}

/// A counter shared by workers that hand out indices.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let v = value
        value += 1
        return v
    }
}
