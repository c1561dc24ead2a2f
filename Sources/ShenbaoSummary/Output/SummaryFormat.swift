import ShenbaoCore

/// The output formats of a summary, chosen by the output file's extension.
public enum SummaryFormat: String, Sendable, CaseIterable {
    case docx, xlsx, csv

    /// The format for `path`'s extension (case-insensitive), or nil for any other extension.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// The file's bytes for `table`.
    /// - Throws: `ZipError` when libzip fails (DOCX, XLSX).
    public func bytes(_ table: SummaryTable) throws -> [UInt8] {
        switch self {
        case .csv: return CSVWriter.bytes(table)
        case .xlsx: return try XLSXWriter.archive(table).serialized()
        case .docx: return try DOCXSummaryWriter.archive(table).serialized()
        }
    }

    /// Writes `table` to `path` whole or not at all.
    /// - Throws: `AtomicFileError` or `ZipError` naming the path.
    public func write(_ table: SummaryTable, to path: String) throws {
        try AtomicFile.write(bytes(table), to: path)
    }
}
