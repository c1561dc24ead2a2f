import ShenbaoData

/// The YAML data reader (and form.yaml's reader) on any bytes: it may refuse them, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? DataFile.parseKeepingDuplicates(bytes, path: "fuzz.yaml", format: .yaml)
    _ = try? FormSpec.parse(bytes, path: "form.yaml")
    return 0
}
