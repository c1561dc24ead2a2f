import Foundation
import ShenbaoCore

/// One worker of a `ConverterPool`: owns a LibreOffice profile and converts chunks one
/// `soffice --convert-to` run at a time, retrying what a failed run did not finish.
struct ConversionWorker: Sendable {
    let pool: ConverterPool
    let number: Int
    let workspace: String
    let board: ResultBoard

    /// Each document gets at most this many LibreOffice runs.
    static let maximumAttempts = 2

    /// What one LibreOffice run achieved.
    private struct RunOutcome {
        /// Staged PDFs that are complete, by job index.
        var finished: [Int: String] = [:]
        var timedOut = false
        /// The process's exit status, nil when it was killed or could not start.
        var status: Int32?
        /// LibreOffice's own complaints, or why it could not start.
        var message = ""

        /// Why a run that ended early failed the document it was on.
        func failure(timeout: Double) -> String {
            if timedOut { return PDFWording.stalled(seconds: ConversionWorker.format(timeout)) }
            if let status { return PDFWording.exited(status: status, message: message) }
            return message
        }
    }

    func run() {
        let profile = LibreOfficeProfile(
            path: "\(workspace)/profile\(number)", substitution: pool.substitution, libreOffice: pool.libreOffice)
        // A profile LibreOffice built itself and that converted documents becomes the template.
        var worthSaving: Bool
        do {
            worthSaving = try !profile.reset(fromTemplate: pool.usesProfileCache)
        } catch {
            while let chunk = board.nextChunk() {
                for job in chunk { board.record(job, output: nil, diagnostics: [.error(.cannotPrepare, at: .file(job.input), "无法准备 LibreOffice 配置目录：\(FileProblem.explain(error))")]) }
            }
            return
        }
        var runNumber = 0
        while let chunk = board.nextChunk() {
            // A stack of batches: a batch whose run stalls is split so that the document that
            // stalled runs alone and the rest go on without it.
            var batches = [chunk]
            while var batch = batches.popLast() {
                if Cancellation.shared.isCancelled {
                    for job in batch {
                        board.record(job, output: nil, diagnostics: [.error(.interrupted, at: .file(job.input), PDFWording.interrupted)])
                    }
                    continue
                }
                runNumber += 1
                for i in batch.indices { batch[i].attempts += 1 }
                let outcome = convert(batch, profile: profile, runNumber: runNumber)
                if outcome.status != 0 {
                    _ = try? profile.reset(fromTemplate: false)
                    worthSaving = false
                } else if worthSaving && !outcome.finished.isEmpty && pool.usesProfileCache {
                    profile.saveAsTemplate()
                    worthSaving = false
                }

                var unfinished: [ConversionJob] = []
                for job in batch {
                    if let staged = outcome.finished[job.index] {
                        publish(job, staged: staged)
                    } else {
                        unfinished.append(job)
                    }
                }
                guard !unfinished.isEmpty else { continue }

                if outcome.status != 0 {
                    // Killed, crashed or never started: LibreOffice converts in argument order, so
                    // the first unfinished document is the one it was on; the others were never
                    // opened, keep their attempt and go on as a batch of their own.
                    var stalled = unfinished.removeFirst()
                    stalled.lastFailure = .error(outcome.timedOut ? .conversionTimeout : .conversionCrashed, at: .file(stalled.input), outcome.failure(timeout: pool.timeout))
                    for i in unfinished.indices { unfinished[i].attempts -= 1 }
                    if !unfinished.isEmpty { batches.append(unfinished) }
                    retryOrFail(stalled, into: &batches)
                } else {
                    // LibreOffice went through the whole list: these it opened and could not convert.
                    for var job in unfinished {
                        job.lastFailure = .error(
                            .conversionFailed, at: .file(job.input),
                            PDFWording.noPDFWritten(outcome.message))
                        retryOrFail(job, into: &batches)
                    }
                }
            }
        }
    }

    /// Queues `job` to run alone, or records its failure once it has had its attempts.
    private func retryOrFail(_ job: ConversionJob, into batches: inout [[ConversionJob]]) {
        if job.attempts < Self.maximumAttempts {
            batches.append([job])
        } else {
            board.record(job, output: nil, diagnostics: job.lastFailure.map { [$0] } ?? [])
        }
    }

    /// Moves a finished PDF to its destination by rename; the destination is complete or untouched.
    private func publish(_ job: ConversionJob, staged: String) {
        do {
            try AtomicFile.write(to: job.output) { temp in
                try FileManager.default.copyItem(atPath: staged, toPath: temp)
            }
            board.record(job, output: job.output, diagnostics: [])
        } catch {
            board.record(job, output: nil, diagnostics: [.error(.cannotWriteOutput, at: .file(job.input), FileProblem.explain(error))])
        }
    }

    /// Runs LibreOffice once over `batch` into a fresh folder, watching that folder for progress.
    private func convert(_ batch: [ConversionJob], profile: LibreOfficeProfile, runNumber: Int) -> RunOutcome {
        let outputFolder = "\(workspace)/out\(number)-\(runNumber)"
        defer { try? FileManager.default.removeItem(atPath: outputFolder) }
        var outcome = RunOutcome()
        do {
            try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
            let arguments = [
                profile.argument, "--headless", "--invisible", "--nologo", "--nodefault", "--norestore",
                "--nolockcheck", "--convert-to", pool.exportFilter, "--outdir", outputFolder,
            ] + batch.map(\.staged)
            let watch = FolderWatch(path: outputFolder)
            let result = try ExternalTool.run(
                pool.libreOffice.executable, arguments, timeout: pool.timeout, outputLimit: 1 << 20,
                environment: ["TMPDIR": "\(workspace)/tmp"],
                package: "libreoffice-writer-nogui", progress: watch.madeProgress)
            outcome.status = result.status
            outcome.message = Self.complaints(result.outputText + "\n" + result.errorText)
        } catch ToolError.timedOut {
            outcome.timedOut = true
        } catch {
            outcome.message = "\(error)"
        }
        for job in batch {
            let pdf = "\(outputFolder)/\(job.stagedName).pdf"
            if PDFFile.isComplete(pdf) { outcome.finished[job.index] = pdf }
        }
        // A PDF is copied out before the folder goes, so `finished` stays readable until publish.
        for (index, pdf) in outcome.finished {
            let kept = "\(workspace)/done-\(index).pdf"
            try? FileManager.default.removeItem(atPath: kept)
            if (try? FileManager.default.moveItem(atPath: pdf, toPath: kept)) != nil {
                outcome.finished[index] = kept
            } else {
                outcome.finished[index] = nil
            }
        }
        return outcome
    }

    /// The lines of LibreOffice's output that report errors (it prints them on stdout or stderr).
    private static func complaints(_ text: String) -> String {
        text.split(separator: "\n").filter { $0.contains("Error") || $0.contains("error") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// Reports when more files are in a folder than at the last look; looks at most every 100 ms.
private final class FolderWatch {
    let path: String
    private var seen = 0
    private var lastLook = Date.distantPast

    init(path: String) { self.path = path }

    func madeProgress() -> Bool {
        let now = Date()
        guard now.timeIntervalSince(lastLook) >= 0.1 else { return false }
        lastLook = now
        let count = (try? FileManager.default.contentsOfDirectory(atPath: path).count) ?? 0
        defer { seen = max(seen, count) }
        return count > seen
    }
}

extension ConverterPool {
    /// The `--convert-to` argument: Writer's PDF export, with PDF/A-2b when asked
    /// (`SelectPdfVersion` 2; the JSON filter options need LibreOffice 7.4).
    var exportFilter: String {
        pdfa ? #"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"# : "pdf:writer_pdf_Export"
    }
}
