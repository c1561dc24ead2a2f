import Foundation
import Hummingbird
import ShenbaoCore
import ShenbaoPDF

/// `shenbao serve`: the web form of every form package and the HTTP API over the pipeline, on
/// Hummingbird. Routes are in `Routes`; this type owns the catalog, the warm LibreOffice and the
/// limits, and runs until SIGINT or SIGTERM.
public struct ShenbaoServer: Sendable {
    public struct Options: Sendable {
        /// The address to listen on: loopback unless told otherwise.
        public var host = "127.0.0.1"
        /// 0 picks a free port (printed on start).
        public var port = 8080
        public var templatesDirectory: String?
        package var limits = ServeLimits()
        /// The `soffice` executable; nil locates one.
        public var soffice: String?
        public init() {}
    }

    public let options: Options
    package let catalog: FormCatalog
    let service: SubmissionService

    /// Reads every form and starts LibreOffice; a machine without LibreOffice still serves the
    /// form, validation and DOCX (PDF requests get 503 with the reason).
    /// - Throws: `DiagnosticsError` when the forms cannot be read.
    public init(options: Options, log: @Sendable (String) -> Void = { _ in }) throws {
        self.options = options
        catalog = try FormCatalog(templatesDirectory: options.templatesDirectory)
        let workspace = try ServerWorkspace()
        var converter: WarmConverter?
        var problem: String?
        do {
            let libreOffice = try LibreOffice.locate(executable: options.soffice)
            converter = try WarmConverter(libreOffice: libreOffice, timeout: options.limits.conversionTimeout, workspace: workspace.office)
        } catch {
            problem = "\(error)"
            log("shenbao serve: PDF 不可用：\(error)")
        }
        converterProblem = problem
        service = SubmissionService(limits: options.limits, converter: converter, converterProblem: problem, gate: JobGate(limit: options.limits.concurrentJobs), workspace: workspace)
    }

    let converterProblem: String?

    /// Converts one form's empty template so LibreOffice has loaded its fonts before the first
    /// request (a first conversion on a fresh profile is the slow one).
    public func warmUp() {
        guard let converter = service.converter, let form = catalog.forms.first else { return }
        guard let folder = try? RequestFolder(in: service.workspace.requests) else { return }
        defer { folder.remove() }
        _ = converter.convert(docx: form.templatePath, to: folder.file("warm-up.pdf"))
    }

    /// Serves until SIGINT or SIGTERM; `ready` gets the URL once the port is bound.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        // Hummingbird's start-up line would go to standard output beside ours.
        setenv("LOG_LEVEL", "warning", 0)
        let router = Router()
        Routes(catalog: catalog, service: service, limits: options.limits).add(to: router)
        let host = options.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: options.port), serverName: "shenbao"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                ready("http://\(shown):\(port)/")
            })
        defer {
            service.converter?.shutdown()
            service.workspace.remove()
        }
        try await app.runService()
    }
}
