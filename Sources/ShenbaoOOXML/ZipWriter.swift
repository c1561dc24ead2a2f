internal import CLibZip
import Foundation
import ShenbaoCore

/// Writes zip packages deterministically: entries in the given order (`[Content_Types].xml`
/// first, as Office expects), deflated, each stamped 1980-01-01 00:00, so the same entries give
/// byte-identical files. Files appear whole or not at all.
public enum ZipWriter {
    /// DOS epoch, the earliest time a zip can hold: nothing of the writer's clock leaks in.
    private static let fixedTime: time_t = 315_532_800 + 86_400 * 0

    /// Writes `entries` to `path` through a temporary file and a rename.
    /// - Throws: `ZipError` when libzip fails, `OutputFileError` when the file cannot be written.
    public static func write(_ entries: [ZipArchive.Entry], to path: String) throws {
        let bytes = try self.bytes(entries)
        try AtomicFile.write(bytes, to: path)
    }

    /// The archive's bytes.
    public static func bytes(_ entries: [ZipArchive.Entry]) throws -> [UInt8] {
        let ordered = entries.filter { $0.name == "[Content_Types].xml" } + entries.filter { $0.name != "[Content_Types].xml" }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw ZipError.cannotWrite(path: "<memory>", reason: String(cString: zip_error_strerror(&error)))
        }
        zip_source_keep(source)
        defer { zip_source_free(source) }
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            throw ZipError.cannotWrite(path: "<memory>", reason: String(cString: zip_error_strerror(&error)))
        }
        for entry in ordered {
            let data = malloc(max(entry.bytes.count, 1))!
            entry.bytes.withUnsafeBytes { if $0.count > 0 { data.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
            guard let entrySource = zip_source_buffer(archive, data, zip_uint64_t(entry.bytes.count), 1) else {
                free(data)
                zip_discard(archive)
                throw ZipError.cannotWrite(path: "<memory>", reason: "cannot add \(entry.name)")
            }
            let index = zip_file_add(archive, entry.name, entrySource, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(entrySource)
                let reason = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw ZipError.cannotWrite(path: "<memory>", reason: "cannot add \(entry.name): \(reason)")
            }
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 6)
            zip_file_set_mtime(archive, zip_uint64_t(index), fixedTime, 0)
        }
        guard zip_close(archive) == 0 else {
            let reason = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw ZipError.cannotWrite(path: "<memory>", reason: reason)
        }
        guard zip_source_open(source) == 0 else {
            throw ZipError.cannotWrite(path: "<memory>", reason: "cannot reopen the written archive")
        }
        defer { zip_source_close(source) }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, 65536) }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<Int(n)])
        }
        return out
    }
}
