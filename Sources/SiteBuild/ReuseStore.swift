import BuildSupport
import Foundation

/// Everything a preview rebuild takes over from the build before, in one place: file bytes,
/// decoded files, Markdown, figures, the theme, pages and machine-readable pieces.
///
/// Each value is kept at its slot together with the complete value it was made from, and is
/// used again only for an equal one (`==`), never for a list of inputs kept by hand: an input
/// nobody listed still changes the key, and nothing is hashed, so nothing can collide. A build
/// keeps exactly what it used; what the current site no longer produces is dropped when it
/// ends (after a failed build, both builds' values are kept, so fixing the error rebuilds little).
public final class ReuseStore: Reusing, @unchecked Sendable {
    /// A kept value with the key it was made for (a class, so a lookup checks its type once
    /// and reads both without copying them out of an existential box).
    private class Entry: @unchecked Sendable {
        /// The kept value, when it is a `V` (whatever its key).
        func value<V>(as type: V.Type) -> V? { nil }
    }

    private final class Kept<Key, Value>: Entry, @unchecked Sendable {
        let key: Key
        let value: Value

        init(key: Key, value: Value) {
            self.key = key
            self.value = value
        }

        override func value<V>(as type: V.Type) -> V? { value as? V }
    }

    /// One slot's values: the last good build's and this build's (one lookup finds both, and
    /// using a kept value sets a field instead of inserting into another table).
    private final class Held {
        /// What the last successful build used (and, after a failure, what the failed one made).
        var kept: Entry?
        /// What this build has used or made.
        var used: Entry?
    }

    /// The slots whose name hashes to one stripe, each stripe with its own lock, so workers
    /// rarely wait for each other.
    private final class Stripe: @unchecked Sendable {
        let lock = NSLock()
        var slots: [[Slot: Held]] = Array(repeating: [:], count: ReuseTable.allCases.count)
        var counts: [(made: Int, reused: Int)] = Array(repeating: (0, 0), count: ReuseTable.allCases.count)
    }

    /// A slot's name with its hash, computed once per lookup: it picks the stripe and is the
    /// tables' hash (hashing the name again for the table was 4 % of a preview rebuild).
    struct Slot: Hashable, @unchecked Sendable {
        let name: String
        let hash: Int

        init(_ name: String) {
            self.name = name
            hash = name.hashValue
        }

        static func == (a: Slot, b: Slot) -> Bool { a.hash == b.hash && a.name == b.name }
        func hash(into h: inout Hasher) { h.combine(hash) }
    }

    private static let stripeCount = 16
    private let stripes = (0..<ReuseStore.stripeCount).map { _ in Stripe() }
    /// Guards `scopes` and `last`.
    private let lock = NSLock()
    private var scopes: [(any Sendable)?] = Array(repeating: nil, count: ReuseTable.allCases.count)
    /// The scopes of partitions other than the default (`PartitionedReuse`), by table and partition.
    private var partitionScopes: [String: any Sendable] = [:]
    private var last: [(made: Int, reused: Int)] = Array(repeating: (0, 0), count: ReuseTable.allCases.count)

    public init() {}

    public func value<Key: Equatable & Sendable, Value>(
        _ table: ReuseTable, at slot: String, for key: Key, make: () throws -> Value
    ) rethrows -> Value {
        let t = table.rawValue
        let slot = Slot(slot)
        let stripe = stripes[Int(UInt(bitPattern: slot.hash) % UInt(Self.stripeCount))]
        stripe.lock.lock()
        let held = stripe.slots[t][slot]
        let found = (held?.used ?? held?.kept) as? Kept<Key, Value>
        stripe.lock.unlock()
        // Compared outside the lock (an entry never changes once kept): a page's key can be
        // large, and the other workers' lookups in this stripe need not wait for it.
        if let held, let entry = found, entry.key == key {
            stripe.lock.lock()
            held.used = entry
            stripe.counts[t].reused += 1
            stripe.lock.unlock()
            return entry.value
        }
        let made = try make()
        let entry = Kept(key: key, value: made)
        stripe.lock.lock()
        if let held = stripe.slots[t][slot] {
            held.used = entry
        } else {
            let held = Held()
            held.used = entry
            stripe.slots[t][slot] = held
        }
        stripe.counts[t].made += 1
        stripe.lock.unlock()
        return made
    }

    public func scope<Scope: Equatable & Sendable>(_ table: ReuseTable, _ scope: Scope) {
        self.scope(table, scope, partition: "")
    }

    /// A scope per table and partition: a change drops the table's values of that partition
    /// only (the default partition's slots are the ones without a partition prefix).
    public func scope<Scope: Equatable & Sendable>(_ table: ReuseTable, _ scope: Scope, partition: String) {
        let t = table.rawValue
        lock.lock()
        defer { lock.unlock() }
        if partition.isEmpty {
            guard !((scopes[t] as? Scope) == scope) else { return }
            scopes[t] = scope
        } else {
            let key = "\(t) " + partition
            guard !((partitionScopes[key] as? Scope) == scope) else { return }
            partitionScopes[key] = scope
        }
        let prefix = partition + PartitionedReuse.separator
        func inPartition(_ slot: String) -> Bool {
            partition.isEmpty ? !slot.contains(PartitionedReuse.separator) : slot.hasPrefix(prefix)
        }
        for stripe in stripes {
            stripe.lock.lock()
            if partition.isEmpty && partitionScopes.isEmpty {
                stripe.slots[t] = [:]
            } else {
                stripe.slots[t] = stripe.slots[t].filter { !inPartition($0.key.name) }
            }
            stripe.lock.unlock()
        }
    }

    public func lastValue<Value>(_ table: ReuseTable, at slot: String, as type: Value.Type) -> Value? {
        let slot = Slot(slot)
        let stripe = stripes[Int(UInt(bitPattern: slot.hash) % UInt(Self.stripeCount))]
        stripe.lock.lock()
        let kept = stripe.slots[table.rawValue][slot]?.kept
        stripe.lock.unlock()
        return kept?.value(as: type)
    }

    public func carry(_ tables: [ReuseTable]) {
        for stripe in stripes {
            stripe.lock.lock()
            for table in tables {
                for held in stripe.slots[table.rawValue].values where held.used == nil { held.used = held.kept }
            }
            stripe.lock.unlock()
        }
    }

    /// Ends a build: after a success only what it used is kept; after a failure what it made is
    /// kept beside what the last good build used.
    public func endBuild(succeeded: Bool) {
        lock.lock()
        defer { lock.unlock() }
        var counts = Array(repeating: (made: 0, reused: 0), count: ReuseTable.allCases.count)
        for stripe in stripes {
            stripe.lock.lock()
            for t in counts.indices {
                var dropped: [Slot] = []
                for (slot, held) in stripe.slots[t] {
                    if let used = held.used {
                        held.kept = used
                        held.used = nil
                    } else if succeeded {
                        // What the site no longer produces (or no longer asks for) is dropped.
                        dropped.append(slot)
                    }
                }
                for slot in dropped { stripe.slots[t][slot] = nil }
                counts[t].made += stripe.counts[t].made
                counts[t].reused += stripe.counts[t].reused
                stripe.counts[t] = (0, 0)
            }
            stripe.lock.unlock()
        }
        last = counts
    }

    /// How many values of `table` the last build made and how many it reused.
    public func lastCounts(_ table: ReuseTable) -> (made: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        return last[table.rawValue]
    }

    /// How many values of `table` are kept for the next build.
    public func keptCount(_ table: ReuseTable) -> Int {
        stripes.reduce(0) { n, stripe in
            stripe.lock.lock()
            defer { stripe.lock.unlock() }
            return n + stripe.slots[table.rawValue].values.reduce(0) { $0 + ($1.kept == nil ? 0 : 1) }
        }
    }
}
