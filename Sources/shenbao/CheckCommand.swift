import ArgumentParser
import Foundation
import ShenbaoCheck
import ShenbaoCore
import ShenbaoData

/// `shenbao check`: does the PDF say what the DOCX says?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "核对 PDF 与其 DOCX 内容完全一致（文字、勾选框、印章、数据校验值、字体、A4）。",
        discussion: """
            换行、分页、页码、重复的页眉页脚和空格不计；任何改动、缺少或多出的字符都计为不同。

            DOCX 还必须显示它嵌入的数据：用嵌入数据重新填写表单模板（templates/<表单>/template.docx，
            按数据中的表单编号查找），再比较两份文字（类别 data）。找不到模板时给出警告。

            示例：
              shenbao check 申报书.docx 申报书.pdf --data 申报数据.yaml
              shenbao check --batch 收件箱/ --format json

            退出状态：一致时为 0（用 --batch 时：每一对都一致），不一致时为 1，有文件无法读取时为 2。
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("DOCX 及由它生成的 PDF。", valueName: "FORM.docx FORM.pdf"))
    var files: [String] = []

    @Option(help: ArgumentHelp("放有成对 name.docx/name.pdf 的目录（旁边的 name.yaml 为这对文件的数据）。", valueName: "DIR"))
    var batch: String?

    @Option(help: ArgumentHelp("这对文件应当依据的数据文件；核对其数据校验值。", valueName: "DATA"))
    var data: String?

    @Option(help: ArgumentHelp("先在此表单包目录中查找表单模板；用 DOCX 的嵌入数据重新填写它，以证明 DOCX 显示的就是其数据。", valueName: "DIR"))
    var templates: String?

    @Option(help: "text 或 json。")
    var format: Format = .text

    @Option(help: ArgumentHelp("用于扫描件：每处不同或待核对处写出一张 PNG（扫描件截图与应有文字并排）。", valueName: "DIR"))
    var evidence: String?

    @Option(help: ArgumentHelp("用于扫描件：OCR 缓存目录（默认：shenbao 数据目录下的 ocr-cache）。", valueName: "DIR"))
    var cache: String?

    private var scanOptions: ScanOptions {
        var options = ScanOptions(evidence: evidence)
        if let cache { options.cache = cache }
        return options
    }

    func validate() throws {
        if batch != nil {
            guard files.isEmpty else { throw ValidationError(CommandWording.batchOrPair) }
            guard data == nil else { throw ValidationError(CommandWording.dataNotInBatch) }
        } else if files.count != 2 {
            throw ValidationError(CommandWording.pairExpected)
        }
    }

    func run() throws {
        if let batch { try runBatch(batch) } else { try runPair(docx: files[0], pdf: files[1]) }
    }

    private func runPair(docx: String, pdf: String) throws {
        let dataValue: DataValue?
        do {
            dataValue = try data.map(DataFile.load)
        } catch {
            throw fail(error, code: 2)
        }
        let report: CheckReport
        do {
            report = try PairChecker.check(docx: docx, pdf: pdf, data: dataValue, templatesDirectory: templates, scan: scanOptions)
        } catch CheckError.several(let errors) {
            for error in errors { Terminal.err(CommandWording.errorPrefix + "\(error)") }
            throw ExitCode(2)
        } catch {
            throw fail(error, code: 2)
        }
        let output = format == .json ? report.renderJSON() : report.renderText()
        Terminal.out(format == .json ? Terminal.json(output) : output, terminator: "")
        if !report.matches { throw ExitCode(1) }
    }

    private func runBatch(_ directory: String) throws {
        let entries: [BatchEntry]
        do {
            let progress: (@Sendable (Int, Int, String) -> Void)? = isatty(2) != 0 ? Self.showProgress : nil
            entries = try BatchChecker.check(
                directory: directory, concurrency: 2, loadData: { try DataFile.load($0) }, templatesDirectory: templates,
                scan: scanOptions, progress: progress)
        } catch {
            throw fail(error, code: 2)
        }
        let output = format == .json ? BatchChecker.renderJSON(entries) : BatchChecker.renderTable(entries)
        Terminal.out(format == .json ? Terminal.json(output) : output, terminator: "")
        if entries.contains(where: { $0.verdict != "match" }) { throw ExitCode(1) }
    }

    /// `检查 3/10：甲单位` on one terminal line, rewritten after each pair.
    @Sendable private static func showProgress(done: Int, total: Int, name: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K检查 \(done)/\(total)：\(name)".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
