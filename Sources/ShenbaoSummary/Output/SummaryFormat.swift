import ShenbaoCore
import ShenbaoOOXML

/// The output formats of a summary, chosen by the output file's extension.
public enum SummaryFormat: String, Sendable, CaseIterable {
    case docx, xlsx, csv

    /// The format for `path`'s extension (case-insensitive), or nil for any other extension.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// The file's bytes for `table`; `docxTemplate` restyles the DOCX (see `SummaryDocument`).
    /// - Throws: `ZipError` when libzip fails, `DiagnosticsError` when the DOCX template is unusable.
    public func bytes(_ table: SummaryTable, docxTemplate: ZipArchive? = nil) throws -> [UInt8] {
        switch self {
        case .csv: return CSVWriter.bytes(table)
        case .xlsx: return try XLSXWriter.archive(table).serialized()
        case .docx: return try SummaryDocument.archive(table, template: docxTemplate).serialized()
        }
    }

    /// Writes `table` to `path` whole or not at all.
    /// - Throws: `OutputFileError` or `ZipError` naming the path, `DiagnosticsError` for a bad template.
    public func write(_ table: SummaryTable, to path: String, docxTemplate: ZipArchive? = nil) throws {
        try AtomicFile.write(bytes(table, docxTemplate: docxTemplate), to: path)
    }

    /// Writes `table` to `path`, a DOCX into the package's own summary template when `spec` was
    /// loaded from a package that has one (`templates/<form-id>/summary.docx`).
    /// - Throws: `ZipError` for an unreadable template or output, `DiagnosticsError` for a bad template.
    public func write(_ table: SummaryTable, to path: String, spec: SummarySpec) throws {
        let template = self == .docx ? try spec.templatePath.map { try ZipArchive(contentsOf: $0) } : nil
        try write(table, to: path, docxTemplate: template)
    }
}
