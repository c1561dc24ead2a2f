import FuzzDriver
import ShenbaoCore

@testable import ShenbaoFill
@testable import ShenbaoOOXML

/// The OOXML package reader on any bytes: the zip reader (names, sizes, CRCs, duplicates), every
/// XML part through libxml2, and a template compiled from what it holds. Each may refuse, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackage(_ input: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let archive = try? ZipArchive(bytes: bytes, path: "fuzz.docx") else { return 0 }
    for name in archive.names where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
        _ = try? archive.xml(name)
    }
    _ = try? TemplateTags.list(archive, options: FillOptions())
    return 0
}

/// The entry point SwiftPM links as `main` for this executable: it hands the arguments to
/// libFuzzer's driver (see `runFuzzer` in the FuzzDriver target).
@_cdecl("FuzzPackage_main")
public func fuzzPackageMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzPackage)
}
