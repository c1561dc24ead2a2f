import Foundation
import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML

/// Reads the data a filled DOCX carries (docs/form-spec.md, "The data a filled DOCX carries")
/// through the fill stage's `EmbeddedData.readVerified`, so that a part edited after filling is
/// refused rather than summarised.
enum EmbeddedSubmissionData {
    struct Contents {
        var formID: String?
        var data: DataValue
    }

    /// - Throws: `DiagnosticsError` located at `path` when the DOCX carries no data, it cannot be
    ///   read or its digest does not match.
    static func read(from archive: ZipArchive, path: String) throws -> Contents {
        let embedded: EmbeddedData.Contents?
        do {
            embedded = try EmbeddedData.readVerified(from: archive)
        } catch let e as DiagnosticsError {
            throw DiagnosticsError(e.diagnostics.map { d in
                var d = d
                d.location = .file(path)
                return d
            })
        }
        guard let embedded else {
            throw DiagnosticsError([.error(.noEmbeddedData, at: .file(path),
                "这份DOCX不含shenbao填写时嵌入的数据（customXml中没有sb:data），请提交数据文件或由shenbao生成的DOCX")])
        }
        return Contents(formID: embedded.formID, data: embedded.data)
    }
}
