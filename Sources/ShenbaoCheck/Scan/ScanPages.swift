import Foundation
import ShenbaoCore

/// One text box read from a scanned page (or, on a page with a text layer, one word of it), in
/// pixels of the page rendered at `ScanPages.dpi`.
package struct OCRBox: Sendable, Hashable, Codable {
    /// The page, from 1.
    package var page: Int
    /// Axis-aligned bounds: x0, y0, x1, y1.
    package var box: [Double]
    /// The four corners (x, y) clockwise from the top left; follows a rotated scan's slant.
    package var quad: [Double]
    package var text: String
    /// The recogniser's score, 0…1; 1 for text taken from a text layer.
    package var confidence: Double
    /// Each character's own box and score (RapidOCR's single-character results), one per
    /// Unicode scalar of `text`, nil for a space; nil when the engine gave none.
    package var characters: [OCRCharacter?]?
}

/// One character of an OCR box: where the recogniser saw it, and how sure it was.
package struct OCRCharacter: Sendable, Hashable, Codable {
    /// x0, y0, x1, y1 in pixels.
    package var box: [Double]
    package var confidence: Double
}

/// A PDF's pages as the scan check sees them: rendered at 200 dpi, each with its text boxes.
package struct ScanPage: Sendable {
    package var number: Int
    package var width: Int
    package var height: Int
    /// The rendered page, a PPM (in a temporary folder that lives as long as the check).
    package var image: String
    /// Whether the page had a text layer (its boxes are its words, not OCR).
    package var hasTextLayer: Bool
    package var boxes: [OCRBox]
}

/// Renders pages and reads them: the text layer where a page has one, RapidOCR where it has
/// none. One OCR process per document (the models load once); its output is cached by the
/// PDF's SHA-256 (and page by page by the rendered page's SHA-256) under the cache folder.
package enum ScanPages {
    /// Resolution pages are rendered and measured at; KNOWN.md's thresholds are at 200 dpi.
    package static let dpi = 200.0
    /// Millimetres per pixel at `dpi`.
    package static let mmPerPixel = 25.4 / dpi
    /// The cache folder's name for what `ocr.py read` writes: a new name when its output
    /// changes, so that results of an older helper are never read as current ones.
    /// v2: each box's characters with their own boxes and scores.
    package static let cacheFormat = "rapidocr3-ppocrv6-red170-v2"

    /// Renders every page and reads the ones in `scanned` (1-based) with OCR.
    /// - Parameters:
    ///   - textLayer: `pdftotext -bbox -raw` output, for the pages that have text.
    ///   - cache: the cache folder; nil for none.
    /// - Throws: `CheckError.toolMissing` when no OCR environment is installed,
    ///   `CheckError.unreadable` when rendering or OCR fails.
    package static func read(pdf: String, pageCount: Int, scanned: Set<Int>, textLayer: String,
                            cache: String?, workDirectory: String) throws -> [ScanPage] {
        let prefix = workDirectory + "/page"
        // PPM, not PNG: compressing a noisy scan as PNG took 3 s a page; PPM is written at once.
        try runTool("pdftoppm", ["-r", String(Int(dpi)), pdf, prefix], pdf: pdf, timeout: 60 + 10 * Double(pageCount))
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: workDirectory)) ?? [])
            .filter { $0.hasPrefix("page") && $0.hasSuffix(".ppm") }.sorted()
        guard files.count == pageCount else {
            throw CheckError.unreadable(path: pdf, reason: "pdftoppm 渲染出 \(files.count) 页，应为 \(pageCount) 页")
        }
        let images = files.map { workDirectory + "/" + $0 }
        var ocr: [Int: (width: Int, height: Int, boxes: [OCRBox])] = [:]
        let scannedImages = images.enumerated().filter { scanned.contains($0.offset + 1) }
        if !scannedImages.isEmpty {
            let numbers = scannedImages.map { $0.offset + 1 }
            let read = try readOCR(pdf: pdf, images: scannedImages.map(\.element), cache: cache)
            for (k, page) in read.enumerated() where k < numbers.count { ocr[numbers[k]] = page }
        }
        let words = TextLayerWords.pages(fromBBoxOutput: textLayer)
        return try images.enumerated().map { index, image in
            let number = index + 1
            if let page = ocr[number] {
                return ScanPage(number: number, width: page.width, height: page.height, image: image, hasTextLayer: false,
                                boxes: page.boxes.map { var b = $0; b.page = number; return b })
            }
            let size = try PPMSize.read(image)
            let boxes = (index < words.count ? words[index] : []).map { w -> OCRBox in
                let s = dpi / 72
                let b = [w.x0 * s, w.y0 * s, w.x1 * s, w.y1 * s]
                return OCRBox(page: number, box: b, quad: [b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3]], text: w.text, confidence: 1)
            }
            return ScanPage(number: number, width: size.width, height: size.height, image: image, hasTextLayer: true, boxes: boxes)
        }
    }

    /// Runs `ocr.py read` on the page images, or takes the PDF's cached result.
    static func readOCR(pdf: String, images: [String], cache: String?) throws -> [(width: Int, height: Int, boxes: [OCRBox])] {
        let documentCache: String? = try cache.map { dir in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
            return dir + "/\(cacheFormat)/documents/" + SHA256.hex(SHA256.digest(bytes)) + ".jsonl"
        }
        if let documentCache, let text = try? String(contentsOfFile: documentCache, encoding: .utf8) {
            return parse(text)
        }
        guard let python = OCREnvironment.python() else {
            throw CheckError.toolMissing("扫描件需要 OCR：未找到 OCR 环境 \(OCREnvironment.venv())（运行 scripts/setup.sh 安装，或设置 SHENBAO_OCR_PYTHON）")
        }
        guard let script = OCREnvironment.script() else {
            throw CheckError.toolMissing("扫描件需要 OCR：未找到 ocr.py（设置 SHENBAO_OCR_SCRIPT，或 make install）")
        }
        var arguments = [script, "read"]
        if let cache { arguments += ["--cache", cache + "/" + cacheFormat] }
        arguments += images
        let result = try runTool(python, arguments, pdf: pdf, timeout: 120 + 30 * Double(images.count))
        let pages = parse(result.outputText)
        guard pages.count == images.count else {
            throw CheckError.unreadable(path: pdf, reason: "OCR 读出 \(pages.count) 页，应为 \(images.count) 页")
        }
        if let documentCache {
            try? FileManager.default.createDirectory(atPath: (documentCache as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? AtomicWrite.write(Data(result.outputText.utf8), to: documentCache)
        }
        return pages
    }

    /// Parses `ocr.py read` output: a page line, then that page's boxes.
    static func parse(_ text: String) -> [(width: Int, height: Int, boxes: [OCRBox])] {
        struct Line: Decodable {
            var page: Int
            var width: Int?
            var height: Int?
            var box: [Double]?
            var quad: [Double]?
            var text: String?
            var confidence: Double?
            var chars: [[Double]?]?
        }
        var pages: [(width: Int, height: Int, boxes: [OCRBox])] = []
        let decoder = JSONDecoder()
        for line in text.split(separator: "\n") {
            guard let l = try? decoder.decode(Line.self, from: Data(line.utf8)) else { continue }
            if let w = l.width, let h = l.height {
                pages.append((w, h, []))
            } else if let box = l.box, box.count == 4, let t = l.text, !pages.isEmpty {
                let characters = l.chars?.map { c in c.flatMap { $0.count == 5 ? OCRCharacter(box: Array($0[0..<4]), confidence: $0[4]) : nil } }
                pages[pages.count - 1].boxes.append(OCRBox(page: l.page, box: box, quad: l.quad ?? box, text: t, confidence: l.confidence ?? 0,
                                                           characters: characters?.count == t.unicodeScalars.count ? characters : nil))
            }
        }
        return pages
    }

    @discardableResult
    static func runTool(_ program: String, _ arguments: [String], pdf: String, timeout: Double) throws -> ToolResult {
        let result: ToolResult
        do {
            result = try ExternalTool.run(program, arguments, timeout: timeout, outputLimit: 64 << 20,
                                          environment: OCREnvironment.runEnvironment, package: "poppler-utils")
        } catch let error as ToolError {
            if case .notFound = error { throw CheckError.toolMissing(error.description) }
            throw CheckError.unreadable(path: pdf, reason: error.description)
        }
        guard result.status == 0 else {
            let last = result.errorText.split(separator: "\n").last.map(String.init) ?? "退出状态 \(result.status)"
            throw CheckError.unreadable(path: pdf, reason: "\((program as NSString).lastPathComponent): \(last)")
        }
        return result
    }
}

/// Writes a file through a temporary sibling and a rename, so readers never see half of it.
enum AtomicWrite {
    static func write(_ data: Data, to path: String) throws {
        let tmp = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        try data.write(to: URL(fileURLWithPath: tmp))
        _ = rename(tmp, path)
    }
}

/// A binary PPM's pixel size from its header (`P6 <width> <height> 255`).
enum PPMSize {
    static func read(_ path: String) throws -> (width: Int, height: Int) {
        guard let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 64) else {
            throw CheckError.unreadable(path: path, reason: "pdftoppm 未写出页面图像")
        }
        try? handle.close()
        let fields = String(decoding: head, as: UTF8.self).split(whereSeparator: \.isWhitespace).prefix(3)
        guard fields.count == 3, fields.first == "P6", let w = Int(fields[fields.startIndex + 1]), let h = Int(fields[fields.startIndex + 2]) else {
            throw CheckError.unreadable(path: path, reason: "pdftoppm 写出的页面图像无法读取")
        }
        return (w, h)
    }
}

/// The words of `pdftotext -bbox` output with their boxes in points, page by page.
enum TextLayerWords {
    struct Word {
        var x0, y0, x1, y1: Double
        var text: String
    }

    static func pages(fromBBoxOutput output: String) -> [[Word]] {
        var pages: [[Word]] = []
        for line in output.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("<page ") {
                pages.append([])
            } else if t.hasPrefix("<word "), !pages.isEmpty, let close = t.range(of: "\">"), let end = t.range(of: "</word>") {
                func attribute(_ name: String) -> Double? {
                    guard let r = t.range(of: name + "=\"") else { return nil }
                    return Double(t[r.upperBound...].prefix { $0 != "\"" })
                }
                guard let x0 = attribute("xMin"), let y0 = attribute("yMin"), let x1 = attribute("xMax"), let y1 = attribute("yMax") else { continue }
                let text = String(t[close.upperBound..<end.lowerBound])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                pages[pages.count - 1].append(Word(x0: x0, y0: y0, x1: x1, y1: y1, text: text))
            }
        }
        return pages
    }
}
