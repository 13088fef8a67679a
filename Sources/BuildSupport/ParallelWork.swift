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

/// One value per thread, made by `make` when a thread first asks, and freed with this object.
///
/// For small values that every page reads on every worker (the compiled templates, the layout's
/// values): reading shared objects retains them, and two cores retaining the same object take
/// turns owning its cache line. Each worker's own copy keeps its reference counts on its own core
/// (docs/performance.md, "Figures (2026-12-06, sixth session)").
public final class PerThread<Value>: @unchecked Sendable {
    private var key = pthread_key_t()
    /// False when the system had no key left: every thread then reads `shared`.
    private let hasKey: Bool
    private let make: () -> Value
    /// The value made for threads without a key of their own (made once, when first asked).
    private lazy var shared: Box = Box(make())
    /// Every box handed out: owned here, so a box outlives neither this object nor is freed
    /// twice (the threads' slots hold them unretained, and a worker thread may outlive a build).
    private var boxes: [Box] = []
    private let lock = NSLock()

    public init(_ make: @escaping () -> Value) {
        self.make = make
        hasKey = pthread_key_create(&key, nil) == 0
    }

    deinit {
        // glibc gives a key made later the same number with a new sequence, so no thread reads
        // a freed box through it.
        if hasKey { pthread_key_delete(key) }
    }

    /// Whether each thread gets a value of its own (false when the system had no key left and
    /// every thread reads the same one).
    public var isPerThread: Bool { hasKey }

    /// This thread's value.
    public var value: Value {
        guard hasKey else {
            lock.lock()
            defer { lock.unlock() }
            return shared.value
        }
        if let raw = pthread_getspecific(key) { return Unmanaged<Box>.fromOpaque(raw).takeUnretainedValue().value }
        let box = Box(make())
        lock.lock()
        boxes.append(box)
        lock.unlock()
        pthread_setspecific(key, Unmanaged.passUnretained(box).toOpaque())
        return box.value
    }

    /// How many threads have their own value (for tests).
    public var madeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return boxes.count
    }

    private final class Box {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
