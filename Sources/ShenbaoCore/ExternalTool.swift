#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The result of running an external program to its end.
public struct ToolResult: Sendable {
    public var status: Int32
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}

/// Why an external program could not give a result.
public enum ToolError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The program is not on PATH; `package` names the Debian package that provides it.
    case notFound(program: String, package: String?)
    case couldNotStart(program: String, errno: Int32)
    /// The program ran longer than its timeout; its whole process group was killed.
    case timedOut(program: String, seconds: Double)

    public var description: String {
        switch self {
        case .notFound(let p, let pkg):
            return "在 PATH 中找不到 \(p)" + (pkg.map { "；请用 `sudo apt-get install \($0)` 安装" } ?? "")
        case .couldNotStart(let p, let e):
            return "无法启动 \(p)：\(String(cString: strerror(e)))"
        case .timedOut(let p, let s):
            return "\(p) 在 \(s) 秒内没有结束，已被终止"
        }
    }
}

/// Runs programs with an argument array (never a shell), in their own process group, with a
/// timeout after which the whole group is killed, and with captured output capped in size. The
/// group dies with this process: a `GroupWatchdog` kills it when this process ends without
/// reaping it (a crash, `kill -9`), so no LibreOffice is left converting on its own.
public enum ExternalTool {
    /// Finds `program` on PATH (or accepts an absolute path).
    public static func locate(_ program: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `program` with `arguments`.
    ///
    /// - Parameters:
    ///   - timeout: seconds before the process group gets SIGKILL; nil waits forever.
    ///   - outputLimit: bytes kept of each of stdout and stderr; the rest is read and dropped.
    ///   - environment: extra variables set on top of this process's environment.
    ///   - package: the Debian package to name when the program is missing.
    ///   - progress: polled while waiting; each time it returns true the timeout starts again, so a
    ///     long batch is stopped only when it stops making progress.
    /// - Throws: `ToolError` when the program is missing, cannot start, or times out.
    public static func run(
        _ program: String, _ arguments: [String], timeout: Double? = nil, outputLimit: Int = 16 << 20,
        environment: [String: String] = [:], package: String? = nil, progress: (() -> Bool)? = nil
    ) throws -> ToolResult {
        guard let executable = locate(program) else { throw ToolError.notFound(program: program, package: package) }

        // Close-on-exec everywhere: a program started meanwhile by another thread must not inherit
        // these ends (it would hold a pipe open, or keep a watchdog from seeing this process die).
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard closeOnExecPipe(&outPipe), closeOnExecPipe(&errPipe) else { throw ToolError.couldNotStart(program: program, errno: errno) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, outPipe[0])
        posix_spawn_file_actions_addclose(&actions, errPipe[0])

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envStrings = env.map { "\($0.key)=\($0.value)" }.sorted()
        let argv = [executable] + arguments

        let (spawnStatus, pid) = RunningGroups.shared.spawn {
            var child: pid_t = 0
            let status = withCStrings(argv) { argvPtr in
                withCStrings(envStrings) { envPtr in
                    posix_spawn(&child, executable, &actions, &attributes, argvPtr, envPtr)
                }
            }
            return (status, child)
        }
        defer { RunningGroups.shared.remove(pid) }
        close(outPipe[1])
        close(errPipe[1])
        guard spawnStatus == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw ToolError.couldNotStart(program: program, errno: spawnStatus)
        }
        // Dies with us: should this process be killed (even by SIGKILL), the watchdog kills the group.
        let watchdog = GroupWatchdog(group: pid)
        defer { watchdog.dismiss() }

        let group = DispatchGroup()
        let stdoutBox = OutputBox()
        let stderrBox = OutputBox()
        for (fd, box) in [(outPipe[0], stdoutBox), (errPipe[0], stderrBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.drain(fd: fd, limit: outputLimit)
                close(fd)
                group.leave()
            }
        }

        var deadline = timeout.map { Date().addingTimeInterval($0) }
        var status: Int32 = 0
        var timedOut = false
        var delay: useconds_t = 1_000
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r == -1 && errno != EINTR { break }
            if let timeout, let progress, progress() { deadline = Date().addingTimeInterval(timeout) }
            if let deadline, Date() >= deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                timedOut = true
                break
            }
            usleep(delay)
            delay = min(delay * 2, 20_000)
        }
        // Children left in the group (e.g. soffice.bin behind its wrapper) would hold the pipes open.
        if timedOut { kill(-pid, SIGKILL) }
        if group.wait(timeout: .now() + 5) == .timedOut {
            kill(-pid, SIGKILL)
            group.wait()
        }
        if timedOut { throw ToolError.timedOut(program: program, seconds: timeout ?? 0) }

        let exitCode: Int32
        if status & 0x7f == 0 { exitCode = (status >> 8) & 0xff } else { exitCode = 128 + (status & 0x7f) }
        return ToolResult(status: exitCode, standardOutput: stdoutBox.bytes, standardError: stderrBox.bytes)
    }

    /// Kills the process group of every program still running under `run` and makes later calls
    /// fail to start: for a command interrupted by SIGINT or SIGTERM, whose children live in
    /// their own groups and would not get the terminal's signal.
    public static func stopAll() {
        RunningGroups.shared.stopAll()
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// `pipe(2)` with both ends close-on-exec, made under the spawn lock so that no program started
/// by another thread between the two calls inherits them (Glibc's module has no `pipe2`).
func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
    RunningGroups.shared.locked {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }
}

/// The process groups `ExternalTool.run` started and has not reaped yet.
final class RunningGroups: @unchecked Sendable {
    static let shared = RunningGroups()
    private let lock = NSLock()
    private var groups = Set<pid_t>()
    private var stopped = false

    /// Spawns under the lock, so that `stopAll` cannot miss a process being started.
    func spawn(_ start: () -> (status: Int32, pid: pid_t)) -> (status: Int32, pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        if stopped { return (ECANCELED, 0) }
        let started = start()
        if started.status == 0 { groups.insert(started.pid) }
        return started
    }

    /// Runs `body` holding the lock every spawn holds.
    func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func remove(_ pid: pid_t) {
        lock.lock()
        groups.remove(pid)
        lock.unlock()
    }

    func stopAll() {
        lock.lock()
        stopped = true
        for pid in groups { kill(-pid, SIGKILL) }
        lock.unlock()
    }
}

/// Collects a pipe's bytes up to a limit; owned by one reader thread until it is read.
private final class OutputBox: @unchecked Sendable {
    private(set) var bytes: [UInt8] = []

    func drain(fd: Int32, limit: Int) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            let room = max(0, limit - bytes.count)
            if room > 0 { bytes.append(contentsOf: buffer[0..<min(n, room)]) }
        }
    }
}
