import Foundation
import ShenbaoPDF

/// The one way tests turn DOCX files into PDFs: the product's own `ConverterPool` (LibreOffice on
/// a private profile, font substitution, timeouts, process groups killed), so no test starts
/// `soffice` itself. Use under `RequiredTools.present(.libreOffice)`.
package enum TestConversion {
    /// Why a conversion failed: the pool's diagnostics for the document.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Converts each DOCX in `paths` to `<name>.pdf` in `outputDirectory` (beside each input when
    /// nil) and returns the PDFs' paths in the same order.
    /// - Throws: `Failure` naming every document that did not convert; `PDFSetupError` when
    ///   LibreOffice or a font is missing.
    @discardableResult
    package static func convert(_ paths: [String], outputDirectory: String? = nil, jobs: Int = 1, timeout: Double = 180) throws -> [String] {
        let pool = try ConverterPool(jobs: jobs, timeout: timeout)
        let results = pool.convert(paths, outputDirectory: outputDirectory)
        let failed = results.filter { !$0.succeeded }
        guard failed.isEmpty else {
            throw Failure(description: failed.flatMap(\.diagnostics).map(\.description).joined(separator: "\n"))
        }
        return results.compactMap(\.output)
    }

    /// Converts one DOCX and returns its PDF's path.
    package static func pdf(of docx: String, in outputDirectory: String? = nil, timeout: Double = 180) throws -> String {
        try convert([docx], outputDirectory: outputDirectory, timeout: timeout)[0]
    }
}
