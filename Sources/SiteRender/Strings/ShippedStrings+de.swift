import SLACore

extension ShippedStrings {
    /// German, in the register of a contract ("Gutschrift", "Verfügbarkeit").
    static func de(_ id: StringID) -> String? {
        switch id {
        default: nil
        }
    }
}
