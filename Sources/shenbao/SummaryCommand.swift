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
            Submissions are data files (YAML/JSON) or DOCX files filled by shenbao, which carry their data. \
            Rows are in recommendation order (推荐单位, then 推荐排序, or the order of --ranking), one table per \
            recommender. Soft quotas (原则上, 左右) are warnings noted in 备注; hard quotas, duplicate or skipped rankings, \
            duplicate units and submissions for another form are reported all at once, each at its file; \
            nothing is written then.

            The DOCX is the package's summary.docx (templates/<form>/summary.docx) filled with the rows.

            Example:
              shenbao summary --form sd-lab-2022 received/*.docx -o 推荐汇总表.xlsx
              shenbao summary --form sz-lab received/*.docx --ranking 排序.txt --filled-by 王芳 --phone 0512-68615713 -o 汇总.xlsx
              shenbao summary --form sd-lab-2022 --make-template -o templates/sd-lab-2022/summary.docx
            """)

    @Option(help: "The form id: its spec is <templates>/<form>/form.yaml.")
    var form: String

    @Option(help: "The field naming the recommending unit (default: the spec's summary.by, else 推荐单位).")
    var by: String?

    @Option(help: "The folder of form packages (default: $SHENBAO_TEMPLATES, ./templates, beside the executable).")
    var templates: String?

    @Option(help: "The unit printed after 推荐单位（盖章） (default: the one recommender all rows share).")
    var recommender: String?

    @Option(help: ArgumentHelp(
        "The bureau's ranking: one submission a line (its file name or its unit's name), the first is 1; replaces the 推荐排序 in the submissions.",
        valueName: "file"))
    var ranking: String?

    @Option(name: .customLong("filled-by"), help: "填表人, printed under the table.")
    var filledBy: String?

    @Option(help: "联系电话 of the 填表人, printed under the table.")
    var phone: String?

    @Option(help: "填报日期 as printed (e.g. 2025年1月20日); default: left blank to write by hand.")
    var date: String?

    @Option(name: .shortAndLong, help: "The output file; .docx, .xlsx or .csv chooses the format.")
    var output: String

    @Flag(help: "Write the form's summary template (a DOCX with {{#rows}} tags) instead of a summary.")
    var makeTemplate = false

    @Option(help: "How to print problems: text, json or github.")
    var diagnostics: OutputFormat = .text

    @Argument(help: "The submissions: data files or DOCX files filled by shenbao.")
    var submissions: [String] = []

    func validate() throws {
        guard let format = SummaryFormat(path: output) else {
            throw ValidationError("-o \(output): the extension must be .docx, .xlsx or .csv")
        }
        if makeTemplate {
            guard format == .docx else { throw ValidationError("--make-template writes a .docx") }
        } else if submissions.isEmpty {
            throw ValidationError("give at least one submission file")
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
