import ShenbaoOOXML

/// What kind of PDF was checked: one with a text layer on every page, a scan (no text layer
/// anywhere: its pages were read with OCR), or a mix of both.
public enum PDFKind: String, Sendable, Codable {
    case text, scan, mixed

    /// 文本 PDF, 扫描件, 部分扫描.
    public var label: String {
        switch self {
        case .text: "文本 PDF"
        case .scan: "扫描件"
        case .mixed: "部分扫描"
        }
    }
}

/// A rectangle on a PDF page in millimetres from the page's top left corner.
public struct PageBox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var page: Int
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    package init(page: Int, x: Double, y: Double, width: Double, height: Double) {
        func r(_ v: Double) -> Double { (v * 10).rounded() / 10 }
        self.page = page
        self.x = r(x)
        self.y = r(y)
        self.width = r(width)
        self.height = r(height)
    }

    /// `x 31.5 mm, y 120.2 mm, 60.0 × 6.3 mm`
    public var description: String {
        String(format: "x %.1f mm, y %.1f mm, %.1f × %.1f mm", x, y, width, height)
    }
}

/// A spot on a scan that OCR read with low confidence and that does not read as the DOCX says:
/// a clerk should look at it (待核对); it is not counted as a difference.
public struct ReviewSpot: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where on the scan.
    public var box: PageBox
    /// What OCR read there, and its confidence (0…1).
    public var scan: String
    public var confidence: Double
    /// What the DOCX says there, and where.
    public var docx: String?
    public var docxLocation: DocxLocation?
    /// Why it is to be looked at, in words.
    public var reason: String

    package init(box: PageBox, scan: String, confidence: Double, docx: String?, docxLocation: DocxLocation?, reason: String) {
        self.box = box
        self.scan = scan
        self.confidence = confidence
        self.docx = docx
        self.docxLocation = docxLocation
        self.reason = reason
    }

    /// `待核对：PDF 第 3 页（x …）：识别「…」（置信度 0.81），DOCX「…」 at word/document.xml, …`
    public var description: String {
        var out = "待核对：\(CheckWording.pdfPage(box.page))（\(box)）：\(reason)：扫描件「\(scan)」"
        if confidence < 1 { out += String(format: "（置信度 %.3f）", confidence) }
        if let docx { out += ", DOCX「\(docx)」" }
        if let docxLocation { out += " (\(docxLocation))" }
        return out
    }
}
