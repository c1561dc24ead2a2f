import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML

/// One form the server offers: its spec, its compiled template and its JSON Schema.
package struct ServedForm: Sendable {
    package let spec: FormSpec
    /// The form's `template.docx`.
    package let templatePath: String
    let filler: TemplateFiller
    /// What `shenbao schema --form <id>` prints.
    package let schema: String

    /// The Chinese title, or the id when the spec has none.
    package var title: String { spec.title ?? spec.id }
}

/// The forms found at start-up, by id. A request's form id is looked up here and nowhere else:
/// no part of a request is ever joined to a path.
package struct FormCatalog: Sendable {
    package let forms: [ServedForm]
    private let byID: [String: ServedForm]

    /// Reads every form package in the folders `FormSpecLocator` searches (`templatesDirectory`
    /// first); for an id found twice, the first folder wins, as for the command line.
    /// - Throws: `DiagnosticsError` with every spec or template that cannot be read, or
    ///   `form-not-found` when no form is found at all.
    package init(templatesDirectory: String? = nil) throws {
        var seen = Set<String>()
        var forms: [ServedForm] = []
        var problems: [Diagnostic] = []
        for directory in FormSpecLocator.searchDirectories(explicit: templatesDirectory) {
            for id in FormSpecLocator.availableForms(in: directory) where seen.insert(id).inserted {
                do {
                    forms.append(try Self.load(id: id, directory: directory))
                } catch let error as DiagnosticsError {
                    problems += error.diagnostics
                } catch {
                    problems.append(.error(.templateUnreadable, at: .file("\(directory)/\(id)"), "\(error)"))
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        guard !forms.isEmpty else {
            throw DiagnosticsError([.error(.formNotFound, "没有找到任何表单：查找过 \(FormSpecLocator.searchDirectories(explicit: templatesDirectory).joined(separator: ", "))")])
        }
        self.forms = forms.sorted { $0.spec.id < $1.spec.id }
        self.byID = Dictionary(uniqueKeysWithValues: forms.map { ($0.spec.id, $0) })
    }

    /// The form with this id, or nil for any other string.
    package func form(_ id: String) -> ServedForm? { byID[id] }

    private static func load(id: String, directory: String) throws -> ServedForm {
        let spec = try FormSpec.load(path: "\(directory)/\(id)/form.yaml")
        guard spec.id == id else {
            throw DiagnosticsError([.error(.specInvalid, at: .file("\(directory)/\(id)/form.yaml"), "规格的 id 是「\(spec.id)」，但它位于表单「\(id)」的目录中")])
        }
        let template = "\(directory)/\(id)/template.docx"
        let filler = try TemplateFiller(template: ZipArchive(contentsOf: template), options: FillOptions(spec: spec))
        return ServedForm(spec: spec, templatePath: template, filler: filler, schema: JSONSchemaGenerator.schema(for: spec))
    }
}
