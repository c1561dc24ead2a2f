import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML

/// Proves that a filled DOCX shows its data: refills the form's template (found through the
/// form id the embedded data records) with the DOCX's embedded data and compares the two
/// documents' text, so that a DOCX edited after filling, or filled from a template whose tags
/// were taken out, is a difference naming the place and both texts.
///
/// ```swift
/// let findings = DataConsistency.check(archive, shown: try DocxReader.read(archive), templatesDirectory: nil)
/// findings.differences   // kind .data, located in the DOCX
/// findings.warnings      // what could not be checked (no template found, …)
/// ```
package enum DataConsistency {
    /// What the comparison found.
    package struct Findings: Sendable {
        /// Where the DOCX does not show its data, or why its data cannot be trusted.
        package var differences: [CheckDifference] = []
        /// Why the text was not compared (the form's template was not found, …).
        package var warnings: [CheckDifference] = []
        package init() {}
    }

    /// Compares the text `shown` (read from `archive` by `DocxReader`) with the form's template
    /// refilled with `archive`'s embedded data. A DOCX without embedded data gives no finding
    /// (it does not claim any data), unless its keywords record a data digest.
    /// - Parameter templatesDirectory: a folder of form packages searched first.
    package static func check(_ archive: ZipArchive, shown: DocxText, templatesDirectory: String?) -> Findings {
        var findings = Findings()
        let contents: EmbeddedData.Contents?
        do {
            contents = try EmbeddedData.readVerified(from: archive)
        } catch let e as DiagnosticsError {
            guard let d = e.diagnostics.first else { return findings }
            // Data edited after filling is already reported by the digest check, when its text
            // no longer hashes to the digest; otherwise (unreadable data) it is reported here.
            let reportedByDigest = d.code == .embeddedDataTampered && shown.recordedDigest != nil
                && shown.embeddedDataDigest != nil && shown.recordedDigest != shown.embeddedDataDigest
            if !reportedByDigest {
                findings.differences.append(CheckDifference(
                    kind: .data, docxLocation: DocxLocation(part: d.place ?? shown.dataPart ?? "customXml"),
                    message: d.message + "；无法核对 DOCX 正文是否显示它的数据"))
            }
            return findings
        } catch {
            findings.differences.append(CheckDifference(kind: .data, docxLocation: DocxLocation(part: "customXml"), message: "嵌入数据无法读取：\(error)"))
            return findings
        }
        guard let contents else {
            if shown.keywordsDigest != nil {
                findings.differences.append(CheckDifference(
                    kind: .data, docxLocation: DocxLocation(part: "docProps/core.xml"),
                    message: "DOCX 的关键词记录了数据校验值（shenbao-sha256），但找不到可读的嵌入数据（customXml 中没有 sb:data）：嵌入数据被删除或损坏"))
            }
            return findings
        }
        let place = DocxLocation(part: contents.part)
        guard let formID = contents.formID else {
            findings.warnings.append(CheckDifference(kind: .data, docxLocation: place,
                message: "嵌入数据没有记录表单编号（form），找不到可重新填写的模板：未核对 DOCX 正文是否与嵌入数据一致"))
            return findings
        }
        let form: FormTemplates.Form
        do {
            form = try FormTemplates.shared.form(formID, templatesDirectory: templatesDirectory)
        } catch let e as DiagnosticsError {
            let why = e.diagnostics.map(\.message).joined(separator: "；")
            findings.warnings.append(CheckDifference(kind: .data, docxLocation: place,
                message: "找不到或无法使用表单「\(formID)」的模板，未核对 DOCX 正文是否与嵌入数据一致（可用 --templates 指定表单目录）：\(why)"))
            return findings
        } catch {
            findings.warnings.append(CheckDifference(kind: .data, docxLocation: place,
                message: "无法使用表单「\(formID)」的模板，未核对 DOCX 正文是否与嵌入数据一致：\(error)"))
            return findings
        }
        do {
            let differences = try compare(shown, refilling: form.withSpec, with: contents.data)
            // A document filled without --spec has no spec defaults nor glyphs: accept it when it
            // is what that fill gives.
            if !differences.isEmpty, try compare(shown, refilling: form.withoutSpec, with: contents.data).isEmpty { return findings }
            findings.differences = differences.map { d in
                var d = d
                d.message = "正文与嵌入数据不符（按表单 \(formID) 的模板重新填写）：" + d.message
                return d
            }
        } catch {
            findings.warnings.append(CheckDifference(kind: .data, docxLocation: place,
                message: "无法用嵌入数据重新填写表单「\(formID)」的模板，未核对 DOCX 正文是否与嵌入数据一致：\(error)"))
        }
        return findings
    }

    private static func compare(_ shown: DocxText, refilling filler: TemplateFiller, with data: DataValue) throws -> [CheckDifference] {
        let refilled = try filler.fill(with: data)
        return RefillComparison.differences(shown: shown, expected: try DocxReader.read(refilled))
    }
}
