/// How bad a diagnostic is. Errors make a command exit non-zero; warnings do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in an input, with the place to fix it.
///
/// `where` is free text for places that are not a line and column: a document part and table
/// cell (`word/document.xml, table 2, row 3, cell 4`), a page, a file name.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    /// Line and column in a text file, when the problem has one.
    public var location: SourceLocation?
    /// A place that is not a line and column (document part, table cell), when there is one.
    public var place: String?
    /// The form's label of the field concerned (e.g. `联系人电话`), when there is one.
    public var label: String?
    public var message: String
    /// What kind of problem, from the registry (`DiagnosticCode`); its stable English code is
    /// what `--format json` prints.
    public var code: DiagnosticCode

    public init(
        _ severity: Severity, code: DiagnosticCode, at location: SourceLocation? = nil, place: String? = nil,
        label: String? = nil, _ message: String
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.place = place
        self.label = label
        self.message = message
    }

    public static func error(
        _ code: DiagnosticCode, at location: SourceLocation? = nil, place: String? = nil, label: String? = nil,
        _ message: String
    ) -> Diagnostic {
        Diagnostic(.error, code: code, at: location, place: place, label: label, message)
    }

    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation? = nil, place: String? = nil, label: String? = nil,
        _ message: String
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, at: location, place: place, label: label, message)
    }

    /// `file:line:col: error: 标签: message`, the form compilers and editors understand.
    public var description: String {
        var prefix = ""
        if let location { prefix = "\(location): " }
        if let place { prefix += "\(place): " }
        let labelPart = label.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(labelPart)\(message)"
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file, line, column, then place and message, so output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
        let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
        if la != lb { return la < lb }
        if (a.place ?? "") != (b.place ?? "") { return (a.place ?? "") < (b.place ?? "") }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}

/// Thrown when an operation found problems it reports all at once.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
