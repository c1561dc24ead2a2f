import Foundation
import ShenbaoCore

extension ConverterPool {
    /// Stops every conversion in this process: running LibreOffice process groups are killed,
    /// no new run starts, and `convert` returns soon with the unfinished documents reported as
    /// `interrupted` (nothing partial written, workspaces removed). For SIGINT/SIGTERM handlers.
    public static func cancelAll() {
        Cancellation.shared.cancel()
        ExternalTool.stopAll()
    }

    /// True once `cancelAll()` was called.
    public static var isCancelled: Bool { Cancellation.shared.isCancelled }
}

/// A flag set once, read by every worker.
final class Cancellation: @unchecked Sendable {
    static let shared = Cancellation()
    private let lock = NSLock()
    private var cancelled = false

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
