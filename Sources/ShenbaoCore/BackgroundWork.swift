import Dispatch

/// Work started on another core now and waited for later: fill hashes the data while it renders.
///
/// ```swift
/// let digest = BackgroundWork { SHA256.hex(bytes) }
/// render()
/// use(digest.value)
/// ```
package final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result?
    private var waited: Result?

    /// Starts `work` on a global queue.
    package init(_ work: @escaping @Sendable () -> Result) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result, waiting for it the first time.
    package var value: Result {
        if let waited { return waited }
        done.wait()
        waited = result
        return result!
    }
}
