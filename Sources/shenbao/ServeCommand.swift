import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoServe

/// `shenbao serve`: the web form and HTTP API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "为每张表单提供网页填写和 HTTP 接口（校验、DOCX、核对过的 PDF）。",
        discussion: """
            默认监听 127.0.0.1:8080，就绪后打印地址。/：表单列表；/forms/<编号>：表单；
            /api/openapi.json：接口说明。常驻一个 LibreOffice 生成 PDF。按 Ctrl-C 停止。详见 docs/serve.md。

            示例：shenbao serve --port 8080
            """)

    @Option(help: "端口；0 表示任选一个空闲端口。") var port = 8080
    @Option(help: "监听的地址（默认只监听本机回环地址；0.0.0.0 表示所有网卡）。") var host = "127.0.0.1"
    @Option(help: ArgumentHelp("表单包目录，先于其他位置查找。", valueName: "dir")) var templates: String?
    @Option(help: "一次 PDF 转换最多用多少秒，超时则重启 LibreOffice。") var timeout: Double = 60
    @Option(help: "请求体的上限（MB）。") var maxBody = 16
    @Option(help: ArgumentHelp("所用的 soffice 程序（默认：在 PATH 中查找）。", valueName: "path")) var soffice: String?
    @Flag(help: "在第一次请求 PDF 时才启动 LibreOffice，而不是启动服务时。") var noWarmUp = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(CommandWording.portRange) }
        guard timeout > 0 else { throw ValidationError(CommandWording.timeoutPositive) }
        guard maxBody > 0 else { throw ValidationError(CommandWording.maxBodyPositive) }
    }

    func run() async throws {
        var options = ShenbaoServer.Options()
        options.host = host
        options.port = port
        options.templatesDirectory = templates
        options.soffice = soffice
        options.limits.conversionTimeout = timeout
        options.limits.maximumBody = maxBody * 1024 * 1024
        let server: ShenbaoServer
        do {
            server = try ShenbaoServer(options: options, log: { Self.say($0) })
        } catch {
            throw fail(error, code: 2)
        }
        if !noWarmUp { DispatchQueue.global().async { server.warmUp() } }
        try await server.run { url in
            Self.say("shenbao serve: \(url)（\(server.catalog.forms.count) 张表单；Ctrl-C 停止）")
        }
    }

    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
