import Foundation

/// swift-argument-parser's own words — the help's section titles, the help and version flags,
/// `(default: …)`, and its usage errors — said in Chinese, so `--help` and a mistyped option
/// read in one language with the commands' own help. Applied only to text rendered for a
/// person (help and errors), never to completion scripts or `--experimental-dump-help`.
enum ArgumentParserWording {
    /// Pattern → replacement (NSRegularExpression templates), applied in order.
    static let rules: [(pattern: String, template: String)] = [
        ("^OVERVIEW: ", "概述："),
        ("^USAGE: ", "用法："),
        ("^Usage: ", "用法："),
        ("^ARGUMENTS:$", "参数："),
        ("^OPTIONS:$", "选项："),
        ("^SUBCOMMANDS:$", "子命令："),
        ("Show help information\\.", "显示帮助信息。"),
        ("Show the version\\.", "显示版本号。"),
        ("Show subcommand help information\\.", "显示子命令的帮助信息。"),
        (" ?\\(default:\\s+([^)]*)\\)", "（默认：$1）"),
        ("See '([^']*)' for detailed help\\.", "各子命令的详细帮助：$1"),
        ("See '([^']*)' for more information\\.", "更多信息：$1"),
        ("^Help:  ", "帮助：  "),
        ("^Error: ", "错误："),
        ("Missing expected argument '([^']*)'", "缺少参数 '$1'"),
        ("Missing one of: (.*)$", "缺少以下之一：$1"),
        ("Missing value for '([^']*)'", "选项 '$1' 缺少值"),
        ("Unknown option '([^']*)'\\. Did you mean '([^']*)'\\?", "未知选项 '$1'。是否要用 '$2'？"),
        ("Unknown option '([^']*)'", "未知选项 '$1'"),
        ("Invalid option: (.*)$", "无效的选项：$1"),
        ("Unexpected argument '([^']*)'", "多余的参数 '$1'"),
        ("([0-9]+) unexpected arguments: (.*)$", "$1 个多余的参数：$2"),
        ("Missing required subcommand\\.", "缺少子命令。"),
        ("The value '([^']*)' is invalid for '([^']*)'", "值 '$1' 不适用于 '$2'"),
        ("The value '([^']*)' is invalid\\.", "值 '$1' 无效。"),
        ("\\. Please provide one of the following:", "。请给出以下之一："),
        ("\\. Please provide one of (.*)\\.$", "。请给出以下之一：$1。"),
        ("' and '", "' 或 '"),
    ]

    private static let compiled: [(NSRegularExpression, String)] = rules.map {
        // swift-format-ignore: NeverUseForceTry
        (try! NSRegularExpression(pattern: $0.pattern, options: [.anchorsMatchLines]), $0.template)
    }

    /// Whether the command line asks for a machine's text (a completion script, the JSON dump),
    /// which must stay exactly as ArgumentParser writes it.
    static func isMachineRequest(_ arguments: [String]) -> Bool {
        arguments.contains { $0.hasPrefix("--generate-completion-script") || $0 == "--experimental-dump-help" }
            || arguments.first.map { $0.hasPrefix("---completion") } == true
    }

    /// `(values: text, json; default: text)`, possibly wrapped over lines.
    private static let values = try! NSRegularExpression(pattern: " ?\\(values:\\s+([^;)]*)(?:;\\s+default:\\s+([^)]*))?\\)")

    /// `message` with ArgumentParser's English phrases replaced.
    static func translate(_ message: String) -> String {
        var text = message
        // The choices of an option: （可选：text、json；默认：text）.
        for match in values.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let choices = Range(match.range(at: 1), in: text).map { text[$0].split(whereSeparator: { ", \n".contains($0) }).joined(separator: "、") } ?? ""
            let fallback = Range(match.range(at: 2), in: text).map { "；默认：" + text[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            text.replaceSubrange(Range(match.range, in: text)!, with: "（可选：\(choices)\(fallback)）")
        }
        for (regex, template) in compiled {
            text = regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return text
    }
}
