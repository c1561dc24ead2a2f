import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

@testable import ShenbaoOOXML

/// A part over 1 MB is deflated on two cores as one stream (`SplitDeflate`): it must read back
/// whole through libzip (which checks the CRC) and through Python's zipfile (zlib's inflate),
/// and the same part must always give the same bytes.
@Suite(.enabled(if: RequiredTools.present(.python))) struct SplitDeflateTests {
    /// Table rows like a filled form's, with numbers that change, so that deflate has work.
    static func rows(_ count: Int) -> [UInt8] {
        var text = "<w:document><w:body>"
        for k in 0..<count {
            text += "<w:tr><w:tc><w:p><w:r><w:t>第\(k)行 张三\(k % 97) 海岱大学 \(k * 7919 % 100_003)</w:t></w:r></w:p></w:tc></w:tr>"
        }
        return Array((text + "</w:body></w:document>").utf8)
    }

    @Test(arguments: [SplitDeflate.threshold, SplitDeflate.threshold + 7, 3 << 20])
    func largePartsReadBackWhole(_ size: Int) throws {
        var part = Self.rows(size / 60)
        while part.count < size { part += part.prefix(size - part.count) }
        part = Array(part.prefix(size))
        let entries = [ZipArchive.Entry(name: "word/document.xml", bytes: part), ZipArchive.Entry(name: "[Content_Types].xml", bytes: Array("<Types/>".utf8))]
        let bytes = try ZipWriter.bytes(entries)
        #expect(bytes.count < part.count / 4, "压缩后仍有 \(bytes.count) 字节")
        let archive = try ZipArchive(bytes: bytes, path: "split.docx")
        #expect(archive["word/document.xml"] == part)
        #expect(try ZipWriter.bytes(entries) == bytes, "同样的部件应得到同样的字节")

        let scratch = try Scratch("split-deflate")
        defer { scratch.remove() }
        let path = scratch.file("split.docx")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let python = try ExternalTool.run("python3", ["-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip() or 'ok', len(z.read('word/document.xml')))", path], timeout: 60)
        #expect(python.outputText.trimmingCharacters(in: .whitespacesAndNewlines) == "ok \(part.count)", "\(python.errorText)")
    }

    @Test func smallPartsAreNotSplit() throws {
        let part = Self.rows(1_000)
        #expect(part.count < SplitDeflate.threshold)
        let bytes = try ZipWriter.bytes([ZipArchive.Entry(name: "a.xml", bytes: part)])
        #expect(try ZipArchive(bytes: bytes, path: "a.zip")["a.xml"] == part)
    }
}
