import Foundation
import ShenbaoCore

/// The one temporary folder of a running server, `$TMPDIR/shenbao-serve-XXXXXX` (mode 0700):
/// `owner` names the server's process, `office/` is LibreOffice's, `requests/` holds one folder
/// per request in flight. Removed at shutdown; at start, the workspaces of servers that died
/// without cleaning up (killed) are removed.
struct ServerWorkspace: Sendable {
    let path: String
    var requests: String { path + "/requests" }
    var office: String { path + "/office" }

    /// - Throws: `DiagnosticsError` when the folder cannot be made.
    init() throws {
        var template = Array((NSTemporaryDirectory() + "/shenbao-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw DiagnosticsError([.error(.cannotPrepare, "无法创建临时目录")])
        }
        path = String(cString: made)
        try FileManager.default.createDirectory(atPath: requests, withIntermediateDirectories: true)
        try Data("\(getpid())\n".utf8).write(to: URL(fileURLWithPath: path + "/owner"))
        Self.removeStale(except: path)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Removes `shenbao-serve-*` folders whose `owner` process is gone.
    static func removeStale(except current: String) {
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix("shenbao-serve-") {
            let folder = (temporary as NSString).appendingPathComponent(name)
            guard folder != current, let text = try? String(contentsOfFile: folder + "/owner", encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: folder) }
        }
    }
}
