import Foundation
import ShenbaoCore
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
        #expect(bytes.count < 20_000)
        #expect(throws: ZipError.self) { try ZipArchive(bytes: bytes, path: "bomb.docx") }
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
