import ArgumentParser
import ShenbaoCore
import ShenbaoData

/// How a command is told which form to use: a spec file, a form id, or the data's `form:` key.
struct FormSpecOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("表单规格文件（form.yaml）。", valueName: "path"))
    var spec: String?

    @Option(name: .long, help: ArgumentHelp("表单编号：templates/<编号>/form.yaml。默认：数据中的 `form:`。", valueName: "id"))
    var form: String?

    @Option(name: .long, help: ArgumentHelp("表单包目录，先于其他位置查找。", valueName: "dir"))
    var templates: String?

    func validate() throws {
        if spec != nil && form != nil { throw ValidationError(CommandWording.specOrForm) }
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
