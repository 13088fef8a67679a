import Dispatch
import Foundation
import Synchronization

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
    private let storage: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ i: Int, _ value: R) { storage[i] = value }

    func values() -> [R] { (0..<count).map { storage[$0]! } }
}

/// A counter shared by workers that hand out indices.
final class AtomicCounter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
