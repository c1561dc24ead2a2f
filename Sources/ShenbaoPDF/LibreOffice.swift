import Foundation
import ShenbaoCore

/// A LibreOffice installation able to convert DOCX to PDF.
public struct LibreOffice: Sendable, Equatable {
    /// The `soffice` launcher to run.
    public var executable: String

    /// Places tried after PATH, for installations that do not link themselves into /usr/bin.
    static let wellKnownExecutables = [
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ]

    /// Finds LibreOffice and checks that its Writer component is installed.
    ///
    /// - Parameter executable: an exact `soffice` path to use instead of searching; nil searches
    ///   PATH for `soffice` and `libreoffice`, then the usual installation folders.
    /// - Throws: `PDFSetupError.libreOfficeMissing` or `.writerMissing`, naming the package.
    public static func locate(
        executable: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> LibreOffice {
        let found: String?
        let searched: [String]
        if let executable {
            searched = [executable]
            found = ExternalTool.locate(executable, environment: environment)
        } else {
            searched = [PDFWording.searchedOnPath] + wellKnownExecutables
            found = ExternalTool.locate("soffice", environment: environment)
                ?? ExternalTool.locate("libreoffice", environment: environment)
                ?? wellKnownExecutables.first { access($0, X_OK) == 0 }
        }
        guard let found else { throw PDFSetupError.libreOfficeMissing(searched: searched) }
        try checkWriter(executable: found)
        return LibreOffice(executable: found)
    }

    /// A standard installation keeps one `.xcd` per component in `share/registry` beside
    /// `program/`; Writer's is `writer.xcd`. Layouts without that folder are not judged.
    private static func checkWriter(executable: String) throws {
        let real = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let installation = real.deletingLastPathComponent().deletingLastPathComponent()
        let registry = installation.appendingPathComponent("share/registry")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: registry.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return }
        if !FileManager.default.fileExists(atPath: registry.appendingPathComponent("writer.xcd").path) {
            throw PDFSetupError.writerMissing(installation: installation.path)
        }
    }
}
