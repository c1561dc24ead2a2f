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
            return "LibreOffice not found (looked for \(searched.joined(separator: ", "))); "
                + "install it with `sudo apt-get install libreoffice-writer-nogui`"
        case .writerMissing(let installation):
            return "LibreOffice at \(installation) has no Writer component; "
                + "install it with `sudo apt-get install libreoffice-writer-nogui`"
        case .fontconfigMissing:
            return "fc-list not found; install it with `sudo apt-get install fontconfig`"
        case .fontMissing(let formFont, let candidates, let package):
            return "no font installed that can stand in for \(formFont) (wanted one of: "
                + "\(candidates.joined(separator: ", "))); install it with `sudo apt-get install \(package)`"
        }
    }
}
