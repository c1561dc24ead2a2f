import Foundation
import ShenbaoCore
import ShenbaoPDF

/// The one way tests have LibreOffice convert documents, so no test starts `soffice` itself. PDFs
/// come from the product's own `ConverterPool` (private profiles, font substitution, timeouts,
/// process groups killed); other formats (text, CSV, DOCX saved again) from one `soffice
/// --convert-to` run through `ExternalTool`. Use under `RequiredTools.present(.libreOffice)`.
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

    /// Has LibreOffice save each file in `paths` with `filter` (`txt:Text (encoded):UTF8`,
    /// `csv:Text - txt - csv (StarCalc):44,34,76,1`, `docx:MS Word 2007 XML`) into
    /// `outputDirectory`, in one run on a private profile, and returns the files written (the
    /// input's name with `extension`), in the order given.
    /// - Throws: `Failure` when LibreOffice fails or leaves a file unwritten.
    @discardableResult
    package static func export(
        _ paths: [String], filter: String, extension ext: String, outputDirectory: String, timeout: Double = 300
    ) throws -> [String] {
        let profile = NSTemporaryDirectory() + "shenbao-test-lo-profile-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let result = try ExternalTool.run(
            "soffice", ["--headless", "--norestore", "-env:UserInstallation=file://\(profile)", "--convert-to", filter, "--outdir", outputDirectory] + paths,
            timeout: timeout, package: "libreoffice")
        return try paths.map { path in
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "." + ext
            let out = outputDirectory + "/" + name
            guard FileManager.default.fileExists(atPath: out) else {
                throw Failure(description: "soffice did not write \(out) (status \(result.status)): \(result.errorText)")
            }
            return out
        }
    }
}
