import Foundation

/// Runs blocking jobs (each waits on an external process) on their own threads and returns when
/// all are done. Not on Dispatch's worker pool: `ExternalTool` drains the children's pipes on
/// that pool, and on a two-core machine jobs parked there would starve the drains until
/// Dispatch notices and adds threads (about a second).
enum ParallelJobs {
    static func run(_ jobs: [@Sendable () -> Void]) {
        guard jobs.count > 1 else {
            jobs.first?()
            return
        }
        let done = DispatchSemaphore(value: 0)
        for job in jobs {
            let thread = Thread {
                job()
                done.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in jobs { done.wait() }
    }
}
