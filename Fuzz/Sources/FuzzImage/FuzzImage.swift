import ShenbaoOOXML

/// The image reader (PNG chunks, CRCs, zlib, JPEG markers) on any bytes: it may refuse, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImage(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? ImageFile(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
