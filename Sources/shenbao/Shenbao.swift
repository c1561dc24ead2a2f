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
            ServeCommand.self,
        ])

    /// Runs the command; every message ArgumentParser prints (which may quote an option's value)
    /// goes through `TerminalText`, so an escape sequence typed in an option never reaches the
    /// terminal raw, and its help and usage errors are said in Chinese (`ArgumentParserWording`).
    ///
    /// The main function is synchronous: a command that runs once (fill, build, check …) runs on
    /// the main thread, without starting Swift's task pool, and with the allocator tuned for one
    /// run (`ProcessMemory`). Only `serve` runs in a task.
    static func main() {
        do {
            var command = try parseAsRoot()
            if let serving = command as? AsyncParsableCommand {
                try runToCompletion(serving)
            } else {
                ProcessMemory.tuneForOneShotCommand()
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

    /// Runs an asynchronous command in a task and waits for it on the main thread.
    private static func runToCompletion(_ command: AsyncParsableCommand) throws {
        final class Outcome: @unchecked Sendable { var error: (any Error)? }
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var running = command
        Task {
            do { try await running.run() } catch { outcome.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }
}
