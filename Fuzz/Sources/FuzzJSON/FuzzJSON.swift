import FuzzDriver
import ShenbaoData

/// The JSON data reader on any bytes: it may refuse them, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ input: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? DataFile.parseKeepingDuplicates(bytes, path: "fuzz.json", format: .json)
    return 0
}

/// The entry point SwiftPM links as `main` for this executable: it hands the arguments to
/// libFuzzer's driver (see `runFuzzer` in the FuzzDriver target).
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzJSON)
}
