import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ShenbaoTestSupport

/// A `shenbao serve` started as a subprocess on a free loopback port (`--port 0`), for one test.
final class RunningServer: @unchecked Sendable {
    let process = Process()
    let url: URL
    private let output = Pipe()

    /// Starts the built binary with the shipped templates and `arguments`, and waits for the
    /// address it prints. LibreOffice starts at the first PDF request unless `warm`.
    init(_ arguments: [String] = [], warm: Bool = false, environment: [String: String] = [:]) throws {
        guard let binary = ShenbaoCommand.path else { throw ShenbaoCommand.NotBuilt() }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0", "--templates", Checkout.path("templates")] + (warm ? [] : ["--no-warm-up"]) + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                url = URL(string: String(seen[range]))!
                return
            }
        }
        process.terminate()
        throw ServerDidNotStart(output: seen)
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        let output: String
        var description: String { "shenbao serve did not print its address: \(output)" }
    }

    /// SIGTERM, then waits for the process to end.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// One request; the status, the headers (lowercased names) and the body.
    func request(
        _ method: String, _ path: String, body: Data? = nil, type: String? = nil, timeout: Double = 600
    ) async throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: URL(string: path, relativeTo: url)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = timeout
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers["\(k)".lowercased()] = "\(v)" }
        return (http.statusCode, headers, data)
    }

    func get(_ path: String) async throws -> (status: Int, headers: [String: String], body: Data) {
        try await request("GET", path)
    }

    func post(_ path: String, _ body: Data, type: String) async throws -> (status: Int, headers: [String: String], body: Data) {
        try await request("POST", path, body: body, type: type)
    }
}

/// A multipart/form-data body: named parts with optional file names and types.
struct Multipart {
    let boundary = "shenbao-test-\(UUID().uuidString)"
    var body = Data()

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func add(_ name: String, _ bytes: Data, fileName: String? = nil, type: String? = nil) {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
        if let fileName { head += "; filename=\"\(fileName)\"" }
        head += "\r\n"
        if let type { head += "Content-Type: \(type)\r\n" }
        body += Data((head + "\r\n").utf8) + bytes + Data("\r\n".utf8)
    }

    func finished() -> Data { body + Data("--\(boundary)--\r\n".utf8) }
}

/// The sd-lab-2022 sample and its seals, as the API takes them.
enum Sample {
    static let folder = Checkout.sample("sd-lab-2022")
    static var yaml: Data { FileManager.default.contents(atPath: folder + "/申报数据.yaml")! }
    static var seal: Data { FileManager.default.contents(atPath: folder + "/公章.png")! }
    static var recommenderSeal: Data { FileManager.default.contents(atPath: folder + "/推荐单位公章.png")! }

    /// The sample YAML with `replacements` applied, and its seals, as one multipart body.
    static func multipart(_ replacements: [(String, String)] = []) -> Multipart {
        var text = String(decoding: yaml, as: UTF8.self)
        for (a, b) in replacements { text = text.replacingOccurrences(of: a, with: b) }
        var m = Multipart()
        m.add("data", Data(text.utf8), fileName: "申报数据.yaml", type: "application/yaml")
        m.add("公章", seal, fileName: "公章.png", type: "image/png")
        m.add("推荐单位公章", recommenderSeal, fileName: "推荐单位公章.png", type: "image/png")
        return m
    }

    /// The sample without its image lines, for comparing with the command line on a file alone.
    static var yamlWithoutImages: String {
        String(decoding: yaml, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("公章:") && !$0.hasPrefix("推荐单位公章:") }.joined(separator: "\n")
    }
}

func json(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}
