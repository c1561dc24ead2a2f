import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML

/// Reads the data a filled DOCX carries (docs/form-spec.md, "The data a filled DOCX carries")
/// through `EmbeddedDataPart`, and checks its digest, so that a part edited after
/// filling is refused rather than summarised.
enum EmbeddedSubmissionData {
    struct Contents {
        var formID: String?
        var data: DataValue
    }

    /// - Throws: `DiagnosticsError` located at `path` when the DOCX carries no data or its digest
    ///   does not match.
    static func read(from archive: ZipArchive, path: String) throws -> Contents {
        let found: EmbeddedDataPart?
        do {
            found = try EmbeddedDataPart.find(in: archive)
        } catch {
            throw DiagnosticsError([.error(.embeddedData, at: .file(path), "嵌入数据无法读取：\(error)")])
        }
        guard let part = found else {
            throw DiagnosticsError([.error(.noEmbeddedData, at: .file(path),
                "这份DOCX不含shenbao填写时嵌入的数据（customXml中没有sb:data），请提交数据文件或由shenbao生成的DOCX")])
        }
        let data: DataValue
        do {
            data = try DataFile.parse(Array(part.json.utf8), path: part.part, format: .json)
        } catch let e as DiagnosticsError {
            throw DiagnosticsError(e.diagnostics.map { d in
                var d = d
                d.location = .file(path)
                d.place = part.part
                return d
            })
        }
        guard part.isIntact else {
            throw DiagnosticsError([.error(.embeddedData, at: .file(path), place: part.part,
                "嵌入数据的校验值不符（记录sha256=\(part.recordedDigest)，实际\(part.contentDigest)）：文件在填写后被改动过")])
        }
        return Contents(formID: part.form ?? data["form"]?.text, data: data)
    }
}
