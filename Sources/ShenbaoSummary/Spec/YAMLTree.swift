import Foundation
import ShenbaoCore
import Yams

/// Reads YAML (and JSON, a subset of it) into a `DataValue` tree that remembers where each value
/// was written: what the summary spec and embedded submission data are read through.
enum YAMLTree {
    /// Parses `text` from `path` (for locations).
    /// - Throws: `DiagnosticsError` with the line and column of a syntax error.
    static func parse(_ text: String, path: String) throws -> DataValue {
        do {
            guard let node = try Yams.compose(yaml: text) else { return DataValue(.map(DataMap()), at: .file(path)) }
            return convert(node, path)
        } catch let error as YamlError {
            throw DiagnosticsError([.error("syntax", at: location(of: error, path), "YAML: \(message(of: error))")])
        }
    }

    /// Loads the file at `path`.
    /// - Throws: `DiagnosticsError` when the file is unreadable or not YAML.
    static func load(_ path: String) throws -> DataValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([.error("unreadable", at: .file(path), "cannot read the file")])
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    private static func convert(_ node: Node, _ path: String) -> DataValue {
        let loc = node.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let s):
            guard s.style == .plain else { return DataValue(.string(s.string), at: loc) }
            switch s.string {
            case "", "~", "null", "Null", "NULL": return DataValue(.null, at: loc)
            case "true", "True", "TRUE": return DataValue(.bool(true), at: loc)
            case "false", "False", "FALSE": return DataValue(.bool(false), at: loc)
            default: return DataValue(.string(s.string), at: loc)
            }
        case .sequence(let seq):
            return DataValue(.list(seq.map { convert($0, path) }), at: loc)
        case .mapping(let m):
            var map = DataMap()
            for (k, v) in m {
                let keyLoc = k.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
                map.append(.init(key: k.string ?? "", keyLocation: keyLoc, value: convert(v, path)))
            }
            return DataValue(.map(map), at: loc)
        case .alias:
            return DataValue(.null, at: loc)
        }
    }

    private static func location(of error: YamlError, _ path: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: path, line: mark.line, column: mark.column)
        default:
            return .file(path)
        }
    }

    private static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
