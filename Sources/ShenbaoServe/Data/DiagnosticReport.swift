import Foundation
import ShenbaoCore
import ShenbaoData

/// Diagnostics as JSON: the objects `--format json` prints (`severity`, `code`, `message`,
/// `file`, `line`, `column`, `place`, `label`), each with the `path` of the field it is about
/// when one is known (`联系人.电话`, `人员.2.年龄`, rows counted from 1), so a page can show it
/// next to that field.
enum DiagnosticReport {
    static func json(_ diagnostics: [Diagnostic], spec: FormSpec, data: DataValue?) -> [String: Any] {
        let paths = data.map { labelPaths(spec, $0) } ?? [:]
        let sorted = diagnostics.sorted()
        let objects: [[String: Any]] = sorted.map { d in
            var o = d.jsonObject
            if let label = d.label, let path = paths[label] { o["path"] = path }
            return o
        }
        return ["errors": sorted.errors.count, "warnings": sorted.warnings.count, "diagnostics": objects]
    }

    /// Every label the validator gives a field of this data, with the field's path.
    static func labelPaths(_ spec: FormSpec, _ data: DataValue) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ fields: [FieldSpec], _ value: DataValue?, labelPrefix: String, pathPrefix: String) {
            for field in fields {
                let label = labelPrefix + field.label
                let path = pathPrefix + field.key
                if out[label] == nil { out[label] = path }
                let child = value?[field.key]
                switch field.type {
                case .group:
                    walk(field.fields, child, labelPrefix: label, pathPrefix: path + ".")
                case .table:
                    for (n, row) in (child?.list ?? []).enumerated() {
                        let rowLabel = "\(label)第\(n + 1)行"
                        out[rowLabel] = "\(path).\(n + 1)"
                        walk(field.columns, row, labelPrefix: rowLabel, pathPrefix: "\(path).\(n + 1).")
                    }
                default:
                    break
                }
            }
        }
        walk(spec.fields, data, labelPrefix: "", pathPrefix: "")
        return out
    }
}

/// A folder of its own for one request (`requests/r-XXXXXX` in the server's workspace, mode
/// 0700), removed when the request is answered: requests never see each other's files.
final class RequestFolder: @unchecked Sendable {
    let path: String

    init(in parent: String) throws {
        var template = Array((parent + "/r-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw DiagnosticsError([.error(.cannotPrepare, "无法创建临时目录")])
        }
        path = String(cString: made)
    }

    /// `path/name`; `name` is always one the server made.
    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
