import Foundation
import ShenbaoCore

/// The documents still to send and the instances still working, shared by the senders.
///
/// A sender asks for work with `next(for:)`: it gets a document not yet tried on its instance
/// (or any, when no other working instance is left to try it on), waits while others may still
/// hand back a document to retry, and gets nil when the batch is done or its instance is lost.
final class RemoteQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [RemoteJob]
    private var inFlight = 0
    private var working: Set<UnoserverEndpoint>
    private(set) var results: [(Int, ConversionResult)] = []

    init(jobs: [RemoteJob], endpoints: [UnoserverEndpoint]) {
        pending = jobs
        working = Set(endpoints)
    }

    func next(for endpoint: UnoserverEndpoint) -> RemoteJob? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard working.contains(endpoint) else { return nil }
            if let i = pending.firstIndex(where: { !$0.tried.contains(endpoint) || working.subtracting($0.tried).isEmpty }) {
                inFlight += 1
                return pending.remove(at: i)
            }
            if pending.isEmpty && inFlight == 0 { return nil }
            condition.wait()
        }
    }

    /// Records a document done (converted, or failed in a way a retry cannot mend).
    func finish(_ job: RemoteJob, _ result: ConversionResult, endpoint: UnoserverEndpoint) {
        condition.lock()
        inFlight -= 1
        results.append((job.index, result))
        condition.broadcast()
        condition.unlock()
    }

    /// Records a failed conversion: the document goes back for its retry while it has one and
    /// some instance works; `lost` takes the instance out of the batch.
    func fail(_ job: RemoteJob, _ problem: Diagnostic, endpoint: UnoserverEndpoint, lost: Bool) {
        condition.lock()
        inFlight -= 1
        if lost { working.remove(endpoint) }
        let interrupted = problem.code == .interrupted
        if !interrupted && job.attempts < RemoteConverter.maximumAttempts && !working.isEmpty {
            pending.append(job)
        } else {
            results.append((job.index, ConversionResult(input: job.input, output: nil, diagnostics: [problem], attempts: job.attempts)))
        }
        if working.isEmpty {
            // No instance left: what is still waiting cannot be converted.
            for waiting in pending {
                results.append((waiting.index, ConversionResult(
                    input: waiting.input, output: nil,
                    diagnostics: [.error(.remoteUnreachable, at: .file(waiting.input), "没有可用的转换服务了（最后一个：\(problem.message)）")],
                    attempts: waiting.attempts)))
            }
            pending.removeAll()
        }
        condition.broadcast()
        condition.unlock()
    }
}
