import ShenbaoCore
import Yams

/// Turns a Yams/libyaml error into one diagnostic at its line and column, in the applicant's
/// words where the cause is a common one, keeping libyaml's own text for reference.
enum YAMLErrorMessages {
    static func diagnostic(_ error: YamlError, path: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let location = SourceLocation(file: path, line: mark.line, column: mark.column)
            var original = problem
            if let context { original = "\(context.text)（第 \(context.mark.line) 行第 \(context.mark.column) 列）: \(problem)" }
            let explained = explanation(problem, at: mark, in: text)
            return .error(.yamlSyntax, at: location, "YAML 语法错误：\(explained)（\(original)）")
        case .reader(let problem, let offset, _, _):
            let location = offset.map { offsetLocation($0, text: text, path: path) } ?? .file(path)
            return .error(.yamlSyntax, at: location, "YAML 读取错误：\(problem)")
        default:
            return .error(.yamlSyntax, at: .file(path), "YAML 错误：\(error)")
        }
    }

    private static func explanation(_ problem: String, at mark: Mark, in text: String) -> String {
        if character(at: mark, in: text) == "\t" { return "缩进不能用制表符（Tab），请改用空格" }
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            return "这里不能再出现「键: 值」；如果文字本身含有英文冒号加空格，请给整段文字加引号"
        case let p where p.contains("did not find expected key"):
            return "缩进没有对齐，或上一行的文字需要加引号"
        case let p where p.contains("could not find expected ':'"):
            return "缺少英文冒号「:」，或多行文字需要用 | 开头"
        case let p where p.contains("found character that cannot start any plain token"):
            return "这个字符不能作为文字的开头（如 @ ` % 等），请给整段文字加引号"
        case let p where p.contains("found undefined alias"):
            return "引用了未定义的锚点（*名称）"
        case let p where p.contains("found unexpected end of stream"):
            return "文件意外结束，引号或括号没有闭合"
        case let p where p.contains("did not find expected '-' indicator"):
            return "列表项的缩进没有对齐"
        case let p where p.contains("but found another document"):
            return "一个文件只能有一份数据（多出了 --- 分隔的第二份）"
        case let p where p.contains("Maximum nesting level"):
            return "嵌套层数过多"
        case let p where p.contains("did not find expected ',' or ']'"), let p where p.contains("did not find expected ',' or '}'"):
            return "方括号或花括号内缺少逗号或没有闭合"
        default:
            return "格式不正确"
        }
    }

    private static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == mark.line && column == mark.column { return scalar }
            if line > mark.line { return nil }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    private static func offsetLocation(_ offset: Int, text: String, path: String) -> SourceLocation {
        let bytes = Array(text.utf8)
        return TextDecoding.location(ofByte: min(offset, bytes.count), in: bytes, from: 0, path: path)
    }
}
