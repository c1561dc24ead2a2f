/// Why a template cannot be filled at all (problems inside it are `DiagnosticsError`s).
public enum FillError: Error, Sendable, CustomStringConvertible, Equatable {
    case notADocument(String)
    /// The package declares its main document part (the first string is the file) but lacks it.
    case missingMainPart(String, String)
    case unreadablePart(String, String)

    public var description: String {
        switch self {
        case .notADocument(let p): return "\(p): 不是 Word 文档：没有主文档部件（word/document.xml）"
        case .missingMainPart(let p, let part):
            return "\(p): 缺少主文档部件 \(part)（[Content_Types].xml 声明了它，但文件中没有）：这不是完整的 Word 文档"
        case .unreadablePart(let part, let reason): return "\(part): \(reason)"
        }
    }
}
