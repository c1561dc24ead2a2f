import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoData

/// `shenbao schema --form ID`: prints a JSON Schema of a form's data for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "打印表单数据的 JSON Schema，供编辑器的 YAML 语言服务使用。",
        discussion: """
            保存下来，并在数据文件第一行写上它的名字：
              shenbao schema --form sd-lab-2022 -o sd-lab-2022.schema.json
              # yaml-language-server: $schema=sd-lab-2022.schema.json
            """)

    @OptionGroup var formOptions: FormSpecOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("把 Schema 写到这个文件，而不是标准输出。", valueName: "file"))
    var output: String?

    func validate() throws {
        if formOptions.spec == nil && formOptions.form == nil { throw ValidationError(CommandWording.specOrFormNeeded) }
    }

    func run() throws {
        let spec: FormSpec
        do {
            spec = try formOptions.load()
        } catch {
            throw fail(error, code: 2)
        }
        let schema = JSONSchemaGenerator.schema(for: spec)
        if let output {
            do {
                var inputs = OutputGuard()
                if let path = formOptions.spec ?? spec.path { inputs.input(path, as: "表单规格") }
                try inputs.check(output, option: "-o")
                try AtomicFile.write(Array(schema.utf8), to: output)
            } catch {
                throw fail(error)
            }
        } else {
            FileHandle.standardOutput.write(Data(schema.utf8))
        }
    }
}
