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
            Each data file names its form with `form: <id>` (templates/<id>/form.yaml and template.docx).
            Outputs are named after the data file (甲公司.yaml → 甲公司.docx, 甲公司.pdf); data files
            of one run that share a name take their folder's name in front (sd-lab-2022-申报数据.docx).
            All documents convert in one LibreOffice batch. A file that fails validation or filling
            writes nothing; the others go on. See docs/build.md.

            Exit status: 0 when every file was built and its PDF matches its DOCX, 1 otherwise,
            2 when LibreOffice or a needed font is missing, 130 when interrupted.

            Example: shenbao build samples/sd-lab-2022/申报数据.yaml -o out
            """)

    @Argument(help: "Data files (YAML or JSON), each naming its form with `form:`.")
    var data: [String]

    @Option(name: [.short, .customLong("output")], help: "Folder for the DOCX and PDF files.")
    var outputDirectory: String = "out"

    @Option(help: ArgumentHelp("A PNG replacing the data's 公章 (the applicant's seal).", valueName: "png"))
    var seal: String?

    @Flag(help: "Write PDF/A-2b.")
    var pdfa = false

    @Option(help: "LibreOffice processes to run in parallel (default: one per core, at most 4).")
    var jobs: Int = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))

    @Option(help: "The soffice executable to use (default: found on PATH).")
    var soffice: String?

    @Option(help: ArgumentHelp("A folder of form packages, searched before the others.", valueName: "dir"))
    var templates: String?

    @Option(help: "text (verdicts on stdout, problems on stderr) or json.")
    var format: BuildReportFormat = .text

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one data file") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let seal, !FileManager.default.isReadableFile(atPath: seal) {
            throw ValidationError("--seal \(seal): no such file")
        }
    }

    func run() throws {
        var options = SubmissionBuilder.Options(outputDirectory: outputDirectory, seal: seal)
        options.pdfa = pdfa
        options.jobs = jobs
        options.templatesDirectory = templates
        options.soffice = soffice
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
