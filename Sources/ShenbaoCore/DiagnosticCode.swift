/// Every diagnostic code shenbao reports, in one registry (as docxtemplater keeps its errors in
/// `errors.js`): the stable English code that `--format json` prints, the stage that reports it,
/// and what it means in Chinese. A code cannot be made outside this file, so a new kind of problem
/// is added here (and to docs/diagnostics.md, which a test keeps equal to `all`).
public struct DiagnosticCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stage that reports a code.
    public enum Stage: String, Sendable, CaseIterable {
        case data, fill, lint, pdf, check, build, summary
        /// Codes any stage may report (an unreadable file).
        case all
    }

    /// The stable code, e.g. `unknown-key`.
    public let rawValue: String
    public let stage: Stage
    /// What the code means, in Chinese, for the documentation and `--format json`.
    public let meaning: String

    private init(_ rawValue: String, _ stage: Stage, _ meaning: String) {
        self.rawValue = rawValue
        self.stage = stage
        self.meaning = meaning
    }

    public var description: String { rawValue }

    /// The code registered under `rawValue`, if any.
    public init?(rawValue: String) {
        guard let code = Self.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = code
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = Self(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown diagnostic code \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func == (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    /// Compares with a code as `--format json` prints it.
    public static func == (a: DiagnosticCode, b: String) -> Bool { a.rawValue == b }




    // MARK: data: reading a data file

    public static let notUtf8 = DiagnosticCode("not-utf8", .data, "文件不是 UTF-8 编码")
    public static let fileTooLarge = DiagnosticCode("file-too-large", .data, "文件过大")
    public static let fileNotFound = DiagnosticCode("file-not-found", .data, "文件不存在")
    public static let unreadable = DiagnosticCode("unreadable", .all, "文件或文档无法读取")
    public static let yamlSyntax = DiagnosticCode("yaml-syntax", .data, "YAML 语法错误")
    public static let jsonSyntax = DiagnosticCode("json-syntax", .data, "JSON 语法错误")
    public static let duplicateKey = DiagnosticCode("duplicate-key", .data, "键重复")
    public static let complexKey = DiagnosticCode("complex-key", .data, "键不是简单文字（别名或集合）")
    public static let aliasExpansion = DiagnosticCode("alias-expansion", .data, "YAML 别名展开过多")
    public static let tooDeep = DiagnosticCode("too-deep", .data, "嵌套过深")
    public static let controlCharacter = DiagnosticCode("control-character", .data, "值中有控制字符")

    // MARK: packages: reading zip files

    public static let notAZip = DiagnosticCode("not-a-zip", .all, "不是 zip 文件（不是 DOCX/XLSX）")
    public static let unsafeEntryName = DiagnosticCode("unsafe-entry-name", .all, "压缩包中有不安全的条目名")
    public static let packageTooLarge = DiagnosticCode("package-too-large", .all, "压缩包或其中的部件过大")
    public static let unreadableEntry = DiagnosticCode("unreadable-entry", .all, "压缩包中的条目无法读取")
    public static let missingPart = DiagnosticCode("missing-part", .all, "文档缺少部件")
    public static let zipChecksumMismatch = DiagnosticCode("zip-checksum-mismatch", .all, "压缩包条目的校验值不符")
    public static let zipDuplicateEntry = DiagnosticCode("zip-duplicate-entry", .all, "压缩包中有重名条目")
    public static let outputNotAFolder = DiagnosticCode("output-not-a-folder", .all, "输出目录处已有同名文件")

    // MARK: data: validation against a spec

    public static let formMissing = DiagnosticCode("form-missing", .data, "数据文件没有写 form:（用哪张表）")
    public static let formMismatch = DiagnosticCode("form-mismatch", .data, "数据文件的 form: 与所用表单不同")
    public static let formNotFound = DiagnosticCode("form-not-found", .data, "找不到表单的规格")
    public static let specInvalid = DiagnosticCode("spec-invalid", .data, "表单规格（form.yaml）有误")
    public static let specUnknownKey = DiagnosticCode("spec-unknown-key", .data, "表单规格中未知的键")
    public static let unknownKey = DiagnosticCode("unknown-key", .data, "表中没有这一项")
    public static let missingValue = DiagnosticCode("missing-value", .data, "必填项未填写")
    public static let wrongKind = DiagnosticCode("wrong-kind", .data, "值的种类不对（应为文字、列表或映射）")
    public static let notAnOption = DiagnosticCode("not-an-option", .data, "不是可选项之一")
    public static let repeatedChoice = DiagnosticCode("repeated-choice", .data, "多选项重复")
    public static let tooManyValues = DiagnosticCode("too-many-values", .data, "选项过多")
    public static let tooShort = DiagnosticCode("too-short", .data, "文字过短")
    public static let tooLong = DiagnosticCode("too-long", .data, "文字过长")
    public static let patternMismatch = DiagnosticCode("pattern-mismatch", .data, "不符合要求的格式")
    public static let notADate = DiagnosticCode("not-a-date", .data, "不是有效的日期")
    public static let notAnInteger = DiagnosticCode("not-an-integer", .data, "不是整数")
    public static let notANumber = DiagnosticCode("not-a-number", .data, "不是数字")
    public static let notAnAmount = DiagnosticCode("not-an-amount", .data, "不是有效的金额")
    public static let notAPhone = DiagnosticCode("not-a-phone", .data, "不是有效的电话号码")
    public static let notAnEmail = DiagnosticCode("not-an-email", .data, "不是有效的邮箱")
    public static let notABool = DiagnosticCode("not-a-bool", .data, "不是 是/否")
    public static let outOfRange = DiagnosticCode("out-of-range", .data, "超出允许的范围")
    public static let tooFewRows = DiagnosticCode("too-few-rows", .data, "行数过少")
    public static let tooManyRows = DiagnosticCode("too-many-rows", .data, "行数过多")
    public static let ruleFailed = DiagnosticCode("rule-failed", .data, "不符合表单的规则")
    public static let imageNotFound = DiagnosticCode("image-not-found", .data, "找不到图片文件")
    public static let notAnImage = DiagnosticCode("not-an-image", .data, "不是 PNG 或 JPEG 图片")
    public static let lineBreakInText = DiagnosticCode("line-break-in-text", .data, "单行文字中有换行")

    // MARK: fill and lint: templates

    public static let templateUnreadable = DiagnosticCode("template-unreadable", .fill, "模板无法读取")
    public static let templateNoTags = DiagnosticCode("template-no-tags", .fill, "模板中没有任何标签")
    public static let templateNotFound = DiagnosticCode("template-not-found", .check, "找不到表单的模板（template.docx）")
    public static let unreadablePart = DiagnosticCode("unreadable-part", .fill, "文档部件无法读取")
    public static let badDelimiters = DiagnosticCode("bad-delimiters", .fill, "标签分隔符无效")
    public static let badTag = DiagnosticCode("bad-tag", .fill, "标签无效")
    public static let unclosedTag = DiagnosticCode("unclosed-tag", .fill, "标签没有闭合")
    public static let unopenedTag = DiagnosticCode("unopened-tag", .fill, "标签没有开头")
    public static let unclosedSection = DiagnosticCode("unclosed-section", .fill, "区块没有结束")
    public static let unopenedSection = DiagnosticCode("unopened-section", .fill, "区块没有开始")
    public static let mismatchedSection = DiagnosticCode("mismatched-section", .fill, "区块的开始与结束不匹配")
    public static let misplacedSection = DiagnosticCode("misplaced-section", .fill, "区块的位置不对")
    public static let overlappingSections = DiagnosticCode("overlapping-sections", .fill, "区块相互交叉")
    public static let indexOutsideLoop = DiagnosticCode("index-outside-loop", .fill, "序号标签不在循环中")
    public static let missingKey = DiagnosticCode("missing-key", .fill, "数据中缺少标签所需的值")
    public static let notText = DiagnosticCode("not-text", .fill, "值不是文字")
    public static let notXml = DiagnosticCode("not-xml", .fill, "值不是 WordprocessingML")
    public static let badValue = DiagnosticCode("bad-value", .fill, "值无法按格式填写")
    public static let badImage = DiagnosticCode("bad-image", .fill, "图片无法放入")
    public static let imageUnavailable = DiagnosticCode("image-unavailable", .fill, "此处不能放图片")
    public static let notAMap = DiagnosticCode("not-a-map", .fill, "值不是映射")
    public static let noSealField = DiagnosticCode("no-seal-field", .fill, "表单没有盖章的图片字段")
    public static let unknownField = DiagnosticCode("unknown-field", .lint, "模板引用了表单没有的字段")
    public static let unknownOption = DiagnosticCode("unknown-option", .lint, "勾选框引用了不存在的选项")
    public static let missingRequiredField = DiagnosticCode("missing-required-field", .lint, "模板没有用到必填字段")
    public static let imageTagOnText = DiagnosticCode("image-tag-on-text", .lint, "图片标签用在了文字字段上")
    public static let imageFieldAsText = DiagnosticCode("image-field-as-text", .lint, "图片字段当作文字填写")
    public static let tableAsText = DiagnosticCode("table-as-text", .lint, "表格字段当作文字填写")
    public static let groupAsText = DiagnosticCode("group-as-text", .lint, "分组字段当作文字填写")
    public static let imageInTextBox = DiagnosticCode("image-in-text-box", .lint, "图片放在文本框中")
    public static let imageInContentControl = DiagnosticCode("image-in-content-control", .lint, "图片放在内容控件中")

    // MARK: pdf

    public static let cannotPrepare = DiagnosticCode("cannot-prepare", .pdf, "无法准备 LibreOffice")
    public static let unreadableDocx = DiagnosticCode("unreadable-docx", .pdf, "DOCX 无法读取")
    public static let uncoveredCharacter = DiagnosticCode("uncovered-character", .pdf, "没有字体能显示的字符")
    public static let conversionFailed = DiagnosticCode("conversion-failed", .pdf, "转换失败")
    public static let conversionTimeout = DiagnosticCode("conversion-timeout", .pdf, "转换超时")
    public static let conversionCrashed = DiagnosticCode("conversion-crashed", .pdf, "LibreOffice 崩溃")
    public static let notConverted = DiagnosticCode("not-converted", .pdf, "没有转换")
    public static let outputIsInput = DiagnosticCode("output-is-input", .all, "输出文件与输入相同")
    public static let outputClash = DiagnosticCode("output-clash", .pdf, "多个输入写到同一个输出")
    public static let cannotStage = DiagnosticCode("cannot-stage", .pdf, "无法准备临时文件")
    public static let interrupted = DiagnosticCode("interrupted", .pdf, "被中断")

    // MARK: check, build

    public static let checkFailed = DiagnosticCode("check-failed", .check, "无法比对")
    public static let noEmbeddedData = DiagnosticCode("no-embedded-data", .check, "DOCX 不含嵌入数据")
    public static let embeddedDataUnreadable = DiagnosticCode("embedded-data-unreadable", .all, "嵌入数据无法读取")
    public static let embeddedDataTampered = DiagnosticCode("embedded-data-tampered", .all, "嵌入数据在填写后被改动（校验值不符）")
    public static let fillFailed = DiagnosticCode("fill-failed", .build, "填写失败")
    public static let cannotWriteOutput = DiagnosticCode("cannot-write-output", .all, "无法写出结果")

    // MARK: summary

    public static let wrongForm = DiagnosticCode("wrong-form", .summary, "申报材料属于另一张表")
    public static let invalidRank = DiagnosticCode("invalid-rank", .summary, "推荐排序无效")
    public static let duplicateRank = DiagnosticCode("duplicate-rank", .summary, "推荐排序重复")
    public static let rankGap = DiagnosticCode("rank-gap", .summary, "推荐排序有空缺")
    public static let duplicateUnit = DiagnosticCode("duplicate-unit", .summary, "同一单位重复推荐")
    public static let overQuota = DiagnosticCode("over-quota", .summary, "超出推荐名额")
    public static let unitLimit = DiagnosticCode("unit-limit", .summary, "同一单位参与的申报超出限额（牵头或联合）")
    public static let unitTwice = DiagnosticCode("unit-twice", .summary, "同一单位在一份申报材料中出现两次")
    public static let rankingUnmatched = DiagnosticCode("ranking-unmatched", .summary, "排序文件的一行对应不到申报材料")
    public static let rankingAmbiguous = DiagnosticCode("ranking-ambiguous", .summary, "排序文件的一行对应多份申报材料")
    public static let rankingRepeated = DiagnosticCode("ranking-repeated", .summary, "排序文件中同一份申报材料排了两次")
    public static let notRanked = DiagnosticCode("not-ranked", .summary, "申报材料未列入排序文件")

    public static let imageTooLarge = DiagnosticCode("image-too-large", .data, "图片过大")

    public static let imageUnreadable = DiagnosticCode("image-unreadable", .data, "图片无法读取")

    public static let brokenImage = DiagnosticCode("broken-image", .data, "图片不完整或已损坏")

    public static let docxShowsOtherData = DiagnosticCode("docx-shows-other-data", .check, "DOCX 的正文与它嵌入的数据不符（填写后被改动）")

    public static let docxTextUnchecked = DiagnosticCode("docx-text-unchecked", .check, "找不到表单模板，DOCX 正文未与嵌入数据比对")

    public static let fullWidthColon = DiagnosticCode("full-width-colon", .data, "键后用了全角冒号（：）")

    public static let chineseQuotes = DiagnosticCode("chinese-quotes", .data, "值用了中文引号（“…”或‘…’）")

    public static let listSeparator = DiagnosticCode("list-separator", .data, "列表中用了中文分隔符（、或，）")

    /// Every code, in the order of this file.
    public static let all: [DiagnosticCode] = [
        notUtf8, fileTooLarge, fileNotFound, unreadable, yamlSyntax, jsonSyntax,
        duplicateKey, complexKey, aliasExpansion, tooDeep, controlCharacter, notAZip,
        unsafeEntryName, packageTooLarge, unreadableEntry, missingPart, zipChecksumMismatch, zipDuplicateEntry,
        outputNotAFolder, formMissing, formMismatch, formNotFound, specInvalid, specUnknownKey,
        unknownKey, missingValue, wrongKind, notAnOption, repeatedChoice, tooManyValues,
        tooShort, tooLong, patternMismatch, notADate, notAnInteger, notANumber,
        notAnAmount, notAPhone, notAnEmail, notABool, outOfRange, tooFewRows,
        tooManyRows, ruleFailed, imageNotFound, notAnImage, lineBreakInText, templateUnreadable,
        templateNoTags, templateNotFound, unreadablePart, badDelimiters, badTag, unclosedTag,
        unopenedTag, unclosedSection, unopenedSection, mismatchedSection, misplacedSection, overlappingSections,
        indexOutsideLoop, missingKey, notText, notXml, badValue, badImage,
        imageUnavailable, notAMap, noSealField, unknownField, unknownOption, missingRequiredField,
        imageTagOnText, imageFieldAsText, tableAsText, groupAsText, imageInTextBox, imageInContentControl,
        cannotPrepare, unreadableDocx, uncoveredCharacter, conversionFailed, conversionTimeout, conversionCrashed,
        notConverted, outputIsInput, outputClash, cannotStage, interrupted, checkFailed,
        noEmbeddedData, embeddedDataUnreadable, embeddedDataTampered, fillFailed, cannotWriteOutput, wrongForm,
        invalidRank, duplicateRank, rankGap, duplicateUnit, overQuota,
        unitLimit, unitTwice, rankingUnmatched, rankingAmbiguous, rankingRepeated, notRanked,
        imageTooLarge,
        imageUnreadable,
        brokenImage,
        docxShowsOtherData,
        docxTextUnchecked,
        fullWidthColon,
        chineseQuotes,
        listSeparator,
    ]
}
