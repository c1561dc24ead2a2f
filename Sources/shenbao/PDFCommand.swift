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
            多份文档一次交给几个常驻的 LibreOffice 进程转换，表单的中文字体（宋体、仿宋_GB2312、黑体、\
            楷体_GB2312、方正小标宋简体）映射到已安装的字体。已安装字体无法显示的字符在转换前报告。\
            转换失败的文档不留下 PDF；其余文档照常完成，退出状态为 1。

            示例：shenbao pdf out/*.docx -o pdf --jobs 2
            """)

    @Argument(help: "要转换的 DOCX 文件。")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "写出 PDF 的目录（默认：各输入文件旁边）。")
    var outputDirectory: String?

    @Option(help: "并行运行的 LibreOffice 进程数：每个 CPU 核心一个，最多 4 个。")
    var jobs: Int = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))

    @Flag(help: "写出 PDF/A-2b。")
    var pdfa = false

    @Option(help: "LibreOffice 多少秒没有完成一份文档就被终止。")
    var timeout: Double = 60

    @Option(help: "所用的 soffice 程序（默认：在 PATH 中查找）。")
    var soffice: String?

    @Option(help: ArgumentHelp(
        "用 unoserver 实例代替本机 LibreOffice 转换：HOST:PORT[,HOST:PORT…]（见 docs/pdf.md）。",
        valueName: "host:port,…"))
    var remote: String?

    @Flag(help: "打印每种表单字体由哪个已安装字体代替，然后退出。")
    var showFonts = false

    @Option(help: ArgumentHelp(
        "把带字体映射表的 LibreOffice 配置写到这个新目录（供 unoserver --user-installation 使用），然后退出。",
        valueName: "dir"))
    var writeProfile: String?

    @Option(help: "结果与问题的输出格式：text、json（标准输出上的一个对象）或 github。")
    var format: OutputFormat = .text

    func validate() throws {
        guard showFonts || writeProfile != nil || !inputs.isEmpty else { throw ValidationError(CommandWording.noDOCXFile) }
        guard jobs >= 1 else { throw ValidationError(CommandWording.jobsAtLeastOne) }
        guard timeout > 0 else { throw ValidationError(CommandWording.timeoutPositive) }
    }

    func run() throws {
        if let remote {
            let endpoints: [UnoserverEndpoint]
            do { endpoints = try UnoserverEndpoint.list(remote) } catch { throw fail(error, code: 2) }
            let converter = RemoteConverter(endpoints: endpoints, timeout: timeout, pdfa: pdfa)
            let results = ConversionInterrupts.whileConverting { converter.convert(inputs, outputDirectory: outputDirectory) }
            try report(results)
            return
        }
        let pool: ConverterPool
        do {
            let libreOffice = try LibreOffice.locate(executable: soffice)
            pool = try ConverterPool(jobs: jobs, timeout: timeout, pdfa: pdfa, libreOffice: libreOffice)
        } catch {
            throw fail(error, code: 2)
        }
        if let writeProfile {
            do { try pool.writeProfile(to: writeProfile) } catch { throw fail(error, code: 2) }
            print(CommandWording.profileWritten(writeProfile))
            return
        }
        if showFonts {
            Terminal.out("LibreOffice: \(pool.libreOffice.executable)")
            for pair in pool.substitution.pairs { print("\(pair.formFont) → \(pair.face)") }
            return
        }
        let results = ConversionInterrupts.whileConverting { pool.convert(inputs, outputDirectory: outputDirectory) }
        try report(results)
    }

    /// Prints what became of each document and sets the exit code.
    private func report(_ results: [ConversionResult]) throws {
        for result in results where format == .text {
            if let output = result.output {
                Terminal.out(CommandWording.converted(result.input, output))
            } else {
                Terminal.out(CommandWording.notConverted(result.input))
            }
        }
        let failed = results.filter { !$0.succeeded }.count
        if format == .json {
            DiagnosticOutput.writeJSON(Self.jsonReport(results))
        } else {
            DiagnosticOutput.print(results.flatMap(\.diagnostics), format: format)
        }
        if format == .text {
            Terminal.err(CommandWording.convertedCount(results.count - failed, of: results.count))
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
