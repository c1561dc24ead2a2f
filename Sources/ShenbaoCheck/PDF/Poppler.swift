import Foundation
import ShenbaoCore

/// The poppler tools the check reads a PDF with, each a separate process with a timeout.
package enum Poppler {
    static let timeout = 60.0

    /// `pdftotext -bbox -raw -enc UTF-8`: the words in content-stream order with their boxes,
    /// as XHTML (see `PDFWordLayout`).
    package static func words(_ path: String) throws -> String {
        try run("pdftotext", ["-bbox", "-raw", "-enc", "UTF-8", path, "-"], path: path).outputText
    }

    /// `pdfinfo`: page count, every page's size, and the keywords.
    package static func info(_ path: String) throws -> PDFInfo {
        PDFInfo(pdfinfoOutput: try run("pdfinfo", ["-enc", "UTF-8", "-f", "1", "-l", "1000000", path], path: path).outputText)
    }

    /// `pdffonts`: every font and whether it is embedded.
    package static func fonts(_ path: String) throws -> [PDFFont] {
        PDFFont.parse(pdffontsOutput: try run("pdffonts", [path], path: path).outputText)
    }

    /// `pdfimages -list`: every image placement with its page and pixel size.
    package static func images(_ path: String) throws -> [PDFImage] {
        PDFImage.parse(pdfimagesOutput: try run("pdfimages", ["-list", path], path: path).outputText)
    }

    private static func run(_ program: String, _ arguments: [String], path: String) throws -> ToolResult {
        let result: ToolResult
        do {
            result = try ExternalTool.run(program, arguments, timeout: timeout, package: "poppler-utils")
        } catch let error as ToolError {
            if case .notFound = error { throw CheckError.toolMissing(error.description) }
            throw CheckError.unreadable(path: path, reason: error.description)
        }
        guard result.status == 0 else {
            let lines = result.errorText.split(separator: "\n")
            let message = (lines.first { $0.contains("Error") } ?? lines.first).map { "\(program): \($0)" } ?? CheckWording.toolFailed(program, status: result.status)
            throw CheckError.unreadable(path: path, reason: message)
        }
        return result
    }
}

/// What `pdfinfo` says about a PDF.
package struct PDFInfo: Sendable, Equatable {
    package var pageCount = 0
    /// Each page's width and height in points, in page order.
    package var pageSizes: [(width: Double, height: Double)] = []
    /// The document's /Keywords, as `pdfinfo` prints them.
    package var keywords = ""

    package static func == (a: PDFInfo, b: PDFInfo) -> Bool {
        a.pageCount == b.pageCount && a.keywords == b.keywords
            && a.pageSizes.map(\.width) == b.pageSizes.map(\.width) && a.pageSizes.map(\.height) == b.pageSizes.map(\.height)
    }

    package init(pdfinfoOutput: String) {
        var single: (Double, Double)?
        for line in pdfinfoOutput.split(separator: "\n") {
            if line.hasPrefix("Pages:") {
                pageCount = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
            } else if line.hasPrefix("Keywords:") {
                keywords = line.dropFirst(9).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("Page"), let sizeRange = line.range(of: "size:") {
                // "Page size: 595.3 x 841.9 pts (A4)" or "Page    1 size: …" with -f/-l.
                let numbers = line[sizeRange.upperBound...].split(separator: " ").prefix(3)
                guard numbers.count == 3, numbers[numbers.startIndex + 1] == "x",
                      let w = Double(numbers[numbers.startIndex]), let h = Double(numbers[numbers.startIndex + 2]) else { continue }
                if line[line.index(line.startIndex, offsetBy: 4)..<sizeRange.lowerBound].allSatisfy(\.isWhitespace) {
                    single = (w, h)
                } else {
                    pageSizes.append((w, h))
                }
            }
        }
        if pageSizes.isEmpty, let single { pageSizes = Array(repeating: single, count: max(pageCount, 1)) }
    }
}

/// One font row of `pdffonts`.
package struct PDFFont: Sendable, Hashable {
    package var name: String
    package var type: String
    package var embedded: Bool

    /// Parses the table, using the dashed rule under the header for the column widths.
    package static func parse(pdffontsOutput: String) -> [PDFFont] {
        let lines = pdffontsOutput.split(separator: "\n").map(String.init)
        guard let ruleIndex = lines.firstIndex(where: { $0.hasPrefix("---") }) else { return [] }
        var columns: [Range<Int>] = []
        var start: Int?
        for (i, c) in lines[ruleIndex].enumerated() {
            if c == "-", start == nil { start = i }
            if c != "-", let s = start { columns.append(s..<i); start = nil }
        }
        if let s = start { columns.append(s..<lines[ruleIndex].count) }
        guard columns.count >= 4 else { return [] }
        return lines[(ruleIndex + 1)...].compactMap { line in
            let chars = Array(line)
            func field(_ r: Range<Int>) -> String {
                String(chars[min(r.lowerBound, chars.count)..<min(r.upperBound, chars.count)]).trimmingCharacters(in: .whitespaces)
            }
            guard !line.isEmpty else { return nil }
            return PDFFont(name: field(columns[0]), type: field(columns[1]), embedded: field(columns[3]) == "yes")
        }
    }
}

/// One row of `pdfimages -list`: an image (or its soft mask) drawn on a page.
package struct PDFImage: Sendable, Hashable {
    package var page: Int
    /// `image`, `smask`, `mask`, `stencil`.
    package var type: String
    package var width: Int
    package var height: Int

    package static func parse(pdfimagesOutput: String) -> [PDFImage] {
        pdfimagesOutput.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 5, let page = Int(f[0]), let w = Int(f[3]), let h = Int(f[4]) else { return nil }
            return PDFImage(page: page, type: String(f[2]), width: w, height: h)
        }
    }
}
