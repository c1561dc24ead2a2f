import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// Converts DOCX files to PDF on unoserver instances on other machines (`--remote`).
///
/// Each instance converts one document at a time, so each gets one sender that takes the next
/// document the moment its instance is free: work goes where capacity is free, and a slow
/// instance takes fewer documents. A document that fails is tried once more on another instance
/// (on the same one only when no other is left); an instance that cannot be reached, drops the
/// connection or runs past `timeout` takes no more documents in this batch, and the document it
/// had goes to another, so an instance that dies mid-batch loses none. Each PDF is checked to be
/// complete and reaches its destination by a rename, whole or not at all.
///
/// The document sent is the one the local pool would convert (Word's hanging punctuation turned
/// off the same way, `HangingPunctuation`); fonts and their substitution table are the remote
/// machines' own (docs/pdf.md says how to set up a farm).
public final class RemoteConverter: Sendable {
    public let endpoints: [UnoserverEndpoint]
    /// Seconds one conversion may take on an instance, sending and answering included.
    public let timeout: Double
    /// Write PDF/A-2b instead of plain PDF.
    public let pdfa: Bool

    /// Each document gets at most this many conversions.
    static let maximumAttempts = 2

    public init(endpoints: [UnoserverEndpoint], timeout: Double = 60, pdfa: Bool = false) {
        self.endpoints = endpoints
        self.timeout = timeout
        self.pdfa = pdfa
    }

    /// Converts every document it can and reports each one, in the order given.
    /// - Parameter outputDirectory: where the PDFs go (created when missing); nil puts each beside its input.
    public func convert(_ docxPaths: [String], outputDirectory: String? = nil) -> [ConversionResult] {
        var results: [ConversionResult?] = docxPaths.map { _ in nil }
        if let outputDirectory {
            do {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            } catch {
                return docxPaths.map { ConversionResult(input: $0, output: nil, diagnostics: [.error(.cannotPrepare, at: .file($0), "\(error)")], attempts: 0) }
            }
        }
        var jobs: [RemoteJob] = []
        var claimed: [String: String] = [:]
        for (index, input) in docxPaths.enumerated() {
            let output = ConverterPool.outputPath(for: input, outputDirectory: outputDirectory)
            switch Self.prepare(input: input, output: output, claimed: &claimed) {
            case .success(let bytes): jobs.append(RemoteJob(index: index, input: input, output: output, docx: bytes))
            case .failure(let problem): results[index] = ConversionResult(input: input, output: nil, diagnostics: [problem.diagnostic], attempts: 0)
            }
        }
        let queue = RemoteQueue(jobs: jobs, endpoints: endpoints)
        let group = DispatchGroup()
        for endpoint in endpoints {
            group.enter()
            Thread {
                self.send(from: queue, to: endpoint)
                group.leave()
            }.start()
        }
        group.wait()
        for (index, result) in queue.results { results[index] = result }
        return results.enumerated().map { index, result in
            result ?? ConversionResult(
                input: docxPaths[index], output: nil,
                diagnostics: [.error(.notConverted, at: .file(docxPaths[index]), "未转换（内部错误）")], attempts: 0)
        }
    }

    /// One instance's sender: converts what the queue gives it until the batch is done or the
    /// instance is lost.
    private func send(from queue: RemoteQueue, to endpoint: UnoserverEndpoint) {
        while var job = queue.next(for: endpoint) {
            if Cancellation.shared.isCancelled {
                queue.fail(job, .error(.interrupted, at: .file(job.input), "已中断，未转换"), endpoint: endpoint, lost: false)
                continue
            }
            job.attempts += 1
            job.tried.insert(endpoint)
            do {
                let pdf = try endpoint.convert(job.docx, pdfa: pdfa, timeout: timeout)
                guard Self.isCompletePDF(pdf) else { throw XMLRPCError.malformed("返回的 PDF 不完整（\(pdf.count) 字节）") }
                do {
                    try AtomicFile.write(pdf, to: job.output)
                    queue.finish(job, ConversionResult(input: job.input, output: job.output, diagnostics: [], attempts: job.attempts), endpoint: endpoint)
                } catch {
                    queue.finish(job, ConversionResult(input: job.input, output: nil, diagnostics: [.error(.cannotWriteOutput, at: .file(job.input), "\(error)")], attempts: job.attempts), endpoint: endpoint)
                }
            } catch let error as XMLRPCError {
                // The instance answered: a fault is this document's, anything else the instance's.
                let lost: Bool
                if case .fault = error { lost = false } else { lost = true }
                queue.fail(job, .error(.remoteConversionFailed, at: .file(job.input), "转换服务 \(endpoint) 未能转换：\(error)"), endpoint: endpoint, lost: lost)
            } catch {
                queue.fail(job, .error(.remoteUnreachable, at: .file(job.input), "转换服务 \(error)"), endpoint: endpoint, lost: true)
            }
        }
    }

    private struct Problem: Error { let diagnostic: Diagnostic }

    /// Reads one input and makes the bytes to send, or says what is wrong with it.
    private static func prepare(input: String, output: String, claimed: inout [String: String]) -> Result<[UInt8], Problem> {
        let file = SourceLocation.file(input)
        if output == URL(fileURLWithPath: input).standardizedFileURL.path {
            return .failure(Problem(diagnostic: .error(.outputIsInput, at: file, "生成的 PDF 会覆盖输入文件；请把输入文件命名为 .docx")))
        }
        if let earlier = claimed[output] {
            return .failure(Problem(diagnostic: .error(.outputClash, at: file, "生成的 PDF \(output) 会覆盖由 \(earlier) 生成的 PDF")))
        }
        claimed[output] = input
        do {
            guard let data = FileManager.default.contents(atPath: input) else {
                return .failure(Problem(diagnostic: .error(.unreadableDocx, at: file, "找不到文件")))
            }
            let bytes = [UInt8](data)
            let archive = try ZipArchive(bytes: bytes, path: input)
            return .success(try HangingPunctuation.patched(archive)?.serialized() ?? bytes)
        } catch {
            return .failure(Problem(diagnostic: .error(.unreadableDocx, at: file, "\(error)")))
        }
    }

    /// `%PDF-` at the start and `%%EOF` in the last bytes, as `PDFFile.isComplete` checks files.
    static func isCompletePDF(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 64, bytes.starts(with: Array("%PDF-".utf8)) else { return false }
        return String(decoding: bytes.suffix(1024), as: UTF8.self).contains("%%EOF")
    }
}

/// One document on its way to an instance.
struct RemoteJob: Sendable {
    let index: Int
    let input: String
    let output: String
    let docx: [UInt8]
    var attempts = 0
    var tried: Set<UnoserverEndpoint> = []
}
