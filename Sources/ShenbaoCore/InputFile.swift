#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads input files safely: only regular files (a FIFO, a device or a folder is refused at
/// once, never waited on), opened without blocking, their size checked before a byte is read and
/// the reading stopped one byte past the limit whatever the file grew to meanwhile.
///
/// ```swift
/// let bytes = try InputFile.read("申报表.docx", limit: InputFile.packageLimit, what: "DOCX 文件")
/// ```
public enum InputFile {
    /// Largest data or spec file read (10 MB).
    public static let dataLimit = 10 << 20
    /// Largest DOCX/XLSX package read (256 MB, the total `ZipLimits` allows uncompressed).
    public static let packageLimit = 256 << 20
    /// Largest image file read (20 MB).
    public static let imageLimit = 20 << 20

    /// Checks that `path` is a regular file no larger than `limit`, without opening it for long.
    /// - Returns: its size in bytes.
    /// - Throws: `InputFileError` naming the path and the cause, in Chinese.
    @discardableResult
    public static func requireRegular(_ path: String, limit: Int? = nil, what: String = "文件") throws -> Int {
        let fd = try openRegular(path, what: what)
        defer { close(fd) }
        return try checkedSize(fd, path: path, limit: limit, what: what)
    }

    /// The whole of `path`, a regular file no larger than `limit` bytes.
    /// - Throws: `InputFileError`: missing, not a regular file, unreadable, or too large.
    public static func read(_ path: String, limit: Int, what: String = "文件") throws -> [UInt8] {
        let fd = try openRegular(path, what: what)
        defer { close(fd) }
        let size = try checkedSize(fd, path: path, limit: limit, what: what)
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputFileError(path: path, what: what, cause: FileProblem.describe(errno: errno))
            }
            if n == 0 { break }
            filled += n
            // The file grew past its size: read on only to find out whether it passes the limit.
            if filled == bytes.count && filled <= limit { bytes.append(contentsOf: repeatElement(0, count: min(1 << 20, limit + 1 - filled))) }
        }
        if filled > limit { throw tooLarge(path, size: filled, limit: limit, what: what) }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Opens `path` read-only and non-blocking and refuses anything but a regular file.
    private static func openRegular(_ path: String, what: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let cause = errno == ENOENT ? "找不到文件" : FileProblem.describe(errno: errno)
            throw InputFileError(path: path, what: what, cause: cause)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            close(fd)
            throw InputFileError(path: path, what: what, cause: FileProblem.describe(errno: e))
        }
        let type = st.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            throw InputFileError(path: path, what: what, cause: "不是普通文件（\(kindName(type))），拒绝读取")
        }
        // Reads of a regular file never block; clear the flag anyway for file systems that care.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    private static func checkedSize(_ fd: Int32, path: String, limit: Int?, what: String) throws -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputFileError(path: path, what: what, cause: FileProblem.describe(errno: errno)) }
        let size = Int(st.st_size)
        if let limit, size > limit { throw tooLarge(path, size: size, limit: limit, what: what) }
        return size
    }

    private static func tooLarge(_ path: String, size: Int, limit: Int, what: String) -> InputFileError {
        InputFileError(path: path, what: what, cause: "有 \(size) 字节，超过上限 \(limit) 字节（\(FileProblem.megabytes(limit))），拒绝读取", code: .fileTooLarge)
    }

    /// The kind of a non-regular file, in words.
    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "是一个目录"
        case S_IFIFO: return "是一个管道 FIFO"
        case S_IFCHR: return "是一个字符设备"
        case S_IFBLK: return "是一个块设备"
        case S_IFSOCK: return "是一个套接字"
        default: return "类型未知"
        }
    }
}

/// An input file that cannot be read: its path, what it was meant to be, and why.
public struct InputFileError: Error, Sendable, CustomStringConvertible, Equatable {
    public var path: String
    /// What the file was meant to be (`数据文件`, `图片`, `DOCX 文件`).
    public var what: String
    public var cause: String
    /// A stable code for `--format json` (`unreadable`, `file-too-large`).
    public var code: DiagnosticCode

    public init(path: String, what: String, cause: String, code: DiagnosticCode = .unreadable) {
        self.path = path
        self.what = what
        self.cause = cause
        self.code = code
    }

    public var description: String { "\(path): 无法读取\(what)：\(cause)" }

    /// The same problem as a diagnostic at the file.
    public var diagnostic: Diagnostic { .error(code, at: .file(path), "无法读取\(what)：\(cause)") }
}
