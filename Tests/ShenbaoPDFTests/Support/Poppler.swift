import Foundation
import ShenbaoCore

/// Reads PDFs back the way users see them, with poppler-utils.
enum Poppler {
    static var isInstalled: Bool { ExternalTool.locate("pdftotext") != nil }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try ExternalTool.run(tool, arguments, timeout: 60, package: "poppler-utils")
        guard result.status == 0 else { throw PopplerError(tool: tool, message: result.errorText) }
        return result.outputText
    }

    static func text(_ pdf: String) throws -> String { try run("pdftotext", [pdf, "-"]) }

    /// The text with all white space removed: pdftotext puts spaces between Chinese and digits and
    /// breaks table cells into lines, neither of which the document has.
    static func compactText(_ pdf: String) throws -> String {
        try text(pdf).filter { !$0.isWhitespace }
    }

    /// `pdfinfo` as key → value (`Pages`, `Page size`, `Title`, ...).
    static func info(_ pdf: String, meta: Bool = false) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", [pdf]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    static func metadata(_ pdf: String) throws -> String { try run("pdfinfo", ["-meta", pdf]) }

    struct Font: Equatable {
        var name: String
        var embedded: Bool
        /// The name without the subset tag (`BAAAAA+`).
        var baseName: String { name.split(separator: "+", maxSplits: 1).last.map(String.init) ?? name }
    }

    /// The rows of `pdffonts`.
    static func fonts(_ pdf: String) throws -> [Font] {
        try run("pdffonts", [pdf]).split(separator: "\n").dropFirst(2).compactMap { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count >= 7 else { return nil }
            // name type... emb sub uni objectID gen: emb is the 5th column from the end.
            return Font(name: String(columns[0]), embedded: columns[columns.count - 5] == "yes")
        }
    }

    struct Image {
        var type: String
        var width: Int
        var height: Int
        var xPPI: Double
        /// Width on the page in millimetres.
        var widthMillimetres: Double { Double(width) / xPPI * 25.4 }
    }

    /// The rows of `pdfimages -list`.
    static func images(_ pdf: String) throws -> [Image] {
        try run("pdfimages", ["-list", pdf]).split(separator: "\n").dropFirst(2).compactMap { line in
            let c = line.split(separator: " ", omittingEmptySubsequences: true)
            guard c.count >= 14, let w = Int(c[3]), let h = Int(c[4]), let ppi = Double(c[12]) else { return nil }
            return Image(type: String(c[2]), width: w, height: h, xPPI: ppi)
        }
    }
}

struct PopplerError: Error, CustomStringConvertible {
    var tool: String
    var message: String
    var description: String { "\(tool) failed: \(message)" }
}

