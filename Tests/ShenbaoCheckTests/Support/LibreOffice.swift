import Foundation
import ShenbaoCore

/// Converts test documents to PDF with LibreOffice directly: one `soffice` process per call on a
/// private profile, all documents batched (start-up costs ~2 s a process). To be swapped for
/// ShenbaoPDF's ConverterPool once it exists.
enum LibreOffice {
    /// Whether the tools the LibreOffice-backed tests need are installed. Under CI=true tests do
    /// not ask: they run and fail when something is missing.
    static var available: Bool {
        ExternalTool.locate("soffice") != nil && ExternalTool.locate("pdftotext") != nil
    }

    static var mustRun: Bool { available || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Converts each `.docx` in `paths` to a `.pdf` beside it.
    static func convert(_ paths: [String], outdir: String) throws {
        let profile = "/tmp/shenbao-check-lo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let result = try ExternalTool.run(
            "soffice", ["--headless", "--norestore", "-env:UserInstallation=file://\(profile)", "--convert-to", "pdf", "--outdir", outdir] + paths,
            timeout: 180, package: "libreoffice-writer-nogui")
        for path in paths {
            let pdf = outdir + "/" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
            guard FileManager.default.fileExists(atPath: pdf) else {
                throw Failure(description: "soffice did not write \(pdf) (status \(result.status)): \(result.errorText)")
            }
        }
    }
}
