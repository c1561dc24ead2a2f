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
            每个问题打印一行：`文件:行:列: error: 栏目: 说明`，错误和警告按位置排序。
            退出状态：没有错误时为 0（可以有警告），数据有错误时为 1，找不到表单规格或规格本身有误时为 2。

            示例：shenbao validate samples/sd-lab-2022/申报数据.yaml
            """)

    @Argument(help: ArgumentHelp("数据文件（YAML 或 JSON）。", valueName: "data"))
    var data: String

    @OptionGroup var formOptions: FormSpecOptions

    @Option(help: "输出格式：text（写到标准错误）、json 或 github（写到标准输出）。")
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
