import ShenbaoCheck
import ShenbaoCore
import ShenbaoOOXML

/// A submitted DOCX must show the data it carries: what the bureau reads in the Word file is what
/// the summary counts. Checked by refilling the form's template (`DataConsistency`).
enum SubmittedText {
    /// How many differing places a refusal names.
    static let namedDifferences = 3

    /// The warnings (the text could not be compared).
    /// - Throws: `DiagnosticsError` at `path`, one error per differing place (the first few),
    ///   when the DOCX's text disagrees with its embedded data.
    static func check(_ archive: ZipArchive, path: String, templatesDirectory: String?) throws -> [Diagnostic] {
        let shown: DocxText
        do {
            shown = try DocxReader.read(archive)
        } catch {
            throw DiagnosticsError([.error(.unreadable, at: .file(path), "\(error)")])
        }
        let findings = DataConsistency.check(archive, shown: shown, templatesDirectory: templatesDirectory)
        if !findings.differences.isEmpty {
            let n = findings.differences.count
            let listed = n > namedDifferences ? "\(n) 处，下列前 \(namedDifferences) 处" : "\(n) 处"
            var errors = [Diagnostic.error(.docxShowsOtherData, at: .file(path),
                "这份DOCX的正文与它嵌入的数据不符（\(listed)），不能汇总：DOCX 在填写后被改动过，或不是用该表单的模板填写的，请核实后重新提交")]
            errors += findings.differences.prefix(namedDifferences).map {
                .error(.docxShowsOtherData, at: .file(path), place: $0.docxLocation?.description, $0.message)
            }
            throw DiagnosticsError(errors)
        }
        return findings.warnings.map { .warning(.docxTextUnchecked, at: .file(path), place: $0.docxLocation?.description, $0.message) }
    }
}
