/// Why a template cannot be filled at all (problems inside it are `DiagnosticsError`s).
public enum FillError: Error, Sendable, CustomStringConvertible, Equatable {
    case notADocument(String)
    case unreadablePart(String, String)

    public var description: String {
        switch self {
        case .notADocument(let p): return "\(p): not a Word document (no main document part)"
        case .unreadablePart(let part, let reason): return "\(part): \(reason)"
        }
    }
}
