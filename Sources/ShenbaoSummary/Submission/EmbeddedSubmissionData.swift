import Foundation
import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML

/// Reads the data a filled DOCX carries (docs/form-spec.md, "The data a filled DOCX carries")
/// through the fill stage's `EmbeddedData`, and checks its digest, so that a part edited after
/// filling is refused rather than summarised.
enum EmbeddedSubmissionData {
    struct Contents {
        var formID: String?
        var data: DataValue
    }

    /// - Throws: `DiagnosticsError` located at `path` when the DOCX carries no data or its digest
    ///   does not match.
    static func read(from archive: ZipArchive, path: String) throws -> Contents {
        let part = archive.entries.first { isCustomXMLItem($0.name) && String(decoding: $0.bytes.prefix(300), as: UTF8.self).contains("<sb:data") }?.name
        let embedded: (form: String?, sha256: String, data: DataValue)?
        do {
            embedded = try EmbeddedData.read(from: archive)
        } catch let e as DiagnosticsError {
            throw DiagnosticsError(e.diagnostics.map { d in
                var d = d
                d.location = .file(path)
                d.place = part ?? d.place
                return d
            })
        } catch {
            throw DiagnosticsError([.error(.embeddedData, at: .file(path), place: part, "嵌入数据无法读取：\(error)")])
        }
        guard let embedded else {
            throw DiagnosticsError([.error(.noEmbeddedData, at: .file(path),
                "这份DOCX不含shenbao填写时嵌入的数据（customXml中没有sb:data），请提交数据文件或由shenbao生成的DOCX")])
        }
        let actual = embedded.data.digest
        guard embedded.sha256.lowercased() == actual else {
            throw DiagnosticsError([.error(.embeddedData, at: .file(path), place: part,
                "嵌入数据的校验值不符（记录sha256=\(embedded.sha256)，实际\(actual)）：文件在填写后被改动过")])
        }
        return Contents(formID: embedded.form ?? embedded.data["form"]?.text, data: embedded.data)
    }

    /// `customXml/item1.xml`, `customXml/item12.xml`; not `itemProps1.xml` nor relationship parts.
    static func isCustomXMLItem(_ name: String) -> Bool {
        guard name.hasPrefix("customXml/item"), name.hasSuffix(".xml") else { return false }
        let middle = name.dropFirst("customXml/item".count).dropLast(4)
        return !middle.isEmpty && middle.allSatisfy(\.isNumber)
    }
}
