import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML

/// The data a filled DOCX carries (contract in docs/form-spec.md): a custom XML part
/// `<sb:data form=".." sha256="..">canonical JSON</sb:data>` and `shenbao-sha256:HEX` in the
/// core properties' keywords, which LibreOffice carries into the PDF.
public enum EmbeddedData {
    public static let namespace = EmbeddedDataPart.namespace

    /// The data embedded in a filled document, or nil when it carries none.
    /// - Throws: `XMLError` or `DiagnosticsError` when the embedded part is damaged.
    public static func read(from docx: ZipArchive) throws -> (form: String?, sha256: String, data: DataValue)? {
        guard let part = try EmbeddedDataPart.find(in: docx) else { return nil }
        let data = try DataFile.parse(Array(part.json.utf8), path: part.part, format: .json)
        return (part.form, part.recordedDigest, data)
    }

    /// Adds (or replaces) the data part and the keyword in `archive`.
    static func embed(_ data: DataValue, form: String?, into archive: inout ZipArchive) throws {
        try embed(payload(of: data), form: form, into: &archive)
    }

    /// The canonical JSON of `data` and its SHA-256, what `embed` writes.
    static func payload(of data: DataValue) -> (json: String, digest: String) {
        let json = data.canonicalJSON()
        return (String(decoding: json, as: UTF8.self), SHA256.hex(json))
    }

    static func embed(_ payload: (json: String, digest: String), form: String?, into archive: inout ZipArchive) throws {
        try EmbeddedDataPart.write(json: payload.json, digest: payload.digest, form: form, into: &archive)
    }
}
