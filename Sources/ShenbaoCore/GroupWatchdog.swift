#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Kills a process group when this process dies, however it dies.
///
/// `PR_SET_PDEATHSIG` would not do: it is not inherited across fork, and LibreOffice's
/// `soffice.bin` is a grandchild (soffice script → oosplash → soffice.bin). So a small `/bin/sh`
/// in a process group of its own, deaf to SIGINT/SIGTERM/SIGHUP, blocks reading a pipe whose only
/// writer is this process (close-on-exec, so no child holds it). When this process exits, the
/// kernel closes the pipe, the read returns, and the watchdog sends SIGKILL to the group. A run
/// that ends normally dismisses its watchdog first.
final class GroupWatchdog {
    private var pid: pid_t = 0
    private var writeEnd: Int32 = -1

    /// Starts a watchdog for `group`; does nothing when it cannot (the group is then only
    /// killed by timeouts and `stopAll`).
    init(group: pid_t) {
        var fds: [Int32] = [0, 0]
        guard closeOnExecPipe(&fds) else { return }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let script = "trap '' INT TERM HUP; read _; kill -9 -$1"
        let argv = ["/bin/sh", "-c", script, "shenbao-watchdog", String(group)]
        var child: pid_t = 0
        var pointers: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in pointers { free(p) } }
        let status = RunningGroups.shared.locked {
            pointers.withUnsafeMutableBufferPointer { buffer in
                posix_spawn(&child, "/bin/sh", &actions, &attributes, buffer.baseAddress!, environ)
            }
        }
        close(fds[0])
        guard status == 0 else {
            close(fds[1])
            return
        }
        pid = child
        writeEnd = fds[1]
    }

    /// The watched run ended: stops the watchdog without letting it kill anything.
    func dismiss() {
        if pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            pid = 0
        }
        if writeEnd >= 0 {
            close(writeEnd)
            writeEnd = -1
        }
    }

    deinit { dismiss() }
}
