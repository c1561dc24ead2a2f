import ShenbaoData

/// The JSON data reader on any bytes: it may refuse them, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? DataFile.parseKeepingDuplicates(bytes, path: "fuzz.json", format: .json)
    return 0
}
