import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoPDF

/// Converts DOCX to PDF on one LibreOffice kept running between requests, so a conversion costs
/// its own time (~0.3 s for a 9-page form) and not LibreOffice's start-up (1.6-2.4 s).
///
/// LibreOffice runs under `UNOWorkerScript` with a profile of its own carrying the same font
/// table as `ConverterPool`'s, and converts the same staged copy (fonts checked with
/// `FontCoverage`, `HangingPunctuation` applied). One document at a time: callers wait their
/// turn. A conversion that takes longer than `timeout` kills LibreOffice's whole process group;
/// the next conversion starts a fresh one on a new profile. Blocking: call off the event loop.
package final class WarmConverter: @unchecked Sendable {
    package let libreOffice: LibreOffice
    package let timeout: Double
    /// The Python that imports `uno` (Debian's `/usr/bin/python3` with python3-uno).
    package let python: String
    private let fonts: InstalledFonts
    private let registryModifications: String
    private let workspace: String
    private let lock = NSLock()
    private var worker: WorkerProcess?
    private var generation = 0
    /// Why the warm worker could not start (python3-uno missing, say); conversions then run one
    /// `soffice --convert-to` each through `ConverterPool`, 1-2 s slower.
    package private(set) var warmUnavailable: String?

    /// Checks the machine (LibreOffice, fonts) and prepares a private workspace; LibreOffice
    /// itself starts with `start()` or the first conversion.
    /// - Throws: `PDFSetupError` when LibreOffice, fontconfig or a needed font is missing.
    /// - Parameter workspace: the folder to work in (created); nil makes one under `$TMPDIR`.
    package init(libreOffice: LibreOffice? = nil, timeout: Double = 60, python: String? = nil, workspace: String? = nil) throws {
        self.libreOffice = try libreOffice ?? LibreOffice.locate()
        self.timeout = timeout
        self.python = python ?? ProcessInfo.processInfo.environment["SHENBAO_UNO_PYTHON"] ?? "/usr/bin/python3"
        fonts = try InstalledFonts.system()
        registryModifications = try FontSubstitution.resolve(installed: fonts.families).registryModifications()
        if let workspace {
            try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
            self.workspace = workspace
        } else {
            var template = Array((NSTemporaryDirectory() + "/shenbao-office-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else {
                throw DiagnosticsError([.error(.cannotPrepare, "无法创建 LibreOffice 的工作目录")])
            }
            self.workspace = String(cString: made)
        }
        try Data(UNOWorkerScript.source.utf8).write(to: URL(fileURLWithPath: self.workspace + "/worker.py"))
    }

    /// Stops LibreOffice and removes the workspace, for a server that is shutting down.
    package func shutdown() {
        stop()
        try? FileManager.default.removeItem(atPath: workspace)
    }

    deinit {
        worker?.kill()
        try? FileManager.default.removeItem(atPath: workspace)
    }

    /// Starts LibreOffice now, so the first request does not wait for it.
    /// - Throws: `ConversionProblem` when it cannot start.
    package func start() throws {
        lock.lock()
        defer { lock.unlock() }
        _ = try running()
    }

    /// Stops LibreOffice (a later conversion starts it again).
    package func stop() {
        lock.lock()
        defer { lock.unlock() }
        worker?.kill()
        worker = nil
    }

    /// Converts `docx` into the PDF `pdf`, which is written whole or not at all.
    /// - Returns: the problems; empty when the PDF was written.
    package func convert(docx: String, to pdf: String, pdfa: Bool = false) -> [Diagnostic] {
        let at = SourceLocation.file((docx as NSString).lastPathComponent)
        let staged = pdf + ".staged.docx"
        let written = pdf + ".part.pdf"
        defer {
            try? FileManager.default.removeItem(atPath: staged)
            try? FileManager.default.removeItem(atPath: written)
        }
        do {
            let archive = try ZipArchive(contentsOf: docx)
            let problems = FontCoverage.check(docx: archive, coverage: fonts.coverage)
            if problems.hasErrors { return problems }
            try (HangingPunctuation.patched(archive) ?? archive).write(to: staged)
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return [.error(.unreadableDocx, at: at, "\(error)")]
        }
        lock.lock()
        defer { lock.unlock() }
        if warmUnavailable != nil { return cold(staged: staged, pdf: pdf, pdfa: pdfa, at: at) }
        do {
            try run(staged: staged, output: written, pdfa: pdfa)
            guard PDFFile.isComplete(written) else { throw ConversionProblem.failed("PDF 不完整") }
            try FileManager.default.moveItem(atPath: written, toPath: pdf)
            return []
        } catch ConversionProblem.cannotStart(let why) {
            warmUnavailable = why
            return cold(staged: staged, pdf: pdf, pdfa: pdfa, at: at)
        } catch let problem as ConversionProblem {
            return [.error(problem.code, at: at, problem.description)]
        } catch {
            return [.error(.conversionFailed, at: at, "\(error)")]
        }
    }

    /// One conversion on a LibreOffice of its own, for a machine where the warm one cannot run.
    private func cold(staged: String, pdf: String, pdfa: Bool, at: SourceLocation) -> [Diagnostic] {
        do {
            let pool = try ConverterPool(jobs: 1, timeout: timeout, pdfa: pdfa, libreOffice: libreOffice)
            let folder = (pdf as NSString).deletingLastPathComponent + "/cold"
            guard let result = pool.convert([staged], outputDirectory: folder).first else { return [.error(.conversionFailed, at: at, "未转换")] }
            guard let output = result.output else { return result.diagnostics }
            try FileManager.default.moveItem(atPath: output, toPath: pdf)
            try? FileManager.default.removeItem(atPath: folder)
            return []
        } catch {
            return [.error(.conversionFailed, at: at, "\(error)")]
        }
    }

    /// One request to the worker; a worker that times out or dies is killed and forgotten.
    private func run(staged: String, output: String, pdfa: Bool) throws {
        let worker = try running()
        do {
            let request: JSONValue = ["input": .string(staged), "output": .string(output), "pdfa": .bool(pdfa)]
            try worker.send(JSONWriter.compact(request))
            let answer = try Self.object(try worker.receive(timeout: timeout))
            guard answer["ok"] as? Bool == true else {
                throw ConversionProblem.failed(answer["error"] as? String ?? "未知错误")
            }
        } catch let problem as ConversionProblem {
            if case .failed = problem {} else { discard() }
            throw problem
        }
    }

    /// The running worker, started (on a new profile) when there is none.
    private func running() throws -> WorkerProcess {
        if let worker { return worker }
        generation += 1
        let profile = "\(workspace)/profile\(generation)"
        try? FileManager.default.removeItem(atPath: "\(workspace)/profile\(generation - 1)")
        try FileManager.default.createDirectory(atPath: profile + "/user", withIntermediateDirectories: true)
        try Data(registryModifications.utf8).write(to: URL(fileURLWithPath: profile + "/user/registrymodifications.xcu"))
        let started = try WorkerProcess(
            executable: python,
            arguments: [workspace + "/worker.py", libreOffice.executable, URL(fileURLWithPath: profile, isDirectory: true).absoluteString,
                        "shenbao-\(getpid())-\(generation)"],
            errorLog: workspace + "/worker.log")
        do {
            // Start-up takes 2-3 s here, more on a busy machine; a LibreOffice that never listens is
            // given up on like a conversion that never ends.
            let hello = try Self.object(try started.receive(timeout: max(timeout, 10)))
            guard hello["ready"] as? Bool == true else {
                throw ConversionProblem.cannotStart(hello["error"] as? String ?? "未知错误")
            }
        } catch {
            started.kill()
            throw error
        }
        worker = started
        return started
    }

    private func discard() {
        worker?.kill()
        worker = nil
    }

    private static func object(_ line: String) throws -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw ConversionProblem.crashed("无法理解的应答：\(line.prefix(200))")
        }
        return object
    }
}
