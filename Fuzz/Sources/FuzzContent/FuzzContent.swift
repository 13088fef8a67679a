import FuzzSupport
import SiteBuild
import SiteContent
import CFuzzerDriver

/// libFuzzer entry: byte 0 picks which file of a small valid site the rest replaces
/// (see `FuzzSite.slots`); the site is parsed and, if valid, every figure is computed.
private let store = ReuseStore()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let parsed = FuzzSite.run(selector: data[0], bytes: bytes, reuse: store)
    store.endBuild(succeeded: parsed.site != nil)
    return 0
}

/// Entry point of a debug build, where SwiftPM links `main` to `FuzzContent_main`: runs libFuzzer.
@_cdecl("FuzzContent_main")
public func fuzzContentMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzContent(data, size) }
}
