import Foundation
import ShenbaoCore

/// What became of one document of a batch.
public struct ConversionResult: Sendable, Equatable {
    /// The DOCX path as given.
    public var input: String
    /// The PDF written, or nil when the document failed and nothing was written.
    public var output: String?
    /// Why the document failed (errors), or remarks on a success (warnings).
    public var diagnostics: [Diagnostic]
    /// How many LibreOffice runs the document took part in (0 when it failed before converting).
    public var attempts: Int

    public init(input: String, output: String?, diagnostics: [Diagnostic], attempts: Int) {
        self.input = input
        self.output = output
        self.diagnostics = diagnostics
        self.attempts = attempts
    }

    /// True when the PDF was written.
    public var succeeded: Bool { output != nil }
}

/// Recognises a PDF that LibreOffice finished writing: `%PDF-` at the start and `%%EOF` in its
/// last bytes. A process killed while exporting leaves a file without the trailer.
package enum PDFFile {
    package static func isComplete(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 5), head == Data("%PDF-".utf8),
            let size = try? handle.seekToEnd(), size > 64
        else { return false }
        try? handle.seek(toOffset: size - 64)
        guard let tail = try? handle.readToEnd() else { return false }
        return String(decoding: tail, as: UTF8.self).contains("%%EOF")
    }
}
