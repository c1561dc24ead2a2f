/// Why a pair could not be checked at all (as opposed to checked and found different).
public enum CheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing, not a DOCX/PDF, or a poppler tool could not read it.
    case unreadable(path: String, reason: String)
    /// A poppler tool is not installed.
    case toolMissing(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .toolMissing(let message): return message
        }
    }
}
