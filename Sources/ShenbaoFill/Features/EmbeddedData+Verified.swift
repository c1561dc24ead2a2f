import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML

extension EmbeddedData {
    /// The data a filled document carries, read and verified against its recorded digest.
    public struct Contents: Sendable {
        /// The part holding it, e.g. `customXml/item1.xml`.
        public var part: String
        /// The form id recorded with it (the `form` attribute, else the data's `form:` key).
        public var formID: String?
        /// The digest recorded in the part's `sha256` attribute, lowercase.
        public var sha256: String
        public var data: DataValue
    }

    /// The embedded data, verified (`EmbeddedDataPart.isIntact`): what `data`, `summary` and
    /// `check` read, so that none of them takes data edited after filling for the data the form
    /// was filled with.
    /// - Returns: nil when the document carries no `sb:data` part.
    /// - Throws: `DiagnosticsError` located at the document and the part:
    ///   `embedded-data-unreadable` when the part is not XML or its content not JSON,
    ///   `embedded-data-tampered` when the content no longer hashes to the recorded `sha256`.
    public static func readVerified(from docx: ZipArchive) throws -> Contents? {
        let found: EmbeddedDataPart?
        do {
            found = try EmbeddedDataPart.find(in: docx)
        } catch {
            throw DiagnosticsError([.error(.embeddedDataUnreadable, at: .file(docx.path), place: (error as? XMLError)?.part, "嵌入数据无法读取：\(error)")])
        }
        guard let part = found else { return nil }
        let data: DataValue
        do {
            data = try DataFile.parse(Array(part.json.utf8), path: part.part, format: .json)
        } catch let e as DiagnosticsError {
            let reasons = e.diagnostics.map(\.message).joined(separator: "；")
            throw DiagnosticsError([.error(.embeddedDataUnreadable, at: .file(docx.path), place: part.part, "嵌入数据无法读取（不是有效的 JSON）：\(reasons)")])
        }
        guard part.isIntact else {
            throw DiagnosticsError([.error(.embeddedDataTampered, at: .file(docx.path), place: part.part,
                "嵌入数据的校验值不符（记录sha256=\(part.recordedDigest)，实际\(part.contentDigest)）：文件在填写后被改动过，这份数据不能当作填写时的数据使用")])
        }
        return Contents(part: part.part, formID: part.form ?? data["form"]?.text, sha256: part.contentDigest, data: data)
    }
}
