#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ShenbaoCore

/// A long-lived child process talking JSON lines over its standard input and output, the leader
/// of its own process group (so `kill()` ends everything it started). Standard error goes to a
/// file. Not thread-safe: its owner serialises calls.
final class WorkerProcess {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []

    /// Starts `executable arguments…`.
    /// - Throws: `ConversionProblem` when the process cannot start.
    init(executable: String, arguments: [String], errorLog: String) throws {
        var inPipe: [Int32] = [0, 0]
        var outPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0 else { throw ConversionProblem.cannotStart("pipe: \(errno)") }
        // No other child (poppler, run meanwhile) may inherit these; dup2 clears the flag for the worker.
        for fd in inPipe + outPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for fd in [inPipe[0], inPipe[1], outPipe[0], outPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(inPipe[0])
        close(outPipe[1])
        guard status == 0 else {
            close(inPipe[1])
            close(outPipe[0])
            throw ConversionProblem.cannotStart("\(executable): \(String(cString: strerror(status)))")
        }
        // A dead worker must give EPIPE on write, not kill the server with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        pid = child
        input = inPipe[1]
        output = outPipe[0]
    }

    /// Writes one line.
    func send(_ line: String) throws {
        var bytes = Array((line + "\n").utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ConversionProblem.crashed("转换进程关闭了输入") }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Reads one line, waiting at most `timeout` seconds.
    /// - Throws: `ConversionProblem.timedOut`, or `.crashed` when the process closed its output.
    func receive(timeout: Double) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw ConversionProblem.timedOut(timeout) }
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, 4096) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ConversionProblem.crashed("转换进程已退出") }
            buffer += chunk[..<n]
            guard buffer.count < 1 << 20 else { throw ConversionProblem.crashed("转换进程输出过多") }
        }
    }

    /// Kills the whole process group and reaps the process.
    func kill() {
        _ = Glibc.kill(-pid, SIGKILL)
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        close(input)
        close(output)
    }
}

/// Why the warm converter could not convert a document.
enum ConversionProblem: Error, CustomStringConvertible {
    case cannotStart(String)
    case timedOut(Double)
    case crashed(String)
    case failed(String)

    var code: DiagnosticCode {
        switch self {
        case .cannotStart: .converterUnavailable
        case .timedOut: .conversionTimeout
        case .crashed: .conversionCrashed
        case .failed: .conversionFailed
        }
    }

    var description: String {
        switch self {
        case .cannotStart(let why): "无法启动 LibreOffice：\(why)"
        case .timedOut(let s): "LibreOffice 超过 \(Int(s)) 秒未完成转换，已被终止并重新启动"
        case .crashed(let why): "LibreOffice 转换中途退出（\(why)），已重新启动"
        case .failed(let why): "LibreOffice 未能生成 PDF：\(why)"
        }
    }
}
