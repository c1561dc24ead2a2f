import ArgumentParser

@main
struct Shenbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shenbao",
        abstract: "把申报数据文件生成正式申报表，盖章并核对。",
        subcommands: [
            ValidateCommand.self,
            SchemaCommand.self,
            FillCommand.self,
            TagsCommand.self,
            DataCommand.self,
            PDFCommand.self,
            CheckCommand.self,
            SummaryCommand.self,
            BuildCommand.self,
            LintCommand.self,
        ])
}
