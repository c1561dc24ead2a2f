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
            示例：shenbao fill templates/sd-lab-2022/template.docx 申报数据.yaml -o 申报表.docx
            标签语言见 docs/fill.md。所有问题一次报告，并给出在模板中的位置；有问题时不写出任何文件。
            """)

    @Argument(help: "模板（.docx）。") var template: String
    @Argument(help: "数据文件（.yaml 或 .json）。") var data: String
    @Option(name: .shortAndLong, help: "要写出的已填写文档。") var output: String
    @Option(help: "表单规格（form.yaml）：表单编号、勾选框符号、选项、默认值、图片尺寸、栏目名称。默认：模板旁边的 form.yaml（如有）。") var spec: String?
    @Flag(help: "缺少的值填为空白，而不报告为错误。") var allowMissing = false
    @Option(help: "标签定界符，例如 docxtemplater 模板用 \"{ }\"（默认 \"{{ }}\"）。") var delimiters: String?
    @Flag(help: "不在输出中嵌入数据（自定义 XML 部件与关键词）。") var noEmbed = false
    @Option(help: "出错时，另把模板写到此路径，每个错误作为一条 Word 批注。") var annotate: String?

    func validate() throws {
        if let delimiters, Delimiters(spec: delimiters) == nil {
            throw ValidationError(CommandWording.delimitersHelp)
        }
        if let annotate, OutputGuard.resolve(annotate) == OutputGuard.resolve(output) {
            throw ValidationError("--annotate 与 -o 是同一个文件「\(output)」：请分开写")
        }
    }

    /// Refuses `-o` and `--annotate` naming an input: the template, the data, the spec or a file
    /// the data names (an image). The walk over the data runs on another core while the template
    /// fills; its answer is waited for before anything is written.
    private func checkingOutputs(values: DataValue, dataDirectory: String) -> BackgroundWork<Result<Void, any Error>> {
        var inputs = OutputGuard()
        inputs.input(template, as: "模板")
        inputs.input(data, as: "数据文件")
        if let specPath { inputs.input(specPath, as: "表单规格") }
        let (output, annotate) = (output, annotate)
        return BackgroundWork { [inputs] in
            Result {
                var inputs = inputs
                inputs.filesNamed(by: values, relativeTo: dataDirectory)
                try inputs.check(output, option: "-o")
                if let annotate { try inputs.check(annotate, option: "--annotate") }
            }
        }
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
            // The template is read and compiled on another core while the data is read and checked;
            // the data's problems are still the ones reported first.
            let compiling = Self.compile(template, options: options)
            if let size = (try? FileManager.default.attributesOfItem(atPath: data))?[.size] as? Int, size >= ProcessMemory.largeData {
                ProcessMemory.adviseHugePages()
            }
            let values = try DataFile.load(data)
            let folder = (data as NSString).deletingLastPathComponent
            let directory = folder.isEmpty ? "." : folder
            let outputs = checkingOutputs(values: values, dataDirectory: directory)
            let filled = Result { () throws -> ZipArchive in
                var filler = try compiling.value.filler.get()
                // Without --spec, the embedded data still names the form the data file names.
                if options.formID == nil { filler = filler.naming(formID: DataFile.formID(of: values)) }
                return try filler.fill(with: values, dataDirectory: directory)
            }
            // An output that would overwrite an input is refused first, as before the template is read.
            try outputs.value.get()
            let archive = try compiling.value.archive.get()
            do {
                try filled.get().write(to: output)
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

    /// The template read and compiled, or why it could not be.
    private struct Compiled: Sendable {
        var archive: Result<ZipArchive, any Error>
        var filler: Result<TemplateFiller, any Error>
    }

    private static func compile(_ path: String, options: FillOptions) -> BackgroundWork<Compiled> {
        BackgroundWork {
            let archive = Result { try ZipArchive(contentsOf: path) }
            return Compiled(archive: archive, filler: archive.flatMap { archive in Result { try TemplateFiller(template: archive, options: options) } })
        }
    }
}
