import ArgumentParser
import Foundation
import ShenbaoCore

@main
struct Shenbao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shenbao",
        abstract: "把申报数据文件生成正式申报表，盖章并核对。",
        version: ShenbaoVersion.current,
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

    /// Runs the command; every message ArgumentParser prints (which may quote an option's value)
    /// goes through `TerminalText`, so an escape sequence typed in an option never reaches the
    /// terminal raw, and its help and usage errors are said in Chinese (`ArgumentParserWording`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var serving = command as? AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let arguments = Array(CommandLine.arguments.dropFirst())
            let rendered = fullMessage(for: error)
            let message = ArgumentParserWording.isMachineRequest(arguments) ? rendered : ArgumentParserWording.translate(rendered)
            if !message.isEmpty {
                let out = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                out.write(Data((TerminalText.escaped(message) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
