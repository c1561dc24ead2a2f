import ShenbaoOOXML

/// Compares the data digests three places record: the DOCX's `sb:data` part, the PDF's
/// /Keywords (`shenbao-sha256:HEX`), and the data file the user names.
enum DigestCheck {
    static func differences(docx: DocxText, pdfKeywords: String, dataDigest: String?) -> [CheckDifference] {
        var out: [CheckDifference] = []
        if let recorded = docx.recordedDigest, let content = docx.embeddedDataDigest, recorded != content {
            out.append(CheckDifference(
                kind: .digest, docx: recorded, docxLocation: DocxLocation(part: docx.dataPart ?? "customXml"),
                message: CheckWording.embeddedDataEdited(recorded: short(recorded), content: short(content))))
        }
        if let recorded = docx.recordedDigest, let keywords = docx.keywordsDigest, recorded != keywords {
            out.append(CheckDifference(
                kind: .digest, docx: recorded, docxLocation: DocxLocation(part: "docProps/core.xml"),
                message: CheckWording.docxContradictsItself(recorded: short(recorded), keywords: short(keywords))))
        }
        let docxDigest = docx.recordedDigest ?? docx.keywordsDigest
        let pdfDigest = DigestKeyword.find(in: pdfKeywords)
        if docxDigest == nil && pdfDigest == nil && dataDigest == nil { return out }

        var sides: [(name: String, digest: String?)] = [(CheckWording.docxSide, docxDigest), (CheckWording.pdfSide, pdfDigest)]
        if let dataDigest { sides.append((CheckWording.dataSide, dataDigest)) }
        guard Set(sides.map(\.digest)).count > 1 else { return out }

        let described = sides.map { "\($0.name) \($0.digest.map(short) ?? CheckWording.noDigest)" }.joined(separator: "，")
        out.append(CheckDifference(
            kind: .digest, docx: docxDigest, pdf: pdfDigest,
            docxLocation: DocxLocation(part: docx.dataPart ?? (docx.keywordsDigest != nil ? "docProps/core.xml" : "customXml")),
            message: "\(verdict(sides))：\(described)"))
        return out
    }

    /// Names the odd one out when two agree, or says that all disagree.
    private static func verdict(_ sides: [(name: String, digest: String?)]) -> String {
        if sides.count == 2 {
            if sides[0].digest == nil { return CheckWording.docxNoDigest }
            if sides[1].digest == nil { return CheckWording.pdfNoDigest }
            return CheckWording.pdfOtherThanDocx
        }
        for (i, side) in sides.enumerated() {
            let others = sides.enumerated().filter { $0.offset != i }.map(\.element)
            if others[0].digest == others[1].digest && others[0].digest != nil && side.digest != others[0].digest {
                switch side.name {
                case CheckWording.pdfSide: return CheckWording.pdfOtherThanBoth
                case CheckWording.docxSide: return CheckWording.docxOtherThanBoth
                default: return CheckWording.dataOtherThanBoth
                }
            }
        }
        return CheckWording.allDiffer
    }

    private static func short(_ hex: String) -> String { String(hex.prefix(12)) + "…" }
}
