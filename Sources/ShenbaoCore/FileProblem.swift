#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Says in Chinese why a file operation failed, from an `errno` or a Foundation error, so that no
/// `NSCocoaErrorDomain Code=…` dump with its user-info and temporary paths reaches a person.
public enum FileProblem {
    /// The cause behind an `errno` value.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "文件或目录不存在"
        case EACCES, EPERM: return "权限不足"
        case EROFS: return "所在文件系统是只读的"
        case ENOSPC: return "磁盘已满"
        case EDQUOT: return "超出磁盘配额"
        case EEXIST: return "已存在同名文件"
        case EISDIR: return "这是一个目录"
        case ENOTDIR: return "路径中有一段不是目录"
        case ENAMETOOLONG: return "路径太长"
        case ELOOP: return "符号链接层数太多"
        case EIO: return "读写出错（EIO）"
        case EFBIG: return "文件太大"
        case EXDEV: return "不能跨文件系统移动"
        case EMFILE, ENFILE: return "打开的文件太多"
        default: return String(cString: strerror(code))
        }
    }

    /// The cause behind any error a file operation threw: Foundation's `CocoaError` and
    /// `POSIXError` by their code, anything else by its description.
    public static func describe(_ error: Error) -> String {
        if let described = error as? InputFileError { return described.cause }
        if let described = error as? OutputFileError { return described.cause }
        if let posix = error as? POSIXError { return describe(errno: posix.code.rawValue) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return describe(errno: Int32(ns.code)) }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return describe(errno: ENOENT)
            case .fileWriteFileExists: return describe(errno: EEXIST)
            case .fileReadNoPermission, .fileWriteNoPermission: return describe(errno: EACCES)
            case .fileWriteVolumeReadOnly: return describe(errno: EROFS)
            case .fileWriteOutOfSpace: return describe(errno: ENOSPC)
            case .fileReadTooLarge: return describe(errno: EFBIG)
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "文件名无效"
            default: return "文件操作失败（代码 \(ns.code)）"
            }
        }
        return "\(error)"
    }

    /// What a person reads for any error: a Foundation file error as its path and cause in
    /// Chinese (never an `NSCocoaErrorDomain Code=…` dump), anything else by its description.
    public static func explain(_ error: Error) -> String {
        let ns = error as NSError
        guard error is CocoaError || error is POSIXError || ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain
        else { return "\(error)" }
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        return (path.map { "\($0): " } ?? "") + describe(error)
    }

    /// `64 MB` for 64 << 20.
    public static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}

/// An output that could not be written: the path and why, in Chinese.
public struct OutputFileError: Error, Sendable, CustomStringConvertible, Equatable {
    public var path: String
    public var cause: String
    /// A stable code for `--format json`.
    public var code: DiagnosticCode

    public init(path: String, cause: String, code: DiagnosticCode = .cannotWriteOutput) {
        self.path = path
        self.cause = cause
        self.code = code
    }

    /// The failure of a Foundation call on `path`, its cause translated.
    public init(path: String, error: Error) {
        if let known = error as? OutputFileError { self = known; return }
        self.init(path: path, cause: FileProblem.describe(error))
    }

    public var description: String { "\(path): \(verb)：\(cause)" }
    public var diagnostic: Diagnostic { .error(code, at: .file(path), "\(verb)：\(cause)") }
    private var verb: String { code == .outputIsInput ? "拒绝写入" : "无法写入" }
}

/// Output folders made the same way everywhere, with a Chinese reason when they cannot be.
public enum OutputFolder {
    /// Creates `path` and its parents when missing.
    /// - Throws: `OutputFileError` when a file is in the way, the parent is read-only, or the disk is full.
    public static func create(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputFileError(path: path, cause: "已存在同名文件，不是目录：请换一个输出目录", code: .outputNotAFolder)
            }
            guard access(path, W_OK) == 0 else { throw OutputFileError(path: path, cause: describeAccess(path)) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: path, cause: "无法创建目录：" + FileProblem.describe(error))
        }
    }

    private static func describeAccess(_ path: String) -> String {
        let code = errno
        return "目录不可写：" + FileProblem.describe(errno: code)
    }
}
