import ArgumentParser

@main
struct Shenbao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shenbao",
        abstract: "Turn an application's data file into the official forms, stamped and checked.",
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
            ServeCommand.self,
        ])
}
