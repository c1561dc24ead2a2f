internal import CLibDeflate
import Foundation
import ShenbaoCore

/// Writes zip packages deterministically: entries in the given order (`[Content_Types].xml`
/// first, as Office expects), each stamped 1980-01-01 00:00, so the same entries give
/// byte-identical files. Files appear whole or not at all.
///
/// Entries are deflated with libdeflate in one call each, straight into the archive's buffer
/// (no streaming copies), a part over 1 MB on two cores (`SplitDeflate`); an entry that deflate does not shrink (a PNG, an empty part) is
/// stored. The container itself (local headers, central directory) is a few fixed-size records
/// written here, without zip64: a package over 4 GB or 65,535 entries is refused.
public enum ZipWriter {
    /// The deflate level for documents. Measured on a 5,000-row form's 8.2 MB document.xml
    /// (docs/bench-fill.md, 2026-12-01): libdeflate level 1 takes 5.3 ms for 156 KB, level 6
    /// 8.7 ms for 116 KB (zlib level 6, libzip's default, 16.5 ms for 107 KB). A form's parts
    /// are a few hundred KB: the 35 % larger output costs nothing a user notices, the time is
    /// fill's largest single step.
    public static let documentLevel: Int32 = 1

    /// Writes `entries` to `path` through a temporary file and a rename.
    /// - Throws: `ZipError` when the package cannot be made, `OutputFileError` when the file cannot be written.
    public static func write(_ entries: [ZipArchive.Entry], to path: String) throws {
        let bytes = try self.bytes(entries)
        try AtomicFile.write(bytes, to: path)
    }

    /// The archive's bytes; `level` is the deflate level (1-12).
    public static func bytes(_ entries: [ZipArchive.Entry], level: Int32 = documentLevel) throws -> [UInt8] {
        let ordered = entries.filter { $0.name == "[Content_Types].xml" } + entries.filter { $0.name != "[Content_Types].xml" }
        guard ordered.count < 0xFFFF else {
            throw ZipError.cannotWrite(path: "<memory>", reason: "\(ordered.count) 个部件（一个压缩包最多 65,534 个）")
        }
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw ZipError.cannotWrite(path: "<memory>", reason: "无法分配压缩级别为 \(level) 的 deflate 压缩器")
        }
        defer { libdeflate_free_compressor(compressor) }
        var capacity = 22
        for entry in ordered {
            capacity += 30 + 46 + 2 * entry.name.utf8.count + max(entry.bytes.count, libdeflate_deflate_compress_bound(compressor, entry.bytes.count))
        }
        var failure: String?
        // One buffer for the whole archive, filled in place: only the pages written are touched.
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var archive = ArchiveBuffer(buffer)
            var central = [UInt8]()
            for entry in ordered {
                let offset = archive.count
                let name = Array(entry.name.utf8)
                archive.skip(30)
                archive.append(name)
                let (written, crc) = entry.bytes.withUnsafeBytes { input -> (Int, UInt32) in
                    if input.count >= SplitDeflate.threshold,
                       let split = SplitDeflate.compress(input, compressor: compressor, level: level, into: archive.end, room: archive.room) {
                        return split
                    }
                    let crc = UInt32(libdeflate_crc32(0, input.baseAddress, input.count))
                    return (input.isEmpty ? 0 : libdeflate_deflate_compress(compressor, input.baseAddress, input.count, archive.end, archive.room), crc)
                }
                let stored = written == 0 || written >= entry.bytes.count
                if stored { archive.append(entry.bytes) } else { archive.skip(written) }
                let header = EntryHeader(
                    crc: crc, method: stored ? 0 : 8, compressedSize: stored ? entry.bytes.count : written,
                    size: entry.bytes.count, nameLength: name.count, offset: offset)
                guard archive.count <= 0xFFFF_FFFF else {
                    failure = "\(entry.name)：超过 4 GB 的压缩包需要 zip64，本程序不写 zip64"
                    break
                }
                archive.overwrite(at: offset, with: header.local)
                central += header.central
                central += name
            }
            let centralOffset = archive.count
            archive.append(central)
            var end = [UInt8]()
            end.appendLE(UInt32(0x0605_4b50))
            end.appendLE(UInt16(0)); end.appendLE(UInt16(0))
            end.appendLE(UInt16(ordered.count)); end.appendLE(UInt16(ordered.count))
            end.appendLE(UInt32(truncatingIfNeeded: central.count)); end.appendLE(UInt32(truncatingIfNeeded: centralOffset))
            end.appendLE(UInt16(0))
            archive.append(end)
            if archive.count > 0xFFFF_FFFF { failure = "超过 4 GB 的压缩包需要 zip64，本程序不写 zip64" }
            count = archive.count
        }
        if let failure { throw ZipError.cannotWrite(path: "<memory>", reason: failure) }
        return out
    }
}

/// Appends into an uninitialised buffer big enough for the whole archive.
private struct ArchiveBuffer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    var end: UnsafeMutableRawPointer { UnsafeMutableRawPointer(buffer.baseAddress! + count) }
    var room: Int { buffer.count - count }

    /// Counts `n` bytes already written at `end` (or reserved, to be overwritten later).
    mutating func skip(_ n: Int) { count += n }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { (buffer.baseAddress! + count).update(from: base, count: source.count) }
        }
        count += bytes.count
    }

    func overwrite(at offset: Int, with bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { (buffer.baseAddress! + offset).update(from: $0.baseAddress!, count: $0.count) }
    }
}

/// One entry's fields as the local header and the central directory record write them.
private struct EntryHeader {
    var crc: UInt32
    var method: UInt16
    var compressedSize: Int
    var size: Int
    var nameLength: Int
    var offset: Int

    /// 00:00:00 on 1980-01-01, the DOS epoch: nothing of the writer's clock leaks in.
    private static let time: UInt16 = 0, date: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Bit 11: the name is UTF-8.
    private static let flags: UInt16 = 0x0800

    private func common(into out: inout [UInt8]) {
        out.appendLE(UInt16(20))  // version needed: 2.0 (deflate)
        out.appendLE(Self.flags)
        out.appendLE(method)
        out.appendLE(Self.time); out.appendLE(Self.date)
        out.appendLE(crc)
        out.appendLE(UInt32(truncatingIfNeeded: compressedSize)); out.appendLE(UInt32(truncatingIfNeeded: size))
        out.appendLE(UInt16(nameLength))
        out.appendLE(UInt16(0))  // extra field length
    }

    var local: [UInt8] {
        var out: [UInt8] = []
        out.appendLE(UInt32(0x0403_4b50))
        common(into: &out)
        return out
    }

    var central: [UInt8] {
        var out: [UInt8] = []
        out.appendLE(UInt32(0x0201_4b50))
        out.appendLE(UInt16(0x0314))  // made by: Unix, 2.0 (external attributes are Unix modes)
        common(into: &out)
        out.appendLE(UInt16(0)); out.appendLE(UInt16(0)); out.appendLE(UInt16(0))  // comment, disk, internal attributes
        out.appendLE(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
        out.appendLE(UInt32(truncatingIfNeeded: offset))
        return out
    }
}

extension [UInt8] {
    fileprivate mutating func appendLE(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    fileprivate mutating func appendLE(_ v: UInt32) { for i in 0..<4 { append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
}
