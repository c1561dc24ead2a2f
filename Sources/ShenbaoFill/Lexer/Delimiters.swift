/// The strings that open and close a tag: `{{` `}}` by default, `{` `}` for docxtemplater
/// templates, or whatever a template sets with `{{=[[ ]]=}}`.
public struct Delimiters: Sendable, Equatable, CustomStringConvertible {
    public var open: String
    public var close: String

    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }

    public static let mustache = Delimiters(open: "{{", close: "}}")

    /// Parses `"{ }"` or `"[[ ]]"`: two non-empty strings separated by spaces, without `=` or spaces.
    public init?(spec: String) {
        let parts = spec.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else { return nil }
        self.init(open: String(parts[0]), close: String(parts[1]))
    }

    public var description: String { "\(open) \(close)" }

    /// `open + content + close`, as the tag was written.
    func wrap(_ content: String) -> String { open + content + close }
}
