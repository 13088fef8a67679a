import Foundation

/// Each plan × service's figures kept between runs of the same site (for `serve`), under a digest
/// of everything they are computed from (see `SLAArithmetic.figures(for:now:cache:incidentDigests:)`).
/// Levels no run asked for are dropped after each run.
public final class FiguresCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int: ServiceLevel] = [:]
    /// Levels computed or found by the last run.
    public private(set) var lastComputed = 0
    public private(set) var lastKept = 0

    public init() {}

    func levels(_ keys: [[Int]]) -> [[ServiceLevel?]] {
        lock.lock()
        defer { lock.unlock() }
        return keys.map { row in row.map { entries[$0] } }
    }

    /// Keeps exactly this run's levels.
    func store(_ keys: [[Int]], _ levels: [[ServiceLevel]]) {
        var next: [Int: ServiceLevel] = [:]
        next.reserveCapacity(entries.count)
        lock.lock()
        defer { lock.unlock() }
        var kept = 0
        for (row, levelRow) in zip(keys, levels) {
            for (key, level) in zip(row, levelRow) {
                if entries[key] != nil { kept += 1 }
                next[key] = level
            }
        }
        lastKept = kept
        lastComputed = keys.reduce(0) { $0 + $1.count } - kept
        entries = next
    }
}
