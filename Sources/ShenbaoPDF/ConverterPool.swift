import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// Converts DOCX files to PDF on a few long-lived LibreOffice processes.
///
/// Each of `jobs` workers owns a LibreOffice profile and converts its share of the batch with one
/// `soffice --convert-to` call per chunk of documents, paying LibreOffice's 1.6-2.4 s start-up once
/// per chunk instead of once per file. A run that produces no new PDF for `timeout` seconds is
/// killed with its whole process group; the worker's profile is made new, the document that was
/// being converted is retried once on its own, and the chunk's other documents go on. Documents
/// are staged in a private folder (so no `.~lock.*#` file appears beside them) and each PDF
/// reaches its destination by a rename, complete or not at all.
public final class ConverterPool: Sendable {
    /// LibreOffice processes converting at the same time, each on its own profile.
    public let jobs: Int
    /// Seconds a LibreOffice run may go without finishing a document (start-up included).
    public let timeout: Double
    /// Write PDF/A-2b instead of plain PDF.
    public let pdfa: Bool
    /// The installation every worker runs.
    public let libreOffice: LibreOffice
    /// The font table every worker's profile carries.
    package let substitution: FontSubstitution
    /// Most documents one LibreOffice process converts before it is restarted.
    public let maximumBatch: Int
    /// Start profiles from a template kept in the user's cache (see `LibreOfficeProfile`).
    public let usesProfileCache: Bool
    let fonts: InstalledFonts

    /// Checks the machine before anything runs.
    ///
    /// - Parameters:
    ///   - jobs: LibreOffice processes working in parallel (at least 1).
    ///   - timeout: seconds without progress after which a run is killed.
    ///   - libreOffice: the installation to use; nil locates one (`LibreOffice.locate()`).
    ///   - usesProfileCache: keep a completed LibreOffice profile in `~/.cache/shenbao` and start
    ///     later ones from it, saving ~0.7 s per process; false always starts from scratch.
    /// - Throws: `PDFSetupError` when LibreOffice, its Writer, fontconfig or a needed font is missing.
    public init(
        jobs: Int = 1, timeout: Double = 60, pdfa: Bool = false, libreOffice: LibreOffice? = nil,
        maximumBatch: Int = 50, usesProfileCache: Bool = true
    ) throws {
        self.usesProfileCache = usesProfileCache
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.pdfa = pdfa
        self.maximumBatch = max(1, maximumBatch)
        self.libreOffice = try libreOffice ?? LibreOffice.locate()
        self.fonts = try InstalledFonts.system()
        self.substitution = try FontSubstitution.resolve(installed: fonts.families)
    }

    /// The PDF path for `input`: its name with `.pdf`, in `outputDirectory` or beside the input.
    public static func outputPath(for input: String, outputDirectory: String?) -> String {
        let url = URL(fileURLWithPath: input).standardizedFileURL
        let name = url.deletingPathExtension().lastPathComponent + ".pdf"
        let directory = outputDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? url.deletingLastPathComponent()
        return directory.appendingPathComponent(name).path
    }

    /// Converts every document it can and reports each one, in the order given.
    ///
    /// Before any LibreOffice run, each document is read and its printed characters are checked
    /// against the installed fonts (`FontCoverage`); a document that fails that check, or whose
    /// PDF name clashes with an earlier one's, is reported and not converted. A failed document
    /// never leaves a PDF (not even a partial one); the others still finish.
    /// - Parameter outputDirectory: where the PDFs go (created when missing); nil puts each beside its input.
    public func convert(_ docxPaths: [String], outputDirectory: String? = nil) -> [ConversionResult] {
        var results: [ConversionResult?] = docxPaths.map { _ in nil }
        let workspace: String
        do {
            workspace = try PDFWorkspace.make()
            if let outputDirectory { try OutputFolder.create(outputDirectory) }
        } catch {
            let message = (error as? OutputFileError)?.description ?? "无法创建临时目录 \(PDFWorkspace.temporaryDirectory)：\(FileProblem.describe(error))"
            return docxPaths.map {
                ConversionResult(input: $0, output: nil, diagnostics: [.error(.cannotPrepare, at: .file($0), message)], attempts: 0)
            }
        }
        defer { try? FileManager.default.removeItem(atPath: workspace) }

        var jobsToRun: [ConversionJob] = []
        var claimedOutputs: [String: String] = [:]
        var inputs = OutputGuard()
        for input in docxPaths { inputs.input(input, as: "DOCX 文件") }
        for (index, input) in docxPaths.enumerated() {
            let output = Self.outputPath(for: input, outputDirectory: outputDirectory)
            let staged = "\(workspace)/in/d\(index).docx"
            let problems = prepare(input: input, output: output, staged: staged, claimed: &claimedOutputs, inputs: inputs)
            if problems.hasErrors {
                results[index] = ConversionResult(input: input, output: nil, diagnostics: problems, attempts: 0)
            } else {
                jobsToRun.append(ConversionJob(index: index, input: input, output: output, staged: staged))
            }
        }

        let board = ResultBoard(chunks: chunks(of: jobsToRun))
        let workers = min(jobs, board.chunkCount)
        let group = DispatchGroup()
        for number in 0..<workers {
            group.enter()
            let worker = ConversionWorker(
                pool: self, number: number, workspace: workspace, board: board)
            Thread {
                worker.run()
                group.leave()
            }.start()
        }
        group.wait()
        for result in board.results { results[result.index] = result.result }
        return results.enumerated().map { index, result in
            result ?? ConversionResult(
                input: docxPaths[index], output: nil,
                diagnostics: [.error(.notConverted, at: .file(docxPaths[index]), PDFWording.internalError)], attempts: 0)
        }
    }

    /// Reads and checks one input and stages a copy of it; returns what is wrong with it.
    private func prepare(
        input: String, output: String, staged: String, claimed: inout [String: String], inputs: OutputGuard
    ) -> [Diagnostic] {
        let file = SourceLocation.file(input)
        do {
            try inputs.check(output, option: "PDF")
        } catch let error as OutputFileError {
            return [.error(.outputIsInput, at: file, "它的 PDF \(output) 会覆盖输入文件：\(error.cause)")]
        } catch {
            return [.error(.outputIsInput, at: file, "\(error)")]
        }
        if let earlier = claimed[output] {
            return [.error(.outputClash, at: file, PDFWording.outputClash(output, earlier: earlier))]
        }
        claimed[output] = input
        // Read once: the bytes checked are the bytes LibreOffice gets (a symlink is followed, and
        // a file changed meanwhile cannot slip past the check).
        let bytes: Data
        let archive: ZipArchive
        do {
            // Only a regular file, its size checked before reading (a FIFO is refused at once).
            let read = try InputFile.read(input, limit: ZipLimits.standard.maximumFileSize, what: "DOCX 文件")
            bytes = Data(read)
            archive = try ZipArchive(bytes: read, path: input)
        } catch let error as InputFileError {
            return [.error(error.code, at: file, "无法读取：\(error.cause)")]
        } catch {
            return [.error(.unreadableDocx, at: file, "\(error)")]
        }
        let problems = FontCoverage.check(docx: archive, coverage: fonts.coverage)
        if problems.hasErrors { return problems }
        do {
            try FileManager.default.createDirectory(atPath: (staged as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if let patched = try HangingPunctuation.patched(archive) {
                try patched.write(to: staged)
            } else {
                try bytes.write(to: URL(fileURLWithPath: staged))
            }
        } catch {
            return [.error(.cannotStage, at: file, "无法在临时目录中暂存：\(FileProblem.describe(error))")]
        }
        return problems
    }

    /// Splits the jobs into chunks that spread evenly over the workers, none above `maximumBatch`.
    func chunks(of jobsToRun: [ConversionJob]) -> [[ConversionJob]] {
        guard !jobsToRun.isEmpty else { return [] }
        let rounds = (jobsToRun.count + jobs * maximumBatch - 1) / (jobs * maximumBatch)
        let count = min(jobsToRun.count, jobs * rounds)
        let size = (jobsToRun.count + count - 1) / count
        return stride(from: 0, to: jobsToRun.count, by: size).map { Array(jobsToRun[$0..<min($0 + size, jobsToRun.count)]) }
    }
}

/// One document on its way through LibreOffice.
struct ConversionJob: Sendable {
    let index: Int
    let input: String
    let output: String
    /// The private copy LibreOffice opens.
    let staged: String
    var attempts = 0
    var lastFailure: Diagnostic?

    init(index: Int, input: String, output: String, staged: String) {
        self.index = index
        self.input = input
        self.output = output
        self.staged = staged
    }

    /// `d7` for `.../in/d7.docx`: the name LibreOffice gives its PDF.
    var stagedName: String { URL(fileURLWithPath: staged).deletingPathExtension().lastPathComponent }
}

/// The chunks still to convert and the results so far, shared by the workers.
final class ResultBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [[ConversionJob]]
    private(set) var results: [(index: Int, result: ConversionResult)] = []
    let chunkCount: Int

    init(chunks: [[ConversionJob]]) {
        pending = chunks.reversed()
        chunkCount = chunks.count
    }

    func nextChunk() -> [ConversionJob]? {
        lock.lock()
        defer { lock.unlock() }
        return pending.popLast()
    }

    func record(_ job: ConversionJob, output: String?, diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        results.append((job.index, ConversionResult(input: job.input, output: output, diagnostics: diagnostics, attempts: job.attempts)))
    }
}
