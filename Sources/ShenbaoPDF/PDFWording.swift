/// What the pdf stage says to a person, in one place: why LibreOffice cannot run here, why a
/// document was not converted, and which character no installed font covers. The stable codes
/// (`DiagnosticCode`) stay in `--format json`.
enum PDFWording {
    static let installWriter = "请用 `sudo apt-get install libreoffice-writer-nogui` 安装"
    static func libreOfficeMissing(searched: [String]) -> String {
        "找不到 LibreOffice（查找了 \(searched.joined(separator: "、"))）；\(installWriter)"
    }
    static let searchedOnPath = "PATH 中的 soffice 和 libreoffice"
    static func writerMissing(_ installation: String) -> String {
        "\(installation) 的 LibreOffice 没有 Writer 组件；\(installWriter)"
    }
    static let fontconfigMissing = "找不到 fc-list；请用 `sudo apt-get install fontconfig` 安装"
    static func fontMissing(_ formFont: String, candidates: [String], package: String) -> String {
        "没有安装可以代替 \(formFont) 的字体（需要其中之一：\(candidates.joined(separator: "、"))）；"
            + "请用 `sudo apt-get install \(package)` 安装"
    }

    static func stalled(seconds: String) -> String { "LibreOffice \(seconds) 秒没有进展，已被终止" }
    static func exited(status: Int32, message: String) -> String {
        "LibreOffice 在转换它时以退出状态 \(status) 结束" + (message.isEmpty ? "" : "：\(message)")
    }
    static func noPDFWritten(_ message: String) -> String { "LibreOffice 没有写出 PDF" + (message.isEmpty ? "" : "：\(message)") }
    static let interrupted = "未转换：已被中断"
    static let internalError = "未转换（内部错误）"
    static func outputClash(_ output: String, earlier: String) -> String { "它的 PDF \(output) 会覆盖由 \(earlier) 生成的 PDF" }

    static func uncovered(_ character: String, excerpt: String) -> String {
        "\(character) 不在任何已安装的字体中，打印出来会是空框，位于 \(excerpt)"
    }
}
