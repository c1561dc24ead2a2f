internal import CLibZip
import Foundation
import ShenbaoCore

/// A zip package read whole into memory: its entries in their stored order.
///
/// Entry names are checked (no `..`, no absolute paths, no backslashes) and sizes are limited
/// (`ZipLimits`) before anything is decompressed; a decompressed entry may not exceed its
/// declared size.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Where the archive came from, for messages.
    public var path: String
    public private(set) var entries: [Entry]
    private var index: [String: Int]

    public init(path: String, entries: [Entry]) {
        self.path = path
        self.entries = []
        self.index = [:]
        for e in entries { self[e.name] = e.bytes }
    }

    /// Reads the zip file at `path`: only a regular file, its size checked before reading.
    /// - Throws: `ZipError` naming the file and entry.
    public init(contentsOf path: String, limits: ZipLimits = .standard) throws {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: limits.maximumFileSize, what: "DOCX/XLSX 文件")
        } catch let error as InputFileError {
            if error.code == .fileTooLarge { throw ZipError.tooLarge(path: path, entry: nil, reason: error.cause) }
            throw ZipError.cannotOpen(path: path, reason: error.cause)
        }
        try self.init(bytes: bytes, path: path, limits: limits)
    }

    /// Reads a zip archive held in memory; `path` names it in messages.
    ///
    /// Sizes are checked from the zip directory before anything is inflated, and again while
    /// inflating (an entry may not inflate past its declared size); each entry's CRC-32 is
    /// verified; a name that appears twice is refused.
    public init(bytes: [UInt8], path: String, limits: ZipLimits = .standard) throws {
        self.path = path
        self.entries = []
        self.index = [:]
        if bytes.count > limits.maximumFileSize {
            throw ZipError.tooLarge(path: path, entry: nil, reason: "有 \(bytes.count) 字节，超过上限 \(FileProblem.megabytes(limits.maximumFileSize))")
        }
        let handle = try ZipReadHandle(bytes: bytes, path: path)
        let count = handle.entryCount
        guard count <= limits.maximumEntries else {
            throw ZipError.tooLarge(path: path, entry: nil, reason: "有 \(count) 个部件（上限 \(limits.maximumEntries)）")
        }
        // Every size first, from the directory: a bomb is refused before a byte is inflated.
        var infos: [ZipReadHandle.Info] = []
        var seen = Set<String>()
        var total = 0
        for i in 0..<count {
            let info = try handle.stat(i)
            try Self.checkName(info.name, path: path)
            guard seen.insert(info.name).inserted else { throw ZipError.duplicateEntry(path: path, entry: info.name) }
            if info.name.hasSuffix("/") { continue }
            guard info.size <= limits.maximumEntrySize else {
                throw ZipError.tooLarge(
                    path: path, entry: info.name,
                    reason: "解压后有 \(info.size) 字节，超过每个部件 \(FileProblem.megabytes(limits.maximumEntrySize)) 的上限")
            }
            if info.size > 1 << 20 && info.compressedSize > 0 && info.size / info.compressedSize > limits.maximumRatio {
                throw ZipError.tooLarge(path: path, entry: info.name, reason: "压缩比 \(info.size / info.compressedSize):1，疑似压缩炸弹")
            }
            total += info.size
            guard total <= limits.maximumTotalSize else {
                throw ZipError.tooLarge(path: path, entry: info.name, reason: "解压后总计超过 \(FileProblem.megabytes(limits.maximumTotalSize)) 的上限")
            }
            infos.append(info)
        }
        for info in infos {
            self[info.name] = try handle.read(info.index, name: info.name, declaredSize: info.size)
        }
    }

    private static func checkName(_ name: String, path: String) throws {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0")
            || parts.contains("..") || (name.count >= 2 && name.dropFirst().first == ":")
        {
            throw ZipError.unsafeEntryName(path: path, entry: name)
        }
    }

    /// The bytes of entry `name`, or nil. Setting adds the entry at the end or replaces it in place.
    public subscript(name: String) -> [UInt8]? {
        get { index[name].map { entries[$0].bytes } }
        set {
            if let newValue {
                if let i = index[name] {
                    entries[i].bytes = newValue
                } else {
                    index[name] = entries.count
                    entries.append(Entry(name: name, bytes: newValue))
                }
            } else if let i = index[name] {
                entries.remove(at: i)
                index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.name, $0) })
            }
        }
    }

    public var names: [String] { entries.map(\.name) }

    /// The bytes of entry `name`.
    /// - Throws: `ZipError.missingEntry` when there is none.
    public func bytes(of name: String) throws -> [UInt8] {
        guard let b = self[name] else { throw ZipError.missingEntry(path: path, entry: name) }
        return b
    }

    /// Parses entry `name` as XML.
    package func xml(_ name: String) throws -> XMLPart {
        try XMLParser.parse(bytes(of: name), part: name)
    }

    /// Replaces entry `name` with the serialized `part`.
    package mutating func setXML(_ name: String, _ part: XMLPart) {
        self[name] = XMLSerializer.serialize(part)
    }

    /// Writes the archive to `path` atomically (see `ZipWriter`).
    public func write(to path: String) throws {
        try ZipWriter.write(entries, to: path)
    }

    /// The archive's bytes, as `write(to:)` would produce.
    public func serialized() throws -> [UInt8] {
        try ZipWriter.bytes(entries)
    }
}

/// Owns a `zip_t` opened read-only over a buffer.
private final class ZipReadHandle {
    let archive: OpaquePointer
    let path: String
    private let buffer: UnsafeMutableRawPointer

    init(bytes: [UInt8], path: String) throws {
        self.path = path
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { if $0.count > 0 { buffer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        self.buffer = buffer
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer, zip_uint64_t(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw ZipError.cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            buffer.deallocate()
            let code = zip_error_code_zip(&error)
            if code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS { throw ZipError.notAZip(path: path) }
            throw ZipError.cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
        }
        self.archive = archive
    }

    deinit {
        zip_discard(archive)
        buffer.deallocate()
    }

    var entryCount: Int { Int(max(0, zip_get_num_entries(archive, 0))) }

    struct Info {
        var index: Int
        var name: String
        var size: Int
        var compressedSize: Int
    }

    func stat(_ i: Int) throws -> Info {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, zip_uint64_t(i), 0, &st) == 0, let name = st.name else {
            throw ZipError.cannotRead(path: path, entry: "#\(i)", reason: lastError)
        }
        return Info(index: i, name: String(cString: name), size: Int(clamping: st.size), compressedSize: Int(clamping: st.comp_size))
    }

    func read(_ i: Int, name: String, declaredSize: Int) throws -> [UInt8] {
        guard let file = zip_fopen_index(archive, zip_uint64_t(i), 0) else {
            throw ZipError.cannotRead(path: path, entry: name, reason: lastError)
        }
        defer { zip_fclose(file) }
        var out = [UInt8](repeating: 0, count: declaredSize)
        var filled = 0
        while filled < declaredSize {
            let n = out.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress! + filled, zip_uint64_t(declaredSize - filled)) }
            if n < 0 { throw failure(file, name: name) }
            if n == 0 { break }
            filled += Int(n)
        }
        // One more byte would mean the entry lies about its size. Reading to the end is also
        // what makes libzip compare the CRC-32: an error here is a damaged entry.
        var probe: UInt8 = 0
        let tail = zip_fread(file, &probe, 1)
        if tail > 0 {
            throw ZipError.tooLarge(path: path, entry: name, reason: "解压出的数据多于它声明的 \(declaredSize) 字节")
        }
        if tail < 0 { throw failure(file, name: name) }
        if filled < declaredSize { out.removeLast(declaredSize - filled) }
        return out
    }

    private var lastError: String { String(cString: zip_strerror(archive)) }

    /// The error of a failed read of entry `name`: a CRC mismatch by its own case.
    private func failure(_ file: OpaquePointer, name: String) -> ZipError {
        guard let error = zip_file_get_error(file) else {
            return ZipError.cannotRead(path: path, entry: name, reason: String(cString: zip_file_strerror(file)))
        }
        if zip_error_code_zip(error) == ZIP_ER_CRC { return ZipError.checksumMismatch(path: path, entry: name) }
        return ZipError.cannotRead(path: path, entry: name, reason: String(cString: zip_file_strerror(file)))
    }
}
