import BuildSupport
import SLACore

/// `/badges/<plan>/<service>.svg`: "uptime | 99.982 %" for the current month, coloured by
/// whether the month is on track (docs/spec.md §4).
struct Badge: Sendable, Equatable {
    enum State: Sendable, Equatable {
        case met, missed, noCommitment, noData

        /// Fill of the value half; each keeps white text above 4.5:1 contrast (WCAG AA).
        var colour: String {
            switch self {
            case .met: "#2e7d32"
            case .missed: "#c62828"
            case .noCommitment, .noData: "#6e6e6e"
            }
        }
    }

    var label: String
    var value: String
    var state: State
    /// Full sentence for screen readers and tooltips.
    var title: String
    /// Prefix for the SVG's internal ids, so several badges can be inlined in one page.
    var idPrefix: String

    /// The badge of one plan × service at the build's *now*.
    init(level: ServiceLevel, plan: Plan, context: RenderContext) {
        let service = context.service(level.serviceID)?.title ?? level.serviceID
        let s = context.text
        label = s[.badgeLabel]
        idPrefix = "badge-\(level.planID)-\(level.serviceID)"
        // The current period's own objective (the terms that judge it), as every past period's.
        guard let objective = level.currentPeriod.map(\.objective) ?? level.terms.uptime else {
            value = s[.badgeNoCommitment]
            state = .noCommitment
            title = s(.badgeNoCommitmentTitle, ["plan": plan.title, "service": service])
            return
        }
        let objectiveText = s.percent(objective)
        guard let current = level.currentPeriod, let currentUptime = current.uptime else {
            value = s[.badgeNoData]
            state = .noData
            title = s(.badgeNoDataTitle, ["plan": plan.title, "service": service, "objective": objectiveText])
            return
        }
        let uptime = s.uptime(currentUptime)
        value = uptime
        state = current.met == true ? .met : .missed
        title = s(
            StringID.badgeTitle.forPeriod(current.period.kind),
            [
                "plan": plan.title, "service": service, "uptime": uptime, "month": PageFormat.period(current.period, s),
                "objective": objectiveText, "verdict": s[state == .met ? .badgeOnTrack : .badgeBelow],
            ])
    }

    init(label: String, value: String, state: State, title: String, idPrefix: String) {
        self.label = label
        self.value = value
        self.state = state
        self.title = title
        self.idPrefix = idPrefix
    }

    /// Every plan × covered service.
    static func files(_ context: RenderContext) -> [OutputFile] {
        context.site.plans.indices.flatMap { files(context, plan: $0) }
    }

    /// The badges of plan `p` (one per covered service).
    static func files(_ context: RenderContext, plan p: Int) -> [OutputFile] {
        let plan = context.site.plans[p]
        return context.figures.plans[p].map { level in
            let path = context.urls.badge(plan: level.planID, service: level.serviceID)
            // A badge reads its level (terms and months), the site's titles and *now* (the scope).
            return OutputFile(
                path: path,
                bytes: context.reuse.value(.badges, at: path, for: level) {
                    Array(Badge(level: level, plan: plan, context: context).svg().utf8)
                })
        }
    }

    /// The two-part flat badge; widths are estimated from Verdana 11 px so no font is needed.
    func svg() -> String {
        let left = Self.textWidth(label) + 10
        let right = Self.textWidth(value) + 10
        let width = left + right
        let gradient = XMLText.escape(idPrefix + "-s")
        let clip = XMLText.escape(idPrefix + "-r")
        let label = XMLText.escape(self.label)
        let value = XMLText.escape(self.value)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="20" viewBox="0 0 \(width) 20" \
            role="img" aria-label="\(XMLText.escape(title))">
            <title>\(XMLText.escape(title))</title>
            <linearGradient id="\(gradient)" x2="0" y2="100%">\
            <stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/>\
            </linearGradient>
            <clipPath id="\(clip)"><rect width="\(width)" height="20" rx="3" fill="#fff"/></clipPath>
            <g clip-path="url(#\(clip))">\
            <rect width="\(left)" height="20" fill="#555"/>\
            <rect x="\(left)" width="\(right)" height="20" fill="\(state.colour)"/>\
            <rect width="\(width)" height="20" fill="url(#\(gradient))"/>\
            </g>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" \
            font-size="11" aria-hidden="true">
            <text x="\(Self.half(left))" y="15" fill="#010101" fill-opacity=".3">\(label)</text>\
            <text x="\(Self.half(left))" y="14">\(label)</text>
            <text x="\(Self.half(left * 2 + right))" y="15" fill="#010101" fill-opacity=".3">\(value)</text>\
            <text x="\(Self.half(left * 2 + right))" y="14">\(value)</text>
            </g>
            </svg>

            """
    }

    /// `n / 2` written without a trailing `.0`.
    static func half(_ n: Int) -> String { n % 2 == 0 ? String(n / 2) : "\(n / 2).5" }

    /// Approximate advance of `text` in Verdana 11 px, rounded up to whole pixels.
    static func textWidth(_ text: String) -> Int {
        var tenths = 0
        for c in text.unicodeScalars {
            switch c {
            case "i", "l", "j", "'", "|", "!": tenths += 30
            case "m", "w": tenths += 106
            case " ", ".", ",", ":", ";", "f", "t", "r", "(", ")": tenths += 43
            case "0"..."9", "a"..."z", "-", "+", "=", "?": tenths += 70
            case "%": tenths += 119
            case "A"..."Z": tenths += 78
            default: tenths += c.value < 0x80 ? 70 : 110
            }
        }
        return (tenths + 9) / 10
    }
}
