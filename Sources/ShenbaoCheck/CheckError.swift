/// Why a pair could not be checked at all (as opposed to checked and found different).
public enum CheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing, not a DOCX/PDF, or a poppler tool could not read it.
    case unreadable(path: String, reason: String)
    /// A poppler tool is not installed.
    case toolMissing(String)
    /// More than one of the above, e.g. neither file of a pair can be read.
    indirect case several([CheckError])

    /// One error, or `several` holding each (non-`CheckError`s become `unreadable` with no path).
    static func combining(_ errors: [Error]) -> Error {
        let checkErrors = errors.map { ($0 as? CheckError) ?? .unreadable(path: "", reason: "\($0)") }
        return checkErrors.count == 1 ? checkErrors[0] : CheckError.several(checkErrors)
    }

    /// The problem in words, naming the file.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return CheckWording.unreadable(path, reason)
        case .toolMissing(let message): return message
        case .several(let errors): return errors.map(\.description).joined(separator: "\n")
        }
    }
}
