#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes files whole or not at all: into a temporary file beside the target, then renamed.
/// Every failure (missing or read-only folder, full disk, a folder in the way) is an
/// `OutputFileError` naming the target and the cause in Chinese; the target is then untouched.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    /// - Throws: `OutputFileError` naming the path and the cause.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { temp in
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw OutputFileError(path: path, cause: FileProblem.describe(errno: errno)) }
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputFileError(path: path, cause: FileProblem.describe(errno: errno))
                }
                written += n
            }
        }
    }

    /// Calls `produce` with a temporary path beside `path`; when it returns, renames the temporary
    /// file onto `path`. When it throws, the temporary file is removed and `path` is untouched.
    /// - Throws: `OutputFileError` for the folder or the rename; what `produce` throws, with a
    ///   Foundation error turned into an `OutputFileError`.
    public static func write(to path: String, _ produce: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else {
            throw OutputFileError(path: path, cause: "目录 \(dir) 不存在")
        }
        guard isDir.boolValue else { throw OutputFileError(path: path, cause: "\(dir) 是一个文件，不是目录") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw OutputFileError(path: path, cause: "这是一个已存在的目录，不能写成文件")
        }
        let temp = "\(dir)/.\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try produce(temp)
            guard rename(temp, path) == 0 else {
                throw OutputFileError(path: path, cause: FileProblem.describe(errno: errno))
            }
        } catch let error as OutputFileError {
            unlink(temp)
            throw error
        } catch let error as CocoaError {
            unlink(temp)
            throw OutputFileError(path: path, error: error)
        } catch {
            unlink(temp)
            throw error
        }
    }
}
