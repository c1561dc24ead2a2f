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
            Listens on 127.0.0.1:8080 unless told otherwise and prints the address once ready.
            /: the forms; /forms/<id>: the form; /api/openapi.json: the API. One LibreOffice is
            kept running for PDFs. Stop with Ctrl-C. See docs/serve.md.

            Example: shenbao serve --port 8080
            """)

    @Option(help: "The port; 0 picks a free one.") var port = 8080
    @Option(help: "The address to listen on (loopback by default; 0.0.0.0 for every interface).") var host = "127.0.0.1"
    @Option(help: ArgumentHelp("A folder of form packages, searched before the others.", valueName: "dir")) var templates: String?
    @Option(help: "Seconds one PDF conversion may take before LibreOffice is restarted.") var timeout: Double = 60
    @Option(help: "Largest request body in MB.") var maxBody = 16
    @Option(help: ArgumentHelp("The soffice executable (default: found on PATH).", valueName: "path")) var soffice: String?
    @Flag(help: "Start LibreOffice at the first PDF request instead of at start-up.") var noWarmUp = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
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
