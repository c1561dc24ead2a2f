import Foundation
import ShenbaoCore

/// One pair of a bureau's inbox and what checking it gave.
public struct BatchEntry: Sendable {
    /// What checking the pair gave: a report, or why it could not be checked.
    public enum Outcome: Sendable {
        case checked(CheckReport)
        /// A file of the pair (or its data file) could not be read.
        case unreadable(String)
        /// Only one of `name.docx` / `name.pdf` is there.
        case unpaired(String)
    }

    /// The pair's name: the file name without extension.
    public var name: String
    /// The report, or why there is none.
    public var outcome: Outcome

    /// `match`, `differs`, `unreadable` or `unpaired`.
    public var verdict: String {
        switch outcome {
        case .checked(let report): return report.matches ? "match" : "differs"
        case .unreadable: return "unreadable"
        case .unpaired: return "unpaired"
        }
    }

    /// Differences found; 0 when the pair was not checked.
    public var differenceCount: Int {
        if case .checked(let report) = outcome { return report.differences.count }
        return 0
    }

    /// The first difference, else the first warning (`警告：…`: what was not checked), or
    /// why the pair was not checked.
    public var firstProblem: String {
        switch outcome {
        case .checked(let report):
            return report.differences.first?.description ?? report.warnings.first.map { CheckWording.warningPrefix + $0.description } ?? ""
        case .unreadable(let why), .unpaired(let why): return why
        }
    }
}

/// Checks every `name.docx` / `name.pdf` pair in a folder, two pairs at a time.
public enum BatchChecker {
    /// Checks the folder's pairs. When `name.yaml`, `name.yml` or `name.json` sits beside a pair
    /// and `loadData` is given, the pair's digests are checked against it too. `templatesDirectory`
    /// is searched first for the forms' templates (see `PairChecker.check`); each is compiled once.
    /// Scans among the PDFs are read with OCR (see `ScanOptions`: its cache makes a second run
    /// of the same inbox read no page again).
    /// - Parameter progress: called after each pair with (pairs done, pairs in all, name).
    /// - Returns: one entry per name, sorted by name.
    /// - Throws: `CheckError.unreadable` when the folder cannot be listed.
    public static func check(
        directory: String, concurrency: Int = 2, loadData: (@Sendable (String) throws -> DataValue)? = nil,
        templatesDirectory: String? = nil,
        scan: ScanOptions = ScanOptions(), progress: (@Sendable (Int, Int, String) -> Void)? = nil
    ) throws -> [BatchEntry] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CheckError.unreadable(path: directory, reason: CheckWording.cannotListFolder)
        }
        var byName: [String: Set<String>] = [:]
        for file in files {
            let ext = (file as NSString).pathExtension.lowercased()
            guard ["docx", "pdf", "yaml", "yml", "json"].contains(ext), !file.hasPrefix(".~lock") else { continue }
            byName[(file as NSString).deletingPathExtension, default: []].insert(file)
        }
        let groups = byName
        let names = groups.keys.filter { name in groups[name]!.contains { $0.lowercased().hasSuffix(".docx") || $0.lowercased().hasSuffix(".pdf") } }.sorted()
        let results = ResultSlots(count: names.count)
        let next = Counter()
        let done = Counter()
        let worker: @Sendable () -> Void = {
            while let i = next.take(below: names.count) {
                let name = names[i]
                let present = groups[name] ?? []
                func path(_ ext: String) -> String? {
                    present.first { ($0 as NSString).pathExtension.lowercased() == ext }.map { directory + "/" + $0 }
                }
                var options = scan
                options.evidence = scan.evidence.map { $0 + "/" + name }
                results.set(i, entry(name: name, docx: path("docx"), pdf: path("pdf"),
                                     data: path("yaml") ?? path("yml") ?? path("json"), loadData: loadData,
                                     templatesDirectory: templatesDirectory, scan: options))
                if let progress, let n = done.take(below: Int.max) { progress(n + 1, names.count, name) }
            }
        }
        ParallelJobs.run(Array(repeating: worker, count: max(1, min(concurrency, names.count))))
        return results.values
    }

    private static func entry(name: String, docx: String?, pdf: String?, data: String?,
                              loadData: (@Sendable (String) throws -> DataValue)?, templatesDirectory: String?,
                              scan: ScanOptions) -> BatchEntry {
        guard let docx else { return BatchEntry(name: name, outcome: .unpaired(CheckWording.noDOCX(name))) }
        guard let pdf else { return BatchEntry(name: name, outcome: .unpaired(CheckWording.noPDF(name))) }
        do {
            let value = try data.flatMap { path in try loadData?(path) }
            return BatchEntry(name: name, outcome: .checked(try PairChecker.check(
                docx: docx, pdf: pdf, data: value, templatesDirectory: templatesDirectory, scan: scan)))
        } catch {
            return BatchEntry(name: name, outcome: .unreadable("\(error)"))
        }
    }

    /// A Markdown table (pair, PDF kind, verdict, differences, spots to look at, first
    /// difference) and a summary line.
    public static func renderTable(_ entries: [BatchEntry]) -> String {
        var out = CheckWording.batchHeader
        for e in entries {
            let first = e.firstProblem.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            var kind = ""
            var review = 0
            if case .checked(let r) = e.outcome { kind = r.pdfKind.label; review = r.review.count }
            out += "| \(e.name) | \(kind) | \(CheckWording.verdict(e.verdict)) | \(e.differenceCount) | \(review) | \(first) |\n"
        }
        return out + summary(entries) + "\n"
    }

    /// `共 5 对：一致 3，不一致 1，无法读取 1，不成对 0`.
    public static func summary(_ entries: [BatchEntry]) -> String {
        let count = { (v: String) in entries.filter { $0.verdict == v }.count }
        return CheckWording.batchSummary(pairs: entries.count, match: count("match"), differ: count("differs"),
                                         unreadable: count("unreadable"), unpaired: count("unpaired"))
    }

    /// The entries as JSON: `{"pairs": [{name, verdict, differences, first, report?}], "summary"}`.
    public static func renderJSON(_ entries: [BatchEntry]) -> String {
        struct Pair: Encodable {
            var name: String
            var verdict: String
            var differences: Int
            var first: String
            var report: CheckReport?
        }
        struct Batch: Encodable {
            var pairs: [Pair]
            var summary: String
        }
        let pairs = entries.map { e -> Pair in
            var report: CheckReport?
            if case .checked(let r) = e.outcome { report = r }
            return Pair(name: e.name, verdict: e.verdict, differences: e.differenceCount, first: e.firstProblem, report: report)
        }
        return JSONWriter.pretty((try? JSONValue(encoding: Batch(pairs: pairs, summary: summary(entries)))) ?? .object([:]))
    }
}

/// Hands out indices to worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// One slot per pair, written by whichever worker checked it.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [BatchEntry?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ entry: BatchEntry) {
        lock.lock()
        slots[i] = entry
        lock.unlock()
    }
    var values: [BatchEntry] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
