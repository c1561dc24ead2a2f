import Foundation
import ShenbaoCore
import Yams

/// Reads an application's data file (YAML or JSON) into a `DataValue` tree with locations.
///
/// TEMPORARY minimal reader so that other stages can start; the parse stage replaces it with the
/// full reader (JSON with locations, BOM/GBK handling, limits, duplicate keys) under the same API.
public enum DataFile {
    /// Loads and parses the data file at `path`.
    /// - Throws: `DiagnosticsError` with the file, line and column of every problem.
    public static func load(_ path: String) throws -> DataValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([.error("unreadable", at: .file(path), "cannot read the file")])
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let node = try Yams.compose(yaml: text) else { return DataValue(.map(DataMap()), at: .file(path)) }
        return convert(node, path)
    }

    private static func convert(_ node: Node, _ path: String) -> DataValue {
        let loc = node.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                switch s.string {
                case "", "~", "null", "Null", "NULL": return DataValue(.null, at: loc)
                case "true", "True", "TRUE": return DataValue(.bool(true), at: loc)
                case "false", "False", "FALSE": return DataValue(.bool(false), at: loc)
                default: break
                }
            }
            return DataValue(.string(s.string), at: loc)
        case .sequence(let seq): return DataValue(.list(seq.map { convert($0, path) }), at: loc)
        case .mapping(let m):
            var map = DataMap()
            for (k, v) in m {
                map.append(.init(key: k.string ?? "", keyLocation: k.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }, value: convert(v, path)))
            }
            return DataValue(.map(map), at: loc)
        case .alias: return DataValue(.null, at: loc)
        }
    }
}
