import ShenbaoData
import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoSummary

/// `shenbao summary`: a recommender's 推荐汇总表 from the submissions it received.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "生成推荐单位的推荐汇总表（DOCX、XLSX 或 CSV），并检查推荐名额。",
        discussion: """
            申报材料是数据文件（YAML/JSON），或由 shenbao 填写、带有其数据的 DOCX 文件。\
            各行按推荐顺序排列（先按推荐单位，再按推荐排序，或按 --ranking 的顺序），每个推荐单位一张表。\
            软性名额（原则上、左右）作为警告记在备注中；硬性名额超出、排序重复或跳号、单位重复、\
            其他表单的申报材料一次全部报告，各自指明所在文件；此时不写出任何文件。

            DOCX 汇总表用表单包的 summary.docx（templates/<表单>/summary.docx）填写各行生成。

            示例：
              shenbao summary --form sd-lab-2022 received/*.docx -o 推荐汇总表.xlsx
              shenbao summary --form sz-lab received/*.docx --ranking 排序.txt --filled-by 王芳 --phone 0512-68615713 -o 汇总.xlsx
              shenbao summary --form sd-lab-2022 --make-template -o templates/sd-lab-2022/summary.docx
            """)

    @Option(help: "表单编号：其规格为 <templates>/<表单>/form.yaml。")
    var form: String

    @Option(help: "写有推荐单位的字段（默认：规格中的 summary.by，否则为 推荐单位）。")
    var by: String?

    @Option(help: "表单包目录（默认：$SHENBAO_TEMPLATES、./templates、程序旁边）。")
    var templates: String?

    @Option(help: "打印在 推荐单位（盖章） 之后的单位（默认：各行共同的推荐单位）。")
    var recommender: String?

    @Option(help: ArgumentHelp(
        "推荐单位的排序：每行一份申报材料（文件名或单位名称），第一行为第 1 位；代替申报材料中的推荐排序。",
        valueName: "file"))
    var ranking: String?

    @Option(name: .customLong("filled-by"), help: "填表人，打印在表格下方。")
    var filledBy: String?

    @Option(help: "填表人的联系电话，打印在表格下方。")
    var phone: String?

    @Option(help: "打印的填报日期（例如 2025年1月20日）；默认留空，手写。")
    var date: String?

    @Option(name: .shortAndLong, help: "输出文件；扩展名 .docx、.xlsx 或 .csv 决定格式。")
    var output: String

    @Flag(help: "写出表单的汇总表模板（带 {{#rows}} 标签的 DOCX），而不是汇总表。")
    var makeTemplate = false

    @Option(help: "问题的输出格式：text、json 或 github。")
    var diagnostics: OutputFormat = .text

    @Argument(help: "申报材料：数据文件，或由 shenbao 填写的 DOCX 文件。")
    var submissions: [String] = []

    func validate() throws {
        guard let format = SummaryFormat(path: output) else {
            throw ValidationError(CommandWording.summaryExtension(output))
        }
        if makeTemplate {
            guard format == .docx else { throw ValidationError(CommandWording.templateIsDocx) }
        } else if submissions.isEmpty {
            throw ValidationError(CommandWording.noSubmission)
        }
    }

    /// Refuses an `-o` that names a submission, the form spec, the form's template or (unless
    /// the summary template is what is being written) the summary template.
    private func checkOutput(_ spec: SummarySpec) throws {
        var inputs = OutputGuard()
        for submission in submissions { inputs.input(submission, as: "申报材料") }
        if let ranking { inputs.input(ranking, as: "排序文件") }
        if let specPath = spec.specPath {
            inputs.input(specPath, as: "表单规格")
            inputs.input((specPath as NSString).deletingLastPathComponent + "/template.docx", as: "表单模板")
        }
        if !makeTemplate, let template = spec.templatePath { inputs.input(template, as: "汇总表模板") }
        try inputs.check(output, option: "-o")
    }

    func run() throws {
        do {
            var spec = try SummarySpec.load(formID: form, templatesDirectory: templates)
            if let by { spec.by = FieldPath(by) }
            try checkOutput(spec)
            if makeTemplate {
                try SummaryTemplate.write(spec, to: output)
                return
            }
            let order = try ranking.map(SummaryRanking.read)
            let contact = SummaryContact(name: filledBy ?? "", phone: phone ?? "", date: date ?? "")
            let (table, warnings) = try SummaryBuilder.build(
                spec: spec, paths: submissions, recommender: recommender, ranking: order, contact: contact)
            try SummaryFormat(path: output)!.write(table, to: output, spec: spec)
            if !warnings.isEmpty { DiagnosticOutput.print(warnings, format: diagnostics) }
            Terminal.err("\(output): \(table.rows.count) 行")
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(error.diagnostics, format: diagnostics)
            throw ExitCode(1)
        } catch {
            throw fail(error)
        }
    }
}
