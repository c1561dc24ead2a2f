import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML

/// `shenbao data OUT.docx`: prints the data a filled document carries.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "打印已填写 DOCX 中嵌入的数据（由 `shenbao fill` 嵌入）。",
        discussion: """
            示例：shenbao data 申报表.docx --format json
            填写之后被改过的数据（内容的校验值与记录的 sha256 不符）或无法读取的数据一律拒绝：
            退出状态为 1，标准输出不打印任何内容。
            """)

    enum Format: String, ExpressibleByArgument { case yaml, json }

    @Argument(help: "由 shenbao 填写的文档。") var document: String
    @Option(help: "yaml 或 json。") var format: Format = .yaml

    func run() throws {
        do {
            guard let embedded = try EmbeddedData.readVerified(from: ZipArchive(contentsOf: document)) else {
                Terminal.err("\(document): 不含 shenbao 填写时嵌入的数据（customXml 中没有 sb:data）")
                throw ExitCode(1)
            }
            switch format {
            case .json: Terminal.out(Terminal.json(String(decoding: embedded.data.canonicalJSON(), as: UTF8.self)))
            case .yaml:
                Terminal.out("# form: \(embedded.formID ?? "-")  sha256: \(embedded.sha256)")
                Terminal.out(try YAMLWriter.render(embedded.data), terminator: "")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(error)
        }
    }
}
