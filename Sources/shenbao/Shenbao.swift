import ArgumentParser
import Foundation
import ShenbaoCore

@main
struct Shenbao: ParsableCommand {
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
        ])

    /// Runs the command; every message ArgumentParser prints (which may quote an option's value)
    /// goes through `TerminalText`, so an escape sequence typed in an option never reaches the
    /// terminal raw.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let out = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                out.write(Data((TerminalText.escaped(message) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
