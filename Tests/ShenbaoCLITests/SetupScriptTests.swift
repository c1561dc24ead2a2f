import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// `scripts/setup.sh` waits for a held package-manager lock with a message (through
/// `scripts/wait-for-apt.sh`) instead of failing with apt's raw "Could not get lock". The test
/// holds a real POSIX lock, as apt and dpkg take them, on a scratch file.
@Suite("setup waits for apt")
struct SetupScriptTests {
    /// Runs `wait-for-apt.sh` watching `lock` while a python3 process holds a POSIX write lock on
    /// it for `seconds` (killed when the script is done). The holder's pid comes first in the
    /// output. One shell owns both processes, so no pipe of another test outlives them.
    static func wait(_ lock: String, heldFor seconds: Int?, limit: Int, scratch: Scratch) throws -> ToolResult {
        let held = scratch.file("held")
        let hold = seconds.map { seconds in
            """
            python3 -c 'import fcntl, sys, time
            f = open(sys.argv[1], "w"); fcntl.lockf(f, fcntl.LOCK_EX); open(sys.argv[2], "w").write("held"); time.sleep(int(sys.argv[3]))' \
              "$LOCK" '\(held)' \(seconds) 2>/dev/null &
            holder=$!
            while [ ! -s '\(held)' ]; do sleep 0.05; done
            echo "$holder"
            """
        } ?? ""
        let script = """
            \(hold)
            SHENBAO_APT_LOCKS="$LOCK /nonexistent/lock" SHENBAO_APT_WAIT=\(limit) '\(Checkout.path("scripts/wait-for-apt.sh"))'
            status=$?
            [ -z "${holder:-}" ] || { kill -9 "$holder" 2>/dev/null; wait "$holder" 2>/dev/null; }
            exit $status
            """
        return try ExternalTool.run("/bin/sh", ["-c", script], timeout: 60, environment: ["LOCK": lock])
    }

    @Test func aHeldLockIsWaitedForWithAMessage() throws {
        let scratch = try Scratch("apt-lock")
        defer { scratch.remove() }
        let lock = try scratch.write("lock-frontend", "")
        let start = Date()
        let result = try Self.wait(lock, heldFor: 3, limit: 30, scratch: scratch)
        #expect(result.status == 0, "\(result.errorText)")
        #expect(Date().timeIntervalSince(start) > 1.5)
        let lines = result.outputText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pid = try #require(lines.first)
        #expect(Array(lines.dropFirst()) == [
            "setup: 另一个软件包管理程序（python3，pid \(pid)）正占用 \(lock)，等它结束后再安装（最多 30 秒）……",
            "setup: \(lock) 已释放，继续安装",
            "",
        ])
    }

    @Test func aLockHeldTooLongStopsSetupWithAMessage() throws {
        let scratch = try Scratch("apt-lock-long")
        defer { scratch.remove() }
        let lock = try scratch.write("lock", "")
        let result = try Self.wait(lock, heldFor: 60, limit: 2, scratch: scratch)
        #expect(result.status == 1)
        let pid = result.outputText.split(separator: "\n").first.map(String.init) ?? ""
        #expect(result.errorText == "setup: 等了 2 秒，pid \(pid) 仍占用 \(lock)；请等它结束（或确认它已卡住后结束它）再运行 scripts/setup.sh\n")
    }

    @Test func noLockNoMessage() throws {
        let scratch = try Scratch("apt-free")
        defer { scratch.remove() }
        let result = try Self.wait(try scratch.write("lock", ""), heldFor: nil, limit: 2, scratch: scratch)
        #expect(result.status == 0)
        #expect(result.outputText.isEmpty)
    }
}
