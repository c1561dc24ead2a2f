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
            Checks that every tag parses and every section closes; that every tag names a field of the
            form (names inside {{#table}}…{{/table}} are the table's columns; outer names stay visible);
            that every required field has a tag (a group's through its children, a table through its
            section); that every {{field=选项}} checkbox names one of the field's options; and that
            images stand only where an image can go ({{%x}} on image fields, never in a text box or a
            content control; an image field never printed as text).

            Without --spec, form.yaml beside the template is used when present; without a spec only
            the syntax and image places are checked.

            Exit status: 0 when there is no error, 1 when the template has errors, 2 when the
            template or the spec cannot be read.

            Examples:
              shenbao lint templates/sd-lab-2022/template.docx
              shenbao lint my-template.docx --spec templates/sd-lab-2022/form.yaml --format github
            """)

    @Argument(help: "The template (.docx).") var template: String
    @Option(help: ArgumentHelp("The form spec (form.yaml). Default: form.yaml beside the template.", valueName: "path"))
    var spec: String?
    @Option(help: "Tag delimiters, e.g. \"{ }\" (default \"{{ }}\").") var delimiters: String?
    @Option(help: "Output: text (to stderr), json or github (annotations, to stdout).")
    var format: OutputFormat = .text

    func validate() throws {
        if let delimiters, Delimiters(spec: delimiters) == nil {
            throw ValidationError("--delimiters takes two strings separated by a space, e.g. \"{ }\"")
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
