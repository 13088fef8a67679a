import SLACore

extension ShippedStrings {
    /// French, in the register of a contract ("avoir", "disponibilité").
    static func fr(_ id: StringID) -> String? {
        switch id {
        default: nil
        }
    }
}
