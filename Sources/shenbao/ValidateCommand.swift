import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoData

/// `shenbao validate DATA`: checks a data file against its form and prints every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "按表单规格校验申报数据文件，一次报告所有问题。",
        discussion: """
            Prints one line per problem, `file:line:col: error: 标签: message`, errors and warnings,
            sorted by place. Exit status: 0 when there is no error (warnings allowed), 1 when the data
            has errors, 2 when the form spec cannot be found or is itself invalid.

            Example: shenbao validate samples/sd-lab-2022/申报数据.yaml
            """)

    @Argument(help: ArgumentHelp("The data file (YAML or JSON).", valueName: "data"))
    var data: String

    @OptionGroup var formOptions: FormSpecOptions

    @Option(help: "Output: text (to stderr), json or github (to stdout).")
    var format: OutputFormat = .text

    func run() throws {
        let value: DataValue
        let duplicates: [Diagnostic]
        do {
            (value, duplicates) = try DataFile.loadKeepingDuplicates(data)
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(error.diagnostics, format: format)
            throw ExitCode(1)
        }
        let spec: FormSpec
        do {
            spec = try formOptions.load(dataFormID: DataFile.formID(of: value), dataPath: data)
        } catch let error as DiagnosticsError {
            DiagnosticOutput.print(duplicates + error.diagnostics, format: format)
            throw ExitCode(2)
        }
        let result = spec.validate(value, dataPath: data)
        let all = duplicates + result.diagnostics
        DiagnosticOutput.print(all, format: format)
        if format == .text && !all.hasErrors {
            let warnings = all.warnings.count
            Terminal.out("\(data): 通过（表单 \(spec.id)\(warnings > 0 ? "，\(warnings) 个警告" : "")）")
        }
        throw DiagnosticOutput.exitCode(for: all)
    }
}
