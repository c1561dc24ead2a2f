/// Why the pdf stage cannot run at all on this machine. Raised before any document is touched,
/// each case naming the Debian package that fixes it.
public enum PDFSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `soffice` executable was found (or the one given does not exist).
    case libreOfficeMissing(searched: [String])
    /// LibreOffice is there but its Writer component (which reads DOCX) is not.
    case writerMissing(installation: String)
    /// fontconfig's `fc-list` is missing, so installed fonts cannot be listed.
    case fontconfigMissing
    /// None of the faces that can stand in for a form font (e.g. 宋体) is installed.
    case fontMissing(formFont: String, candidates: [String], package: String)

    public var description: String {
        switch self {
        case .libreOfficeMissing(let searched):
            return PDFWording.libreOfficeMissing(searched: searched)
        case .writerMissing(let installation):
            return PDFWording.writerMissing(installation)
        case .fontconfigMissing:
            return PDFWording.fontconfigMissing
        case .fontMissing(let formFont, let candidates, let package):
            return PDFWording.fontMissing(formFont, candidates: candidates, package: package)
        }
    }
}
