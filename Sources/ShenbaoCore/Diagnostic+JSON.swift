extension Diagnostic {
    /// The diagnostic as `--format json` prints it: `severity`, `code`, `message`, and when known
    /// `file`, `line`, `column`, `place`, `label`.
    public var jsonObject: [String: Any] {
        var o: [String: Any] = ["severity": severity.rawValue, "code": code.rawValue, "message": message]
        if let l = location {
            o["file"] = l.file
            if l.line > 0 { o["line"] = l.line; o["column"] = l.column }
        }
        if let place { o["place"] = place }
        if let label { o["label"] = label }
        return o
    }
}
