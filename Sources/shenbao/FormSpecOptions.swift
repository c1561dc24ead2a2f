import ArgumentParser
import ShenbaoCore
import ShenbaoData

/// How a command is told which form to use: a spec file, a form id, or the data's `form:` key.
struct FormSpecOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The form spec file (form.yaml).", valueName: "path"))
    var spec: String?

    @Option(name: .long, help: ArgumentHelp("The form id: templates/<id>/form.yaml. Default: the data's `form:` key.", valueName: "id"))
    var form: String?

    @Option(name: .long, help: ArgumentHelp("A folder of form packages, searched before the others.", valueName: "dir"))
    var templates: String?

    func validate() throws {
        if spec != nil && form != nil { throw ValidationError("Give --spec or --form, not both.") }
    }

    /// The spec named by the options, or by `dataFormID` when they name none.
    /// - Throws: `DiagnosticsError` when no form is named, it is not found or its spec is invalid.
    func load(dataFormID: String? = nil, dataPath: String? = nil) throws -> FormSpec {
        if let spec { return try FormSpec.load(path: spec) }
        guard let id = form ?? dataFormID else {
            throw DiagnosticsError([
                .error(.formMissing, at: dataPath.map { .file($0) }, "不知道这份数据填的是哪张表：请在数据文件开头写上 form: <表单编号>，或使用 --form / --spec")
            ])
        }
        return try FormSpec.load(formID: id, templatesDirectory: templates)
    }
}
