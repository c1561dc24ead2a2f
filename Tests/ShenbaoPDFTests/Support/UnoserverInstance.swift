import Foundation
@testable import ShenbaoPDF
import ShenbaoTestSupport
import Testing

/// A real unoserver (PyPI) on 127.0.0.1 with its own LibreOffice profile, spawned as the leader
/// of its own process group so `kill()` takes its LibreOffice down with it, as a machine dying would.
final class UnoserverInstance: @unchecked Sendable {
    let endpoint: UnoserverEndpoint
    private let pid: pid_t
    private let profile: String
    private var killed = false

    init(scratch: Scratch, name: String) throws {
        let program = try #require(RequiredTools.unoserver)
        let port = try Self.freePort(), unoPort = try Self.freePort()
        endpoint = UnoserverEndpoint(host: "127.0.0.1", port: port)
        profile = scratch.file("profile-\(name)")
        // The farm's profile as docs/pdf.md makes it (`shenbao pdf --write-profile`): the font table.
        try ConverterPool().writeProfile(to: profile)
        let arguments = [program, "--interface", "127.0.0.1", "--port", String(port), "--uno-port", String(unoPort),
                         "--user-installation", profile, "--quiet"]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, program, &actions, &attributes, &argv, environ)
        guard status == 0 else { throw CocoaError(.executableLoad) }
        pid = child
    }

    /// Waits until the instance answers XML-RPC (its LibreOffice is up), at most `seconds`.
    func waitUntilReady(seconds: Double = 90) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                let answer = try HTTPPost.send(
                    host: endpoint.host, port: endpoint.port, body: XMLRPC.call("system.listMethods", []),
                    timeout: max(1, deadline.timeIntervalSinceNow))
                _ = try XMLRPC.response(answer)
                return
            } catch {
                if Date() > deadline { throw error }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    /// Kills the whole process group at once (SIGKILL), mid-conversion or not.
    func kill() {
        guard !killed else { return }
        killed = true
        Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    deinit {
        kill()
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// A TCP port nothing listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
