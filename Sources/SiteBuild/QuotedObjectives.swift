import SLACore
import SiteContent

/// `check`'s look at prose (issue 14, the seeds' "misplaced 9"): a plan's or service's
/// Markdown body that quotes an uptime percentage which is none of the objectives or credit
/// thresholds of any version of its terms has fallen behind them (or has a typo). Issue 26
/// point 12: every version counts, past and upcoming, so a body may state the plan's history
/// ("99.9 % until March") without a warning on every build (docs/content.md, Errors and warnings).
public enum QuotedObjectives {
    /// Percentages from 90 up to (not including) 100 read as uptime figures; credits and caps
    /// (10 %, 25 %, 100 %) are other figures.
    static let uptimeRange = 90.0..<100.0

    public static func check(site: Site, figures: SiteFigures, sources: [String: [UInt8]]) -> [Diagnostic] {
        // The objectives and thresholds of every version, per plan and per service (over the
        // plans covering it in any version).
        var byPlan: [String: Set<Double>] = [:]
        var byService: [String: Set<Double>] = [:]
        for (p, plan) in site.plans.enumerated() where p < figures.versions.count {
            for service in figures.versions[p].flatMap(\.services) {
                var thresholds = Set(service.terms.credits.map(\.below))
                if let u = service.terms.uptime { thresholds.insert(u) }
                byPlan[plan.id, default: []].formUnion(thresholds)
                byService[service.serviceID, default: []].formUnion(thresholds)
            }
        }
        var out: [Diagnostic] = []
        func scan(_ file: String, allowed: Set<Double>, what: String) {
            guard let bytes = sources[file], let (body, firstLine) = SourceFile(path: file, bytes: bytes).markdownBody else { return }
            for quote in percentages(in: body) where uptimeRange.contains(quote.value) {
                guard !allowed.contains(where: { abs($0 - quote.value) < 1e-9 }) else { continue }
                let list = allowed.filter(uptimeRange.contains).sorted(by: >).map { Published.text($0) + " %" }.joined(separator: ", ")
                out.append(
                    Diagnostic(
                        .warning, file, firstLine + quote.line - 1, quote.column,
                        "the text quotes \(Published.text(quote.value)) %, which is none of \(what) objectives or credit thresholds in any version (\(list.isEmpty ? "none" : list)): is the text behind the terms, or a 9 misplaced?"))
            }
        }
        for plan in site.plans { scan("content/plans/\(plan.id).md", allowed: byPlan[plan.id] ?? [], what: "this plan's") }
        for service in site.services where byService[service.id] != nil {
            scan("content/services/\(service.id).md", allowed: byService[service.id] ?? [], what: "this service's")
        }
        return out
    }

    /// Every `<number> %` / `<number>%` / `<number> percent` in a text, with its 1-based line
    /// and column (in characters).
    static func percentages(in text: String) -> [(value: Double, line: Int, column: Int)] {
        var out: [(Double, Int, Int)] = []
        var line = 1
        var column = 1
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                line += 1
                column = 1
                i += 1
                continue
            }
            // A number that does not continue a word or another number.
            if c.isASCIIDigit, i == 0 || !(chars[i - 1].isASCIIDigit || chars[i - 1] == "." || chars[i - 1].isLetter) {
                var j = i
                while j < chars.count, chars[j].isASCIIDigit || (chars[j] == "." && j + 1 < chars.count && chars[j + 1].isASCIIDigit) {
                    j += 1
                }
                var k = j
                while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" { k += 1 }
                let rest = String(chars[k..<min(chars.count, k + 7)])
                if k < chars.count, chars[k] == "%" || rest.lowercased() == "percent", let value = Double(String(chars[i..<j])) {
                    out.append((value, line, column))
                }
                column += j - i
                i = j
                continue
            }
            column += 1
            i += 1
        }
        return out
    }
}
