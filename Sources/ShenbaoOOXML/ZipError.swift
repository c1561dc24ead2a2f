import ShenbaoCore
/// Why a zip package (DOCX, XLSX) could not be read or written.
public enum ZipError: Error, Sendable, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case notAZip(path: String)
    /// An entry whose name would escape the package (`../`, absolute, backslashes).
    case unsafeEntryName(path: String, entry: String)
    /// Sizes beyond the limits: a zip bomb or a file that is not a form.
    case tooLarge(path: String, entry: String?, reason: String)
    case cannotRead(path: String, entry: String, reason: String)
    case missingEntry(path: String, entry: String)
    case cannotWrite(path: String, reason: String)
    /// An entry whose data does not match the CRC-32 its header records: the file is damaged.
    case checksumMismatch(path: String, entry: String)
    /// Two entries with one name: readers would disagree on which one counts.
    case duplicateEntry(path: String, entry: String)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): return "\(p): 无法打开：\(r)"
        case .notAZip(let p): return "\(p): 不是 DOCX/XLSX 文件（不是 zip 压缩包）"
        case .unsafeEntryName(let p, let e): return "\(p): 拒绝读取部件「\(e)」：它的名字指向压缩包之外"
        case .tooLarge(let p, let e, let r): return "\(p)\(e.map { " [\($0)]" } ?? ""): 太大：\(r)，拒绝读取"
        case .cannotRead(let p, let e, let r): return "\(p) [\(e)]: 无法读取：\(r)"
        case .missingEntry(let p, let e): return "\(p): 缺少部件 \(e)"
        case .cannotWrite(let p, let r): return "\(p): 无法写入：\(r)"
        case .checksumMismatch(let p, let e): return "\(p) [\(e)]: 校验和（CRC-32）不符，文件已损坏"
        case .duplicateEntry(let p, let e): return "\(p): 部件「\(e)」出现了不止一次，拒绝读取"
        }
    }

    /// A stable code for `--format json`.
    public var code: DiagnosticCode {
        switch self {
        case .cannotOpen: return .unreadable
        case .notAZip: return .notAZip
        case .unsafeEntryName: return .unsafeEntryName
        case .tooLarge: return .packageTooLarge
        case .cannotRead: return .unreadableEntry
        case .missingEntry: return .missingPart
        case .cannotWrite: return .cannotWriteOutput
        case .checksumMismatch: return .zipChecksumMismatch
        case .duplicateEntry: return .zipDuplicateEntry
        }
    }
}

/// Limits on what a package may hold, against zip bombs. A ten-page form is about 1 MB
/// uncompressed; these are far above what any form needs and far below what exhausts memory.
public struct ZipLimits: Sendable {
    /// Most entries a package may hold.
    public var maximumEntries = 10_000
    /// Largest entry once inflated (64 MB), checked from the zip directory and while inflating.
    public var maximumEntrySize = 64 << 20
    /// Largest sum of all entries once inflated (256 MB).
    public var maximumTotalSize = 256 << 20
    /// Largest package file read (256 MB), checked before reading it.
    public var maximumFileSize = 256 << 20
    /// Uncompressed/compressed ratio above which an entry larger than 1 MiB is refused.
    public var maximumRatio = 1_000
    public init() {}
    public static let standard = ZipLimits()
}
