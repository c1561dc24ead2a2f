import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML
import ShenbaoTestSupport

/// A shipped form filled with its sample, as `shenbao build` fills it (validated data, the spec's
/// options, the sample's seal images), and edits of the filled package.
enum ShippedForm {
    static let labUnit = "山东海岱大学数据科学与工程学院"

    /// `templates/<form>/template.docx` filled with `samples/<form>/申报数据.yaml`.
    /// - Parameter withSpec: false fills as `shenbao fill` without `--spec` does.
    static func filled(_ form: String, withSpec: Bool = true, template: ZipArchive? = nil) throws -> ZipArchive {
        let spec = try FormSpec.load(path: Checkout.template(form) + "/form.yaml")
        let dataPath = Checkout.sample(form) + "/申报数据.yaml"
        let validation = spec.validate(try DataFile.load(dataPath), dataPath: dataPath)
        var options = withSpec ? FillOptions(spec: spec) : FillOptions()
        options.formID = spec.id
        let template = try template ?? ZipArchive(contentsOf: Checkout.template(form) + "/template.docx")
        return try TemplateFiller(template: template, options: options)
            .fill(with: withSpec ? validation.data : try DataFile.load(dataPath), dataDirectory: Checkout.sample(form))
    }

    /// `archive` with `part`'s text edited by `edit`.
    static func editing(_ archive: ZipArchive, _ part: String, _ edit: (String) -> String) throws -> ZipArchive {
        var archive = archive
        archive[part] = Array(edit(String(decoding: try archive.bytes(of: part), as: UTF8.self)).utf8)
        return archive
    }

    /// `archive` with a header part `word/header9.xml` that the content types declare and the
    /// document relates to but no section shows, cut off mid-element: not XML.
    static func withUnshownBrokenHeader(_ archive: ZipArchive) throws -> ZipArchive {
        var edited = try editing(archive, "[Content_Types].xml") {
            $0.replacingOccurrences(
                of: "</Types>",
                with: "<Override PartName=\"/word/header9.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>")
        }
        edited = try editing(edited, "word/_rels/document.xml.rels") {
            $0.replacingOccurrences(
                of: "</Relationships>",
                with: "<Relationship Id=\"rIdHeader9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header9.xml\"/></Relationships>")
        }
        edited["word/header9.xml"] = Array("<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:t>页眉".utf8)
        return edited
    }

    /// The `sb:data` part cut after its start tag and a few characters of JSON: not XML any more.
    static func truncatedData(_ xml: String) -> String {
        guard let start = xml.range(of: "<sb:data"), let end = xml[start.upperBound...].firstIndex(of: ">") else { return xml }
        return String(xml[...end]) + "{\"form\":"
    }

    /// Every `{{…}}` tag written inside one text node removed (the shipped templates keep each
    /// tag in one `w:t`).
    static func withoutTags(_ xml: String, matching pattern: String = #"\{\{[^<]*?\}\}"#) -> String {
        xml.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
    }
}
