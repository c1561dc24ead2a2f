import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML

/// The form templates a check refills, found by form id (`FormSpecLocator`) and compiled once
/// per process: a batch of a hundred pairs of one form reads and compiles its template once.
final class FormTemplates: @unchecked Sendable {
    /// A form's template compiled for refilling.
    struct Form {
        /// `templates/<id>/template.docx`.
        var templatePath: String
        /// Filled as `build` and `fill --spec` fill: the spec's glyphs and defaults.
        var withSpec: TemplateFiller
        /// Filled as `fill` without `--spec` fills: no defaults, default glyphs.
        var withoutSpec: TemplateFiller
    }

    static let shared = FormTemplates()

    private let lock = NSLock()
    private var forms: [String: Result<Form, DiagnosticsError>] = [:]

    /// The compiled template of `formID`, searched as `FormSpecLocator` searches (`templates`
    /// first when given).
    /// - Throws: `DiagnosticsError` when the form or its template is not found or not usable.
    func form(_ formID: String, templatesDirectory: String?) throws -> Form {
        let key = (templatesDirectory ?? "") + "\u{0}" + formID
        lock.lock()
        if let cached = forms[key] {
            lock.unlock()
            return try cached.get()
        }
        lock.unlock()
        let result: Result<Form, DiagnosticsError>
        do {
            result = .success(try Self.compile(formID, templatesDirectory: templatesDirectory))
        } catch let e as DiagnosticsError {
            result = .failure(e)
        } catch {
            result = .failure(DiagnosticsError([.error(.templateUnreadable, "\(error)")]))
        }
        lock.lock()
        forms[key] = result
        lock.unlock()
        return try result.get()
    }

    private static func compile(_ formID: String, templatesDirectory: String?) throws -> Form {
        let spec = try FormSpec.load(formID: formID, templatesDirectory: templatesDirectory)
        let path = (spec.directory ?? ".") + "/template.docx"
        guard FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticsError([.error(.templateNotFound, at: .file(path), "表单「\(formID)」的目录中没有 template.docx")])
        }
        let template = try ZipArchive(contentsOf: path)
        var options = FillOptions(spec: spec)
        refillOptions(&options)
        var bare = FillOptions()
        bare.formID = spec.id
        refillOptions(&bare)
        return Form(
            templatePath: path,
            withSpec: try TemplateFiller(template: template, options: options),
            withoutSpec: try TemplateFiller(template: template, options: bare))
    }

    /// What a refill needs beyond the first fill: missing values stay empty (the first fill may
    /// have allowed them), images are not read (the data names them by a path of the applicant's
    /// machine; they carry no text), and no data is embedded (it is not compared).
    private static func refillOptions(_ options: inout FillOptions) {
        options.allowMissing = true
        options.imagePlaceholders = true
        options.embedData = false
    }
}
