import SLACore

extension SiteParser {
    /// Issue 26 point 11: a credit tier whose threshold is above the objective it is judged
    /// with pays a credit in months that met the objective. Checked on the merged terms of every
    /// version of every plan × service (the tier and the objective may come from different
    /// levels), and reported once where the tier is written.
    static func tierWarnings(
        _ site: Site, tiers: [WrittenTier], terms resolved: (Plan, PlanVersion, String) -> ResolvedTerms
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported: Set<WrittenTier> = []
        for plan in site.plans {
            for version in versions(of: plan) {
                for entry in version.services {
                    let terms = resolved(plan, version, entry.id)
                    guard let objective = terms.uptime else { continue }
                    // The lowest level that writes `credits` gave the list (lists replace whole).
                    let file: String
                    if entry.terms[TermKeys.credits] != nil || version.terms[TermKeys.credits] != nil {
                        file = "content/plans/\(plan.id).md"
                    } else if site.service(entry.id)?.defaults[TermKeys.credits] != nil {
                        file = "content/services/\(entry.id).md"
                    } else {
                        file = "site.yaml"
                    }
                    for tier in terms.credits where tier.below > objective + Published.tolerance {
                        guard let written = tiers.first(where: { $0.file == file && $0.tier == tier }),
                            reported.insert(written).inserted
                        else { continue }
                        out.append(
                            Diagnostic(
                                .warning, written.file, written.line, written.column,
                                "credit tier below \(Published.text(tier.below)) % is above the objective \(Published.text(objective)) % (plan \(plan.id), service \(entry.id)): it pays a credit in months that met the objective"))
                    }
                }
            }
        }
        return out
    }
}
