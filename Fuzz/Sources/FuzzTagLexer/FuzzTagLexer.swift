import FuzzDriver

@testable import ShenbaoFill
@testable import ShenbaoOOXML

/// The tag lexer on a paragraph whose runs hold the input's text: a 0x01 byte starts a new run
/// (Word splits tags across runs), so tags split anywhere are tried. The lexer may report
/// problems, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTagLexer(_ input: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let runs = bytes.split(separator: 0x01, omittingEmptySubsequences: false).map { piece in
        "<w:r><w:t xml:space=\"preserve\">\(XMLSerializer.escapeText(String(decoding: piece, as: UTF8.self)))</w:t></w:r>"
    }
    let xml = "<w:body xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p>\(runs.joined())</w:p></w:body>"
    guard let root = try? XMLParser.parse(Array(xml.utf8), part: "word/document.xml").root else { return 0 }
    for delimiters in [Delimiters.mustache, Delimiters(spec: "{ }")!] {
        var lexer = TagLexer(part: "word/document.xml", delimiters: delimiters)
        _ = lexer.lex(XMLFlattener.tokens(of: root))
    }
    return 0
}

/// The entry point SwiftPM links as `main` for this executable: it hands the arguments to
/// libFuzzer's driver (see `runFuzzer` in the FuzzDriver target).
@_cdecl("FuzzTagLexer_main")
public func fuzzTagLexerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzTagLexer)
}
