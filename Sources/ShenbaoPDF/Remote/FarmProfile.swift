import Foundation

extension ConverterPool {
    /// Writes a new LibreOffice profile holding this pool's font substitution table (and no
    /// first-run or recovery dialogs) at `path`, for `unoserver --user-installation PATH` on a
    /// conversion farm, so remote PDFs use the faces local ones do.
    /// - Throws: `FarmProfileError` when `path` exists already; file errors otherwise.
    public func writeProfile(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw FarmProfileError(path: path) }
        try LibreOfficeProfile(path: path, substitution: substitution, libreOffice: libreOffice).reset(fromTemplate: false)
    }
}

/// `--write-profile` never replaces what is there.
public struct FarmProfileError: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "\(path) 已存在；请给一个新的目录（不会覆盖已有内容）" }
}
