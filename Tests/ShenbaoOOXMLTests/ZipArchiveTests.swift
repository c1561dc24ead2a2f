import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

@testable import ShenbaoOOXML

@Suite struct ZipArchiveTests {
    @Test func roundTripsEntriesInOrderWithContentTypesFirst() throws {
        let entries = [
            ZipArchive.Entry(name: "word/document.xml", bytes: Array("<w:document/>".utf8)),
            ZipArchive.Entry(name: "[Content_Types].xml", bytes: Array("<Types/>".utf8)),
        ]
        let bytes = try ZipWriter.bytes(entries)
        let archive = try ZipArchive(bytes: bytes, path: "t.docx")
        #expect(archive.names == ["[Content_Types].xml", "word/document.xml"])
        #expect(archive["word/document.xml"] == Array("<w:document/>".utf8))
    }

    @Test func sameEntriesGiveIdenticalBytes() throws {
        let entries = [ZipArchive.Entry(name: "a.xml", bytes: Array(repeating: 65, count: 10_000))]
        let first = try ZipWriter.bytes(entries)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try ZipWriter.bytes(entries) == first)
    }

    @Test func refusesEntriesThatLeaveThePackage() throws {
        for name in ["../evil.xml", "/etc/passwd", "word\\..\\x.xml", "a/../../b"] {
            let bytes = try ZipWriter.bytes([ZipArchive.Entry(name: name, bytes: [1])])
            #expect(throws: ZipError.unsafeEntryName(path: "x.docx", entry: name)) {
                try ZipArchive(bytes: bytes, path: "x.docx")
            }
        }
    }

    @Test func refusesZipBombs() throws {
        let big = [UInt8](repeating: 0, count: 8 << 20)
        let bytes = try ZipWriter.bytes([ZipArchive.Entry(name: "bomb.xml", bytes: big)])
        #expect(bytes.count < 25_000)
        // The writer packs 8 MB of zeros about 390:1 (its first 42 % by zlib at level 1, which
        // packs zeros 229:1, the rest by libdeflate at 989:1; `SplitDeflate`; deflate's ceiling is
        // 1,032:1), under the default 1,000:1, so the ratio check is shown with a lower limit.
        var ratioLimits = ZipLimits()
        ratioLimits.maximumRatio = 200
        let refused = #expect(throws: ZipError.self) { try ZipArchive(bytes: bytes, path: "bomb.docx", limits: ratioLimits) }
        #expect("\(refused.map { "\($0)" } ?? "")".contains("压缩比"))
        var limits = ZipLimits()
        limits.maximumEntrySize = 1 << 20
        limits.maximumRatio = 1 << 30
        #expect(throws: ZipError.tooLarge(path: "bomb.docx", entry: "bomb.xml", reason: "解压后有 \(8 << 20) 字节，超过每个部件 1 MB 的上限")) {
            try ZipArchive(bytes: bytes, path: "bomb.docx", limits: limits)
        }
    }

    @Test func notAZipIsSaidSo() {
        #expect(throws: ZipError.notAZip(path: "x.docx")) {
            try ZipArchive(bytes: Array("hello, this is not a zip file at all".utf8), path: "x.docx")
        }
    }

    @Test func writeIsAtomicAndLeavesNoTemporaryFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zipw-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = ZipArchive(path: "x", entries: [.init(name: "a.xml", bytes: [1, 2, 3])])
        try archive.write(to: dir + "/out.docx")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.docx"])
        #expect(throws: OutputFileError.self) { try archive.write(to: dir + "/missing/out.docx") }
    }
}

/// Issue 14, items 3 and 6: damaged or hostile packages are refused by the one reader.
@Suite struct HostilePackageTests {
    static let entries = [
        ZipArchive.Entry(name: "[Content_Types].xml", bytes: Array("<Types/>".utf8)),
        ZipArchive.Entry(name: "word/document.xml", bytes: Array(String(repeating: "<w:p>正文</w:p>", count: 200).utf8)),
        ZipArchive.Entry(name: "word/documenX.xml", bytes: Array("<w:document/>".utf8)),
    ]

    @Test func flippedCRCOnTheDocumentPartIsRefused() throws {
        let bytes = ZipSurgery.flippingCRC(of: "word/document.xml", in: try ZipWriter.bytes(Self.entries))
        #expect(throws: ZipError.checksumMismatch(path: "x.docx", entry: "word/document.xml")) { try ZipArchive(bytes: bytes, path: "x.docx") }
        #expect(ZipError.checksumMismatch(path: "x.docx", entry: "word/document.xml").description == "x.docx [word/document.xml]: 校验和（CRC-32）不符，文件已损坏")
    }

    @Test func duplicatedEntryNameIsRefused() throws {
        let bytes = ZipSurgery.renaming("word/documenX.xml", to: "word/document.xml", in: try ZipWriter.bytes(Self.entries))
        #expect(throws: ZipError.duplicateEntry(path: "x.docx", entry: "word/document.xml")) { try ZipArchive(bytes: bytes, path: "x.docx") }
    }

    @Test func entryInflatingPastItsDeclaredSizeIsRefusedWhileInflating() throws {
        let bytes = ZipSurgery.declaring(size: 100, for: "word/document.xml", in: try ZipWriter.bytes(Self.entries))
        #expect(throws: ZipError.self) { try ZipArchive(bytes: bytes, path: "x.docx") }
    }

    @Test func documentInflatingTo250MBIsRefusedFromTheDirectory() throws {
        // 250 MB of XML deflates to about 250 KB: a zip bomb by size, not by ratio.
        let part = [UInt8](repeating: 0x41, count: 250 << 20)
        let bytes = try ZipWriter.bytes([ZipArchive.Entry(name: "word/document.xml", bytes: part)])
        let started = Date()
        #expect(throws: ZipError.tooLarge(path: "bomb.docx", entry: "word/document.xml", reason: "解压后有 \(250 << 20) 字节，超过每个部件 64 MB 的上限")) {
            try ZipArchive(bytes: bytes, path: "bomb.docx")
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }
}
