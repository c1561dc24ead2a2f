import ShenbaoCore
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

    /// The embedded data, verified: what `data`, `summary` and `check` read, so that none of
    /// them takes data edited after filling for the data the form was filled with.
    /// - Returns: nil when the document carries no `sb:data` part.
    /// - Throws: `DiagnosticsError` located at the document and the part:
    ///   `embedded-data-unreadable` when the part is not XML or its content not JSON,
    ///   `embedded-data-tampered` when the content no longer hashes to the recorded `sha256`.
    public static func readVerified(from docx: ZipArchive) throws -> Contents? {
        guard let part = existingItem(in: docx) else { return nil }
        let embedded: (form: String?, sha256: String, data: DataValue)?
        do {
            embedded = try read(from: docx)
        } catch let e as DiagnosticsError {
            let reasons = e.diagnostics.map(\.message).joined(separator: "；")
            throw DiagnosticsError([.error(.embeddedDataUnreadable, at: .file(docx.path), place: part, "嵌入数据无法读取（不是有效的 JSON）：\(reasons)")])
        } catch {
            throw DiagnosticsError([.error(.embeddedDataUnreadable, at: .file(docx.path), place: part, "嵌入数据无法读取：\(error)")])
        }
        guard let embedded else { return nil }
        let actual = embedded.data.digest
        guard embedded.sha256.lowercased() == actual else {
            throw DiagnosticsError([.error(.embeddedDataTampered, at: .file(docx.path), place: part,
                "嵌入数据的校验值不符（记录sha256=\(embedded.sha256)，实际\(actual)）：文件在填写后被改动过，这份数据不能当作填写时的数据使用")])
        }
        return Contents(part: part, formID: embedded.form ?? embedded.data["form"]?.text, sha256: actual, data: embedded.data)
    }
}
