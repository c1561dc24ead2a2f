import Foundation

/// One HTTP/1.1 POST with `Connection: close` over a plain socket, all of it (connect, send,
/// answer) within one deadline: what an XML-RPC call to unoserver needs, without URLSession
/// (and libcurl) in the binary. A refused or reset connection, or silence past the deadline,
/// is an `HTTPPostError` naming the address.
enum HTTPPost {
    /// The body of the answer to POSTing `body` to `http://host:port/path`.
    /// - Throws: `HTTPPostError` when the server cannot be reached, stops answering, goes past
    ///   `timeout` seconds, or answers with a status other than 200.
    static func send(host: String, port: Int, path: String = "/RPC2", contentType: String = "text/xml", body: [UInt8], timeout: Double) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        let fd = try connect(host: host, port: port, deadline: deadline)
        defer { close(fd) }
        let head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: shenbao\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try write(fd, Array(head.utf8) + body, deadline: deadline, host: host, port: port)
        let answer = try readAll(fd, deadline: deadline, host: host, port: port)
        return try parse(answer, host: host, port: port)
    }

    private static func connect(host: String, port: Int, deadline: Date) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw HTTPPostError(host: host, port: port, reason: "找不到主机（\(String(cString: gai_strerror(status)))）")
        }
        defer { freeaddrinfo(list) }
        var reason = "没有地址"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
            if errno == EINPROGRESS, wait(fd, for: Int16(POLLOUT), deadline: deadline) {
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                if error == 0 { return fd }
                reason = String(cString: strerror(error))
            } else {
                reason = errno == EINPROGRESS ? "在时限内没有应答" : String(cString: strerror(errno))
            }
            close(fd)
        }
        throw HTTPPostError(host: host, port: port, reason: "无法连接：\(reason)")
    }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    private static func wait(_ fd: Int32, for events: Int16, deadline: Date) -> Bool {
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let n = poll(&p, 1, Int32(min(left * 1000, 1_000_000)) + 1)
            if n > 0 { return true }
            if n < 0 && errno != EINTR { return false }
        }
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8], deadline: Date, host: String, port: Int) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n > 0 { sent += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EINTR) {
                guard wait(fd, for: Int16(POLLOUT), deadline: deadline) else {
                    throw HTTPPostError(host: host, port: port, reason: "发送请求超时")
                }
                continue
            }
            throw HTTPPostError(host: host, port: port, reason: "发送时连接中断：\(String(cString: strerror(errno)))")
        }
    }

    private static func readAll(_ fd: Int32, deadline: Date, host: String, port: Int) throws -> [UInt8] {
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
            if n > 0 { out += chunk[0..<n]; continue }
            if n == 0 { return out }
            if errno == EAGAIN || errno == EINTR {
                guard wait(fd, for: Int16(POLLIN), deadline: deadline) else {
                    throw HTTPPostError(host: host, port: port, reason: "在时限内没有完整的应答")
                }
                continue
            }
            throw HTTPPostError(host: host, port: port, reason: "接收时连接中断：\(String(cString: strerror(errno)))")
        }
    }

    /// The body of a complete `200` answer (Content-Length honoured when given).
    static func parse(_ answer: [UInt8], host: String, port: Int) throws -> [UInt8] {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, answer.count - 3)).first(where: { answer[$0..<$0 + 4].elementsEqual(separator) }) else {
            throw HTTPPostError(host: host, port: port, reason: answer.isEmpty ? "未应答就关闭了连接" : "HTTP 应答不完整")
        }
        let lines = String(decoding: answer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = lines[0].split(separator: " ")
        guard status.count >= 2, status[0].hasPrefix("HTTP/") else {
            throw HTTPPostError(host: host, port: port, reason: "不是 HTTP 应答")
        }
        guard status[1] == "200" else {
            throw HTTPPostError(host: host, port: port, reason: "HTTP 应答 \(status.dropFirst().joined(separator: " "))")
        }
        let body = Array(answer[(end + 4)...])
        for line in lines.dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "content-length", let length = Int(pair[1].trimmingCharacters(in: .whitespaces)) {
                guard body.count >= length else {
                    throw HTTPPostError(host: host, port: port, reason: "应答被截断（只收到 \(length) 字节中的 \(body.count)）")
                }
                return Array(body.prefix(length))
            }
        }
        return body
    }
}

/// An HTTP exchange that did not complete.
struct HTTPPostError: Error, CustomStringConvertible, Equatable {
    let host: String
    let port: Int
    let reason: String
    var description: String { "\(host):\(port): \(reason)" }
}
