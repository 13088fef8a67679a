/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The closest candidate to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased().unicodeScalars))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, d) = best else { return nil }
        let limit = max(1, min(3, (max(w.count, candidate.count) + 2) / 4))
        return d <= limit ? candidate : nil
    }

    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        // A key that starts several candidates (`claim_window` → `claim_window_days` or
        // `claim_window_months`, issue 26 point 10) names them all.
        let stem = word.lowercased() + "_"
        let longer = candidates.filter { $0.lowercased().hasPrefix(stem) }.sorted()
        if longer.count > 1 {
            return "did you mean " + longer.dropLast().map { "\"\($0)\"" }.joined(separator: ", ") + " or \"\(longer.last!)\"?"
        }
        // A key that starts one known key (`period_start` → `period_start_month`) names it when
        // no close spelling does.
        return (closest(to: word, in: candidates) ?? longer.first).map { "did you mean \"\($0)\"?" }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if a.count > 64 || b.count > 64 { return abs(a.count - b.count) + 64 }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
