/// What the commands themselves say to a person (not the libraries' diagnostics): refusals of
/// their arguments, the lines `build` prints per data file and at the end, the diagnostic count.
/// Help texts stay beside the options they describe; the English codes stay in `--format json`.
enum CommandWording {
    // MARK: Arguments

    static let noDataFile = "请至少给出一个数据文件"
    static let noDOCXFile = "请至少给出一个 DOCX 文件"
    static let noSubmission = "请至少给出一份申报材料"
    static let jobsAtLeastOne = "--jobs 至少为 1"
    static let timeoutPositive = "--timeout 应大于 0 秒"
    static let maxBodyPositive = "--max-body 应大于 0"
    static let portRange = "--port 应在 0-65535 之间"
    static func noSuchFile(_ option: String, _ path: String) -> String { "\(option) \(path)：文件不存在或无法读取" }
    static let delimitersHelp = "--delimiters 应为以空格隔开的两个字符串，例如 \"{ }\" 或 \"[[ ]]\""
    static let specOrForm = "--spec 与 --form 只能给一个"
    static let specOrFormNeeded = "请给出 --form ID 或 --spec PATH"
    static let batchOrPair = "--batch DIR 与 FORM.docx FORM.pdf 只能给一种"
    static let dataNotInBatch = "--data 只用于一对文件；用 --batch 时把 name.yaml 放在每对文件旁边"
    static let pairExpected = "请给出 FORM.docx FORM.pdf 两个文件"
    static func summaryExtension(_ output: String) -> String { "-o \(output)：扩展名应为 .docx、.xlsx 或 .csv" }
    static let templateIsDocx = "--make-template 只写 .docx 文件"

    // MARK: Results

    /// `1 个错误，0 个警告`, after the diagnostics of validate, fill, lint, pdf, summary.
    static func counts(errors: Int, warnings: Int) -> String { "\(errors) 个错误，\(warnings) 个警告" }

    /// `1/1 份已生成且一致`, build's last line.
    static func built(matching: Int, of total: Int) -> String { "\(matching)/\(total) 份已生成且一致" }

    static func invalid(errors: Int) -> String { "未生成，数据有误：\(errors) 个错误" }
    static let fillFailed = "未生成，填写失败"
    static let convertFailed = "PDF 转换失败"
    static let checkFailed = "未能核对"
    static func matches(pages: Int) -> String { "一致，\(pages) 页" }
    static func differs(_ count: Int, pages: Int) -> String { "不一致：\(count) 处不同，\(pages) 页" }

    /// `已转换 a.docx -> a.pdf`, one line per document of `shenbao pdf`.
    static func converted(_ input: String, _ output: String) -> String { "已转换 \(input) -> \(output)" }
    static func notConverted(_ input: String) -> String { "转换失败 \(input)" }
    static func convertedCount(_ converted: Int, of total: Int) -> String { "\(converted)/\(total) 份已转换" }

    static func profileWritten(_ path: String) -> String {
        "已写出 \(path)：用 --user-installation \(path) 启动 unoserver"
    }
    static let errorPrefix = "error: "
}
