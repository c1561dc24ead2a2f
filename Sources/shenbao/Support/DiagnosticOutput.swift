import ArgumentParser
import Foundation
import ShenbaoCore

/// How a command prints its findings.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    /// GitHub Actions workflow annotations (`::error file=…,line=…::message`).
    case github
}

/// Prints diagnostics sorted, errors first within a place, to standard error (text) or standard
/// output (json, github), and turns them into an exit code.
enum DiagnosticOutput {
    static func print(_ diagnostics: [Diagnostic], format: OutputFormat) {
        let sorted = diagnostics.sorted()
        switch format {
        case .text:
            for d in sorted { FileHandle.standardError.write(Data((TerminalText.escaped(d.description) + "\n").utf8)) }
            let e = sorted.errors.count
            let w = sorted.warnings.count
            if e + w > 0 {
                FileHandle.standardError.write(Data((CommandWording.counts(errors: e, warnings: w) + "\n").utf8))
            }
        case .json:
            let report: [String: Any] = [
                "errors": sorted.errors.count, "warnings": sorted.warnings.count, "diagnostics": jsonObjects(sorted),
            ]
            writeJSON(report)
        case .github:
            for d in sorted {
                var props: [String] = []
                if let l = d.location {
                    props.append("file=\(l.file)")
                    if l.line > 0 { props.append("line=\(l.line)"); props.append("col=\(l.column)") }
                }
                let level = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
                let place = d.place.map { "\($0): " } ?? ""
                let label = d.label.map { "\($0): " } ?? ""
                let message = (place + label + d.message).replacingOccurrences(of: "\n", with: "%0A")
                Swift.print(TerminalText.escaped("::\(level) \(props.joined(separator: ","))::\(message)"))
            }
        }
    }

    /// The JSON objects for `diagnostics`, sorted, errors first within a place: `severity`, `code`,
    /// `message`, and when known `file`, `line`, `column`, `place`, `label`.
    static func jsonObjects(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
        diagnostics.sorted().map(\.jsonObject)
    }

    /// Writes `object` to standard output as `JSONWriter` prints it (sorted keys, final newline).
    static func writeJSON(_ object: Any) {
        FileHandle.standardOutput.write(Data(JSONWriter.pretty(JSONValue(any: object) ?? .null).utf8))
    }

    /// Exit 1 when any diagnostic is an error.
    static func exitCode(for diagnostics: [Diagnostic]) -> ExitCode {
        diagnostics.hasErrors ? ExitCode(1) : .success
    }
}

/// Prints an error from a library in the compiler-like form and exits with `code`. File errors
/// from Foundation are said in Chinese with their path (never an `NSCocoaErrorDomain` dump), and
/// every message is escaped for the terminal.
func fail(_ error: Error, code: Int32 = 1) -> ExitCode {
    if let d = error as? DiagnosticsError {
        DiagnosticOutput.print(d.diagnostics, format: .text)
    } else {
        FileHandle.standardError.write(Data("error: \(TerminalText.escaped(FileProblem.explain(error)))\n".utf8))
    }
    return ExitCode(code)
}
