import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML

/// `shenbao lint TEMPLATE.docx`: checks a template's tags against its form spec.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查模板：标签可解析、区块已闭合、标签对应表单字段、必填字段都已出现。",
        discussion: """
            检查：每个标签都能解析，每个区块都已闭合；每个标签都对应表单的一个字段（{{#表格}}…{{/表格}}
            之内的名称是表格的列，外层的名称仍然可见）；每个必填字段都有标签（字段组通过其子字段，表格
            通过其区块）；每个 {{字段=选项}} 勾选框都是该字段的选项之一；图片只出现在可以放图片的位置
            （{{%x}} 只用于图片字段，不在文本框或内容控件中；图片字段不作为文字打印）。

            不给 --spec 时，使用模板旁边的 form.yaml（如有）；没有表单规格时只检查语法和图片位置。

            退出状态：没有错误时为 0，模板有错误时为 1，模板或表单规格无法读取时为 2。

            示例：
              shenbao lint templates/sd-lab-2022/template.docx
              shenbao lint my-template.docx --spec templates/sd-lab-2022/form.yaml --format github
            """)

    @Argument(help: "模板（.docx）。") var template: String
    @Option(help: ArgumentHelp("表单规格（form.yaml）。默认：模板旁边的 form.yaml。", valueName: "path"))
    var spec: String?
    @Option(help: "标签定界符，例如 \"{ }\"（默认 \"{{ }}\"）。") var delimiters: String?
    @Option(help: "输出格式：text（写到标准错误）、json 或 github（注释，写到标准输出）。")
    var format: OutputFormat = .text

    func validate() throws {
        if let delimiters, Delimiters(spec: delimiters) == nil {
            throw ValidationError(CommandWording.delimitersHelp)
        }
    }

    func run() throws {
        let specPath = spec ?? besideTemplate()
        let formSpec: FormSpec?
        let diagnostics: [Diagnostic]
        do {
            formSpec = try specPath.map { try FormSpec.load(path: $0) }
            let archive = try ZipArchive(contentsOf: template)
            diagnostics = try TemplateLinter.lint(
                archive, path: template, spec: formSpec,
                delimiters: delimiters.flatMap(Delimiters.init(spec:)) ?? .mustache)
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(error.diagnostics, format: format)
            throw ExitCode(2)
        } catch {
            var reason = "\(error)"
            if reason.hasPrefix(template + ": ") { reason.removeFirst(template.count + 2) }
            DiagnosticOutput.print([.error(.unreadable, at: .file(template), reason)], format: format)
            throw ExitCode(2)
        }
        DiagnosticOutput.print(diagnostics, format: format)
        if format == .text && !diagnostics.hasErrors {
            let against = formSpec.map { "表单 \($0.id)" } ?? "未使用表单规格，只检查了标签语法"
            Terminal.out("\(template): 通过（\(against)）")
        }
        throw DiagnosticOutput.exitCode(for: diagnostics)
    }

    /// `form.yaml` in the template's folder, when there is one.
    private func besideTemplate() -> String? {
        let folder = (template as NSString).deletingLastPathComponent
        let candidate = (folder.isEmpty ? "." : folder) + "/form.yaml"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}
