import ArgumentParser
import Foundation
import ShenbaoBuild
import ShenbaoCheck
import ShenbaoCore
import ShenbaoPDF

/// `shenbao build DATA...`: the main job — data file in, checked DOCX and PDF out.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "校验数据文件，填写表单，转换为 PDF，并逐份核对 PDF 与 DOCX 是否一致。",
        discussion: """
            每个数据文件用 `form: <编号>` 指明表单（templates/<编号>/form.yaml 与 template.docx）。
            输出文件以数据文件命名（甲公司.yaml → 甲公司.docx、甲公司.pdf）；同一次运行中重名的数据文件
            在前面加上所在目录名（sd-lab-2022-申报数据.docx）。所有文档在一批 LibreOffice 中转换。
            校验或填写失败的文件不写出任何内容，其余文件照常生成。详见 docs/build.md。

            退出状态：每个文件都已生成且 PDF 与 DOCX 一致时为 0，否则为 1；缺少 LibreOffice 或所需字体时
            为 2；被中断时为 130。

            示例：shenbao build samples/sd-lab-2022/申报数据.yaml -o out
            """)

    @Argument(help: "数据文件（YAML 或 JSON），各自用 `form:` 指明表单。")
    var data: [String]

    @Option(name: [.short, .customLong("output")], help: "写出 DOCX 与 PDF 的目录。")
    var outputDirectory: String = "out"

    @Option(help: ArgumentHelp("代替数据中 公章 的 PNG 图片（申报单位的电子印章）。", valueName: "png"))
    var seal: String?

    @Flag(help: "写出 PDF/A-2b。")
    var pdfa = false

    @Option(help: "并行运行的 LibreOffice 进程数：每个 CPU 核心一个，最多 4 个。")
    var jobs: Int = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))

    @Option(help: "所用的 soffice 程序（默认：在 PATH 中查找）。")
    var soffice: String?

    @Option(help: ArgumentHelp("表单包目录，先于其他位置查找。", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp(
        "用 unoserver 实例代替本机 LibreOffice 转换：HOST:PORT[,HOST:PORT…]（见 docs/pdf.md）。",
        valueName: "host:port,…"))
    var remote: String?

    @Option(help: "text（结论写到标准输出，问题写到标准错误）或 json。")
    var format: BuildReportFormat = .text

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError(CommandWording.noDataFile) }
        guard jobs >= 1 else { throw ValidationError(CommandWording.jobsAtLeastOne) }
        if let seal, !FileManager.default.isReadableFile(atPath: seal) {
            throw ValidationError(CommandWording.noSuchFile("--seal", seal))
        }
    }

    func run() throws {
        var options = SubmissionBuilder.Options(outputDirectory: outputDirectory, seal: seal)
        options.pdfa = pdfa
        options.jobs = jobs
        options.templatesDirectory = templates
        options.soffice = soffice
        if let remote {
            do { options.remote = try UnoserverEndpoint.list(remote) } catch { throw fail(error, code: 2) }
        }
        let bar = ProgressLine(enabled: data.count > 1 && isatty(STDERR_FILENO) == 1)
        let results: [BuiltSubmission]
        do {
            results = try ConversionInterrupts.whileConverting {
                try SubmissionBuilder(options: options).build(data) { progress in
                    if progress.stage == .waitForFolder {
                        Terminal.err("输出目录 \(outputDirectory) 正被另一个 shenbao build 使用，等待它完成…")
                    } else {
                        bar.show(progress)
                    }
                }
            }
        } catch let error as BuildSetupError {
            bar.clear()
            BuildReport(results: error.results).print(format: format)
            throw fail(error.underlying, code: 2)
        } catch {
            bar.clear()
            throw fail(error, code: 2)
        }
        bar.clear()
        BuildReport(results: results).print(format: format)
        if ConverterPool.isCancelled { throw ExitCode(130) }
        if !results.allSatisfy(\.matches) { throw ExitCode(1) }
    }
}

/// How `shenbao build` prints its results.
enum BuildReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `\r[3/30] 申报数据.yaml …` on a terminal's standard error, rewritten in place.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: BuildProgress) {
        guard enabled else { return }
        let what: String
        switch progress.stage {
        case .fill: what = "填写 " + (progress.file.map { ($0 as NSString).lastPathComponent } ?? "")
        case .convert: what = progress.done == 0 ? "转换 \(progress.total) 份 PDF…" : "转换完成"
        case .check: what = "核对 " + (progress.file.map { ($0 as NSString).lastPathComponent } ?? "")
        case .waitForFolder: what = "等待输出目录"
        }
        let counter = progress.stage == .convert ? "" : "[\(progress.done)/\(progress.total)] "
        lock.lock()
        FileHandle.standardError.write(Data("\r\u{1B}[K\(TerminalText.escaped(counter + what))".utf8))
        lock.unlock()
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
