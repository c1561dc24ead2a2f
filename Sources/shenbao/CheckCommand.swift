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
            Line wrapping, page breaks, page numbers, repeated headers/footers and spaces do not count; any changed, missing or extra character does.

            The DOCX must also show its embedded data: the form's template (templates/<form>/template.docx, found through the form id in the data) is refilled with it and the two texts compared (kind `data`). A template not found is a warning.

            Examples:
              shenbao check 申报书.docx 申报书.pdf --data 申报数据.yaml
              shenbao check --batch 收件箱/ --format json

            Exit status: 0 when the pair matches (with --batch: every pair), 1 when it does not, 2 when a file cannot be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The DOCX and the PDF made from it.", valueName: "FORM.docx FORM.pdf"))
    var files: [String] = []

    @Option(help: ArgumentHelp("A folder of name.docx/name.pdf pairs (name.yaml beside a pair is its data).", valueName: "DIR"))
    var batch: String?

    @Option(help: ArgumentHelp("The data file the pair should have been made from; its digest is checked.", valueName: "DATA"))
    var data: String?

    @Option(help: ArgumentHelp("A folder of form packages searched first for the form's template, which is refilled with the DOCX's embedded data to prove the DOCX shows its data.", valueName: "DIR"))
    var templates: String?

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("For scans: write one PNG per difference or spot to look at (the scan's crop beside the expected text).", valueName: "DIR"))
    var evidence: String?

    @Option(help: ArgumentHelp("For scans: the OCR cache folder (default: the shenbao data folder's ocr-cache).", valueName: "DIR"))
    var cache: String?

    private var scanOptions: ScanOptions {
        var options = ScanOptions(evidence: evidence)
        if let cache { options.cache = cache }
        return options
    }

    func validate() throws {
        if batch != nil {
            guard files.isEmpty else { throw ValidationError("give either --batch DIR or FORM.docx FORM.pdf, not both") }
            guard data == nil else { throw ValidationError("--data applies to one pair; in --batch put name.yaml beside each pair") }
        } else if files.count != 2 {
            throw ValidationError("expected FORM.docx FORM.pdf")
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
            for error in errors { Terminal.err("error: \(error)") }
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
