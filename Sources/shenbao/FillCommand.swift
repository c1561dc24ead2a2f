import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML

/// `shenbao fill TEMPLATE.docx DATA -o OUT.docx`.
struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "用申报数据填写 DOCX 模板中的 {{标签}}。",
        discussion: """
            Example: shenbao fill templates/sd-lab-2022/template.docx 申报数据.yaml -o 申报表.docx
            The tag language is described in docs/fill.md. Every problem is reported at once,
            with its place in the template; no output is written when there is one.
            """)

    @Argument(help: "The template (.docx).") var template: String
    @Argument(help: "The data file (.yaml or .json).") var data: String
    @Option(name: .shortAndLong, help: "The filled document to write.") var output: String
    @Option(help: "The form spec (form.yaml): form id, checkbox glyphs, choice options, defaults, image sizes, labels. Default: the form.yaml beside the template, when there is one.") var spec: String?
    @Flag(help: "Render missing values as empty instead of reporting them.") var allowMissing = false
    @Option(help: "Tag delimiters, e.g. \"{ }\" for docxtemplater templates (default \"{{ }}\").") var delimiters: String?
    @Flag(help: "Do not embed the data (custom XML part and keywords) in the output.") var noEmbed = false
    @Option(help: "On errors, also write the template with each error as a Word comment to this path.") var annotate: String?

    func validate() throws {
        if let delimiters, Delimiters(spec: delimiters) == nil {
            throw ValidationError("--delimiters takes two strings separated by a space, e.g. \"{ }\" or \"[[ ]]\"")
        }
        if let annotate, OutputGuard.resolve(annotate) == OutputGuard.resolve(output) {
            throw ValidationError("--annotate 与 -o 是同一个文件「\(output)」：请分开写")
        }
    }

    /// Refuses `-o` and `--annotate` naming an input: the template, the data, the spec or a file
    /// the data names (an image).
    private func checkOutputs(values: DataValue, dataDirectory: String) throws {
        var inputs = OutputGuard()
        inputs.input(template, as: "模板")
        inputs.input(data, as: "数据文件")
        if let specPath { inputs.input(specPath, as: "表单规格") }
        inputs.filesNamed(by: values, relativeTo: dataDirectory)
        try inputs.check(output, option: "-o")
        if let annotate { try inputs.check(annotate, option: "--annotate") }
    }

    /// `--spec`, else the form package's own spec beside the template (`templates/<form>/form.yaml`),
    /// so that optional fields left out fill blank as they validate.
    var specPath: String? {
        if let spec { return spec }
        let beside = ((template as NSString).deletingLastPathComponent as NSString).appendingPathComponent("form.yaml")
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    func run() throws {
        do {
            var options = try specPath.map { FillOptions(spec: try FormSpec.load(path: $0)) } ?? FillOptions()
            options.allowMissing = allowMissing
            options.embedData = !noEmbed
            if let delimiters, let d = Delimiters(spec: delimiters) { options.delimiters = d }
            let values = try DataFile.load(data)
            let folder = (data as NSString).deletingLastPathComponent
            let directory = folder.isEmpty ? "." : folder
            try checkOutputs(values: values, dataDirectory: directory)
            // Without --spec, the embedded data still names the form the data file names.
            if options.formID == nil { options.formID = DataFile.formID(of: values) }
            let archive = try ZipArchive(contentsOf: template)
            do {
                let filler = try TemplateFiller(template: archive, options: options)
                let filled = try filler.fill(with: values, dataDirectory: directory)
                try filled.write(to: output)
            } catch let error as DiagnosticsError {
                if let annotate {
                    let annotated = try TemplateAnnotator.annotate(archive, with: error.diagnostics)
                    try annotated.write(to: annotate)
                    Terminal.err("已写出 \(annotate)，带 \(error.diagnostics.count) 条批注")
                }
                throw error
            }
        } catch {
            throw fail(error)
        }
    }
}
