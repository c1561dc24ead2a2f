import Foundation
import ShenbaoCheck
import ShenbaoCore

/// Checks the converted pairs of a build, two at a time (each check runs four poppler tools).
final class PairChecks: @unchecked Sendable {
    private var results: [BuiltSubmission]
    private let data: [String: DataValue]
    private let templatesDirectory: String?
    private let lock = NSLock()
    private var done = 0
    private var pending: [Int] = []
    private var cursor = 0

    init(results: [BuiltSubmission], data: [String: DataValue], templatesDirectory: String?) {
        self.results = results
        self.data = data
        self.templatesDirectory = templatesDirectory
    }

    func run(progress: @Sendable (BuildProgress) -> Void) -> [BuiltSubmission] {
        pending = results.indices.filter { results[$0].pdf != nil && results[$0].outcome == .checked }
        let total = pending.count
        DispatchQueue.concurrentPerform(iterations: min(2, total)) { _ in
            while let index = nextIndex() { check(index, total: total, progress: progress) }
        }
        return results
    }

    private func nextIndex() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < pending.count else { return nil }
        cursor += 1
        return pending[cursor - 1]
    }

    private func check(_ index: Int, total: Int, progress: (BuildProgress) -> Void) {
        lock.lock()
        let item = results[index]
        lock.unlock()
        guard let docx = item.docx, let pdf = item.pdf else { return }
        var outcome = BuiltSubmission.Outcome.checked
        var report: CheckReport?
        var diagnostics: [Diagnostic] = []
        do {
            report = try PairChecker.check(docx: docx, pdf: pdf, data: data[item.data], templatesDirectory: templatesDirectory)
        } catch {
            outcome = .checkFailed
            diagnostics.append(.error(.checkFailed, at: .file(pdf), "\(error)"))
        }
        lock.lock()
        results[index].report = report
        results[index].outcome = outcome
        results[index].diagnostics += diagnostics
        done += 1
        let count = done
        lock.unlock()
        progress(BuildProgress(stage: .check, done: count, total: total, file: item.data))
    }
}
