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

    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): return "\(p): cannot open: \(r)"
        case .notAZip(let p): return "\(p): not a DOCX/XLSX file (not a zip archive)"
        case .unsafeEntryName(let p, let e): return "\(p): refusing entry '\(e)': its name leaves the package"
        case .tooLarge(let p, let e, let r): return "\(p)\(e.map { " [\($0)]" } ?? ""): too large: \(r)"
        case .cannotRead(let p, let e, let r): return "\(p) [\(e)]: cannot read: \(r)"
        case .missingEntry(let p, let e): return "\(p): has no part \(e)"
        case .cannotWrite(let p, let r): return "\(p): cannot write: \(r)"
        }
    }
}

/// Limits on what a package may hold, against zip bombs.
public struct ZipLimits: Sendable {
    public var maximumEntries = 10_000
    public var maximumEntrySize = 256 << 20
    public var maximumTotalSize = 1 << 30
    /// Uncompressed/compressed ratio above which an entry larger than 1 MiB is refused.
    public var maximumRatio = 1_000
    public init() {}
    public static let standard = ZipLimits()
}
