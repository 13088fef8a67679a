/// How badly an incident affects a service (docs/spec.md §2).
public enum Impact: String, Sendable, CaseIterable, Comparable {
    case major, partial, degraded, maintenance

    public static func < (lhs: Impact, rhs: Impact) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Downtime weight per impact (docs/spec.md §2 `impact_weights`).
public struct ImpactWeights: Sendable, Hashable {
    public var major: Double
    public var partial: Double
    public var degraded: Double
    public var maintenance: Double

    public static let standard = ImpactWeights(major: 1.0, partial: 0.3, degraded: 0.0, maintenance: 1.0)

    public init(major: Double, partial: Double, degraded: Double, maintenance: Double) {
        self.major = major
        self.partial = partial
        self.degraded = degraded
        self.maintenance = maintenance
    }

    public subscript(impact: Impact) -> Double {
        get {
            switch impact {
            case .major: major
            case .partial: partial
            case .degraded: degraded
            case .maintenance: maintenance
            }
        }
        set {
            switch impact {
            case .major: major = newValue
            case .partial: partial = newValue
            case .degraded: degraded = newValue
            case .maintenance: maintenance = newValue
            }
        }
    }
}
