import Dispatch
import Foundation
import Synchronization

/// Maps over an array on all cores, keeping order (scheduling for the build steps; the core stays sequential).
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

/// A list that several workers append to.
public final class LockedList<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    public init() {}

    public func append(_ item: Element) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    /// Everything appended so far, in the order it arrived.
    public var elements: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
