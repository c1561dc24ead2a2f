import ShenbaoCore

/// Turns libyaml's error into one diagnostic at its line and column, in the applicant's words
/// where the cause is a common one, keeping libyaml's own text for reference.
enum YAMLErrorMessages {
    static func diagnostic(_ error: YAMLSyntaxError, path: String, source: SourceLines) -> Diagnostic {
        switch error.stage {
        case .scanner, .parser:
            let location = SourceLocation(file: path, line: error.mark.line, column: error.mark.column)
            var original = error.problem
            if let context = error.context, let mark = error.contextMark {
                original = "\(context)（第 \(mark.line) 行第 \(mark.column) 列）: \(error.problem)"
            }
            let explained = explanation(error.problem, at: error.mark, in: source)
            return .error(.yamlSyntax, at: location, "YAML 语法错误：\(explained)（\(original)）")
        case .reader:
            let location = error.byteOffset.map { source.location(ofByte: $0, path: path) } ?? .file(path)
            if error.problem.contains("control characters are not allowed"),
                let scalar = error.byteOffset.flatMap(source.scalar(atByte:)), let code = ControlCharacters.firstControl(String(scalar))
            {
                // The same words as a control character written as an escape (`"\e"`) gets.
                return .error(.controlCharacter, at: location, "文件中有控制字符 \(code)（不可见，可能来自复制粘贴或终端转义序列），请删除")
            }
            return .error(.yamlSyntax, at: location, "YAML 读取错误：\(error.problem)")
        case .other:
            return .error(.yamlSyntax, at: .file(path), "YAML 错误：\(error.problem)")
        }
    }

    private static func explanation(_ problem: String, at mark: YAMLMark, in source: SourceLines) -> String {
        if source.character(at: mark) == "\t" { return "缩进不能用制表符（Tab），请改用空格" }
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
        case let p where p.contains("did not find expected ',' or ']'"), let p where p.contains("did not find expected ',' or '}'"):
            return "方括号或花括号内缺少逗号或没有闭合"
        default:
            return "格式不正确"
        }
    }
}
