/// What `shenbao check` says to a person, in one place: the summary lines, each difference's
/// message, the digest verdicts and why a file could not be read. The English codes (`kind`,
/// `verdict`) stay in `--format json`; these are the words a clerk reads.
enum CheckWording {
    /// The Chinese name of a difference's kind (JSON keeps `kind`'s English code).
    static func label(_ kind: CheckDifference.Kind) -> String {
        switch kind {
        case .text: "文字"
        case .checkbox: "复选框"
        case .headerFooter: "页眉页脚"
        case .digest: "数据校验值"
        case .seal: "印章"
        case .font: "字体"
        case .pageSize: "页面尺寸"
        case .page: "页面"
        case .data: "嵌入数据"
        }
    }

    static let warningPrefix = "警告："

    static func pdfPage(_ page: Int) -> String { "PDF 第 \(page) 页" }

    // MARK: Summary lines

    /// `a.docx ↔ a.pdf：一致，9 页，3120 个字符`
    static func match(_ pair: String, pages: Int, characters: Int) -> String {
        "\(pair)：一致，\(pages) 页，\(characters) 个字符"
    }

    /// `a.docx ↔ a.pdf：2 处不同（文字 1 处，印章 1 处），9 页`
    static func differ(_ pair: String, count: Int, kinds: [(CheckDifference.Kind, Int)], pages: Int) -> String {
        let counted = kinds.map { "\(label($0.0)) \($0.1) 处" }.joined(separator: "，")
        return "\(pair)：\(count) 处不同（\(counted)），\(pages) 页"
    }

    /// `，3 处待核对`, appended to a scan's summary.
    static func toReview(_ count: Int) -> String { "，\(count) 处待核对" }

    /// The Chinese word for a batch verdict code (`match`, `differs`, `unreadable`, `unpaired`).
    static func verdict(_ code: String) -> String {
        switch code {
        case "match": "一致"
        case "differs": "不一致"
        case "unreadable": "无法读取"
        case "unpaired": "不成对"
        default: code
        }
    }

    static let batchHeader = "| 文件 | PDF | 结论 | 不同处 | 待核对 | 第一处不同 |\n|---|---|---|---|---|---|\n"

    /// `共 5 对：一致 3，不一致 1，无法读取 1，不成对 0`
    static func batchSummary(pairs: Int, match: Int, differ: Int, unreadable: Int, unpaired: Int) -> String {
        "共 \(pairs) 对：一致 \(match)，不一致 \(differ)，无法读取 \(unreadable)，不成对 \(unpaired)"
    }

    static func noPDF(_ name: String) -> String { "没有 \(name).pdf" }
    static func noDOCX(_ name: String) -> String { "没有 \(name).docx" }

    // MARK: Text and checkboxes

    static func missingFromPDF(_ text: String, in context: String) -> String { "PDF 缺少「\(text)」，位于「\(context)」" }
    static func onlyInPDF(_ text: String, in context: String) -> String { "PDF 多出「\(text)」，位于「\(context)」" }
    static func changed(docx: String, pdf: String, in context: String) -> String {
        "DOCX 为「\(docx)」，PDF 为「\(pdf)」，位于「\(context)」"
    }
    static func noTextLayer(docxCharacters: Int) -> String {
        "PDF 中没有可比对的文字（扫描件，或文字转成了曲线）：DOCX 的 \(docxCharacters) 个字符都不在其中"
    }
    static func checkbox(_ field: String, docx: String, pdf: String) -> String { "复选框 \(field)：DOCX \(docx)，PDF \(pdf)" }

    // MARK: Pages, fonts, headers and seals

    static func notA4(page: Int, size: String) -> String { "第 \(page) 页为 \(size)，不是 A4（595 × 842 pt）" }
    static func fontNotEmbedded(_ name: String, type: String) -> String { "字体 \(name)（\(type)）没有嵌入 PDF" }
    static func headerFooterMissing(_ text: String) -> String { "页眉/页脚「\(text)」不在 PDF 的任何一页上" }
    /// `第 3 页` or `第 3-4 页`.
    static func pages(_ range: ClosedRange<Int>) -> String {
        range.count == 1 ? "第 \(range.lowerBound) 页" : "第 \(range.lowerBound)-\(range.upperBound) 页"
    }
    static func sealLostTransparency(_ name: String) -> String {
        "印章 \(name) 在 PDF 中失去了透明背景（没有软蒙版）：会遮住下面的文字"
    }
    static func sealOnOtherPage(_ name: String, page: Int, expected: String) -> String {
        "印章 \(name) 在 PDF 第 \(page) 页，应在\(expected)"
    }
    static func sealMissing(_ name: String, pixels: String, expected: String) -> String {
        "PDF 中缺少印章 \(name)\(pixels)，应在\(expected)"
    }
    /// `（160 × 160 像素）`
    static func pixelSize(_ width: Int, _ height: Int) -> String { "（\(width) × \(height) 像素）" }

    // MARK: Data digests

    static func embeddedDataEdited(recorded: String, content: String) -> String {
        "DOCX 的嵌入数据在填写之后被改过：记录的 sha256 为 \(recorded)，内容的校验值为 \(content)"
    }
    static func docxContradictsItself(recorded: String, keywords: String) -> String {
        "DOCX 前后矛盾：嵌入数据记录 \(recorded)，关键词记录 \(keywords)"
    }
    /// The three sides of a digest comparison, as `digestSides` names them.
    static let docxSide = "DOCX", pdfSide = "PDF", dataSide = "数据文件"
    static let noDigest = "无"
    static let docxNoDigest = "DOCX 没有记录数据校验值"
    static let pdfNoDigest = "PDF 没有记录数据校验值（关键词中没有 shenbao-sha256）"
    static let pdfOtherThanDocx = "PDF 不是用 DOCX 的数据生成的"
    static let pdfOtherThanBoth = "PDF 不是用 DOCX 和数据文件的数据生成的"
    static let docxOtherThanBoth = "DOCX 不是用 PDF 和数据文件的数据填写的"
    static let dataOtherThanBoth = "数据文件不是生成 DOCX 和 PDF 所用的数据"
    static let allDiffer = "DOCX、PDF 和数据文件记录的数据各不相同"

    // MARK: Files that cannot be read

    /// `a.pdf：无法读取：不是 PDF（没有 %PDF- 文件头）`
    static func unreadable(_ path: String, _ reason: String) -> String { "\(path)：无法读取：\(reason)" }
    static let noSuchFile = "文件不存在或无法读取"
    static let notPDF = "不是 PDF（没有 %PDF- 文件头）"
    static let notWord = "缺少 word/document.xml：不是 Word 文档"
    static let cannotListFolder = "无法列出文件夹的内容"
    static let notRun = "未运行"
    static func toolFailed(_ program: String, status: Int32) -> String { "\(program) 以退出状态 \(status) 结束" }
}
