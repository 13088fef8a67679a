/// Feeds and machine-readable outputs of SPEC §4 other than sla.json.
enum MachineOutputs {
    static func files(_ context: RenderContext) throws -> [OutputFile] {
        []
    }
}
