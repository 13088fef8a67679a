import BuildSupport
import Foundation

/// Everything a preview rebuild takes over from the build before, in one place: file bytes,
/// decoded files, Markdown, figures, the theme, pages and machine-readable pieces.
///
/// Each value is kept under the complete value it was made from (compared with `==`, so a
/// digest can never collide), never under a list of inputs kept by hand: an input nobody
/// listed still changes the key. A build keeps exactly what it used; what the current site no
/// longer produces is dropped when the next build starts (after a failed build, both builds'
/// values are kept, so fixing the error rebuilds little).
public final class ReuseStore: Reusing, @unchecked Sendable {
    private let lock = NSLock()
    /// What the last successful build used (and, after a failure, what the failed one made).
    private var kept: [[AnyHashable: Any]]
    /// What this build has used or made so far.
    private var used: [[AnyHashable: Any]]
    private var counts: [(made: Int, reused: Int)]
    private var last: [(made: Int, reused: Int)]
    private var scopes: [AnyHashable?]

    public init() {
        let tables = ReuseTable.allCases.count
        kept = Array(repeating: [:], count: tables)
        used = Array(repeating: [:], count: tables)
        counts = Array(repeating: (0, 0), count: tables)
        last = counts
        scopes = Array(repeating: nil, count: tables)
    }

    public func value<Key: Hashable & Sendable, Value>(
        _ table: ReuseTable, _ key: Key, make: () throws -> Value
    ) rethrows -> Value {
        // The value's type is part of the key, so two uses of one key type never meet.
        let boxed = AnyHashable(Typed<Key, Value>(key: key))
        let t = table.rawValue
        lock.lock()
        if let hit = used[t][boxed] ?? kept[t].removeValue(forKey: boxed) {
            used[t][boxed] = hit
            counts[t].reused += 1
            lock.unlock()
            return hit as! Value
        }
        lock.unlock()
        // Made outside the lock: two workers may race to make the same value; both are equal.
        let made = try make()
        lock.lock()
        if used[t][boxed] == nil { counts[t].made += 1 }
        used[t][boxed] = made
        lock.unlock()
        return made
    }

    public func scope<Scope: Hashable & Sendable>(_ table: ReuseTable, _ scope: Scope) {
        let boxed = AnyHashable(scope)
        let t = table.rawValue
        lock.lock()
        defer { lock.unlock() }
        if scopes[t] != boxed {
            kept[t] = [:]
            used[t] = [:]
            scopes[t] = boxed
        }
    }

    /// Ends a build: after a success only what it used is kept; after a failure what it made is
    /// kept beside what the last good build used.
    public func endBuild(succeeded: Bool) {
        lock.lock()
        defer { lock.unlock() }
        for t in kept.indices {
            if succeeded {
                kept[t] = used[t]
            } else {
                kept[t].merge(used[t]) { _, new in new }
            }
            used[t] = [:]
        }
        last = counts
        counts = Array(repeating: (0, 0), count: counts.count)
    }

    /// How many values of `table` the last build made and how many it reused.
    public func lastCounts(_ table: ReuseTable) -> (made: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        return last[table.rawValue]
    }

    /// How many values of `table` are kept for the next build.
    public func keptCount(_ table: ReuseTable) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return kept[table.rawValue].count
    }
}

/// A key together with the type of the value kept under it.
private struct Typed<Key: Hashable, Value>: Hashable {
    let key: Key
}
