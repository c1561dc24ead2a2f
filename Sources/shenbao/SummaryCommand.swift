import ShenbaoData
import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoSummary

/// `shenbao summary`: a recommender's 推荐汇总表 from the submissions it received.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Build a recommender's 推荐汇总表 (DOCX, XLSX or CSV) and check its quotas.",
        discussion: """
            Submissions are data files (YAML/JSON) or DOCX files filled by shenbao, which carry their data. \
            Rows are in recommendation order (推荐单位, then 推荐排序). Quotas, duplicate or skipped rankings, \
            duplicate units and submissions for another form are reported all at once, each at its file; \
            nothing is written then.

            The DOCX is the package's summary.docx (templates/<form>/summary.docx) filled with the rows.

            Example:
              shenbao summary --form sd-lab-2022 received/*.docx -o 推荐汇总表.xlsx
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
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        if submissions.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw ValidationError("-o \(output) is one of the submissions; refusing to overwrite an input")
        }
    }

    func run() throws {
        do {
            var spec = try SummarySpec.load(formID: form, templatesDirectory: templates)
            if let by { spec.by = FieldPath(by) }
            if makeTemplate {
                try SummaryTemplate.write(spec, to: output)
                return
            }
            let (table, warnings) = try SummaryBuilder.build(spec: spec, paths: submissions, recommender: recommender)
            try SummaryFormat(path: output)!.write(table, to: output, spec: spec)
            if !warnings.isEmpty { DiagnosticOutput.print(warnings, format: diagnostics) }
            FileHandle.standardError.write(Data("\(output): \(table.rows.count) rows\n".utf8))
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(error.diagnostics, format: diagnostics)
            throw ExitCode(1)
        } catch {
            throw fail(error)
        }
    }
}
