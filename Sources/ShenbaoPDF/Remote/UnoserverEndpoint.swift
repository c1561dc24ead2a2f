import Foundation

/// One unoserver instance (PyPI `unoserver`, its XML-RPC API on `HOST:PORT`): one LibreOffice,
/// one conversion at a time (its server answers requests one after another).
public struct UnoserverEndpoint: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `HOST:PORT[,HOST:PORT…]` (an IPv6 host in brackets: `[::1]:2003`).
    /// - Throws: `RemoteListError` naming the entry that is not `HOST:PORT`.
    public static func list(_ text: String) throws -> [UnoserverEndpoint] {
        let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !entries.isEmpty else { throw RemoteListError(entry: text) }
        var seen = Set<UnoserverEndpoint>()
        return try entries.compactMap { entry in
            guard let colon = entry.lastIndex(of: ":"), let port = Int(entry[entry.index(after: colon)...]), (1...65535).contains(port) else {
                throw RemoteListError(entry: entry)
            }
            var host = String(entry[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { throw RemoteListError(entry: entry) }
            let endpoint = UnoserverEndpoint(host: host, port: port)
            return seen.insert(endpoint).inserted ? endpoint : nil
        }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Converts a DOCX to PDF: unoserver's `convert(inpath=None, indata=<base64>, outpath=None,
    /// convert_to="pdf", filtername="writer_pdf_Export", filter_options=[...])`.
    /// - Throws: `HTTPPostError` when the instance cannot be reached or runs past `timeout`;
    ///   `XMLRPCError` when it answers with a fault or garbage.
    func convert(_ docx: [UInt8], pdfa: Bool, timeout: Double) throws -> [UInt8] {
        let options: [XMLRPC.Value] = pdfa ? [.string("SelectPdfVersion=2")] : []
        let call = XMLRPC.call("convert", [.null, .bytes(docx), .null, .string("pdf"), .string("writer_pdf_Export"), .array(options)])
        let answer = try HTTPPost.send(host: host, port: port, body: call, timeout: timeout)
        guard case .bytes(let pdf) = try XMLRPC.response(answer) else {
            throw XMLRPCError.malformed("convert 没有返回内容")
        }
        return pdf
    }
}

/// An entry of `--remote` that is not `HOST:PORT`.
public struct RemoteListError: Error, CustomStringConvertible {
    public let entry: String
    public var description: String { "--remote：「\(entry)」不是 主机:端口（例如 10.0.0.5:2003）" }
}
