import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoPDF

/// `shenbao pdf`: DOCX forms to PDF through a pool of LibreOffice processes.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "用 LibreOffice 把已填写的 DOCX 表单转换为 PDF。",
        discussion: """
            Many documents convert in one call on a few long-lived LibreOffice processes, with the \
            Chinese form fonts (宋体, 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体) mapped to installed \
            faces. Characters no installed font can draw are reported before converting. A document \
            that fails leaves no PDF; the others still finish, and the exit code is 1.

            Example: shenbao pdf out/*.docx -o pdf --jobs 2
            """)

    @Argument(help: "DOCX files to convert.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Folder for the PDFs (default: beside each input).")
    var outputDirectory: String?

    @Option(help: "LibreOffice processes to run in parallel (default: one per core, at most 4).")
    var jobs: Int = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))

    @Flag(help: "Write PDF/A-2b.")
    var pdfa = false

    @Option(help: "Seconds a LibreOffice run may go without finishing a document before it is stopped.")
    var timeout: Double = 60

    @Option(help: "The soffice executable to use (default: found on PATH).")
    var soffice: String?

    @Flag(help: "Print which installed face stands in for each form font, and exit.")
    var showFonts = false

    @Option(help: "How to print results and problems: text, json (one object on stdout) or github.")
    var format: OutputFormat = .text

    func validate() throws {
        guard showFonts || !inputs.isEmpty else { throw ValidationError("give at least one DOCX file") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    func run() throws {
        let pool: ConverterPool
        do {
            let libreOffice = try LibreOffice.locate(executable: soffice)
            pool = try ConverterPool(jobs: jobs, timeout: timeout, pdfa: pdfa, libreOffice: libreOffice)
        } catch {
            throw fail(error, code: 2)
        }
        if showFonts {
            Terminal.out("LibreOffice: \(pool.libreOffice.executable)")
            for pair in pool.substitution.pairs { print("\(pair.formFont) → \(pair.face)") }
            return
        }
        let results = ConversionInterrupts.whileConverting { pool.convert(inputs, outputDirectory: outputDirectory) }
        for result in results where format == .text {
            if let output = result.output {
                Terminal.out("converted \(result.input) -> \(output)")
            } else {
                Terminal.out("FAILED    \(result.input)")
            }
        }
        let failed = results.filter { !$0.succeeded }.count
        if format == .json {
            DiagnosticOutput.writeJSON(Self.jsonReport(results))
        } else {
            DiagnosticOutput.print(results.flatMap(\.diagnostics), format: format)
        }
        if format == .text {
            Terminal.err("\(results.count - failed) of \(results.count) converted")
        }
        if ConverterPool.isCancelled { throw ExitCode(130) }
        if failed > 0 { throw ExitCode(1) }
    }
}

extension PDFCommand {
    /// The `--format json` report: `converted`, `failed`, and per document `input`, `output` (null
    /// when nothing was written), `attempts` and `diagnostics` (as `DiagnosticOutput` prints them).
    static func jsonReport(_ results: [ConversionResult]) -> [String: Any] {
        let documents: [[String: Any]] = results.map { result in
            [
                "input": result.input,
                "output": result.output.map { $0 as Any } ?? NSNull(),
                "attempts": result.attempts,
                "diagnostics": DiagnosticOutput.jsonObjects(result.diagnostics),
            ]
        }
        let failed = results.filter { !$0.succeeded }.count
        return ["converted": results.count - failed, "failed": failed, "documents": documents]
    }
}
