import FuzzDriver

@testable import ShenbaoOOXML

/// The image reader (PNG chunks, CRCs, zlib, JPEG markers) on any bytes: it may refuse, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImage(_ input: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = input else { return 0 }
    _ = try? ImageFile(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The entry point SwiftPM links as `main` for this executable: it hands the arguments to
/// libFuzzer's driver (see `runFuzzer` in the FuzzDriver target).
@_cdecl("FuzzImage_main")
public func fuzzImageMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzImage)
}
