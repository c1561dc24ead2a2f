import Foundation
import ShenbaoCheck
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoPDF

/// What the API answers: a status, a content type, bytes, and extra headers.
struct Reply: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    var headers: [String: String] = [:]
    /// A file to download, named in Content-Disposition (RFC 6266, UTF-8).
    var fileName: String?

    static func json(_ object: Any, status: Int = 200) -> Reply {
        let text = JSONWriter.pretty(JSONValue(any: object) ?? .object([:]))
        return Reply(status: status, contentType: "application/json; charset=utf-8", body: Array(text.utf8))
    }

    static func problems(_ diagnostics: [Diagnostic], status: Int, spec: FormSpec? = nil, data: DataValue? = nil) -> Reply {
        let report = spec.map { DiagnosticReport.json(diagnostics, spec: $0, data: data) }
            ?? ["errors": diagnostics.errors.count, "warnings": diagnostics.warnings.count, "diagnostics": diagnostics.sorted().map(\.jsonObject)]
        return json(report, status: status)
    }
}

/// The pipeline for one request: read the data, validate, fill, convert, check, each in the
/// request's own folder, which is removed before the reply leaves.
struct SubmissionService: Sendable {
    let limits: ServeLimits
    let converter: WarmConverter?
    let converterProblem: String?
    let gate: JobGate
    let workspace: ServerWorkspace

    /// `POST …/validate`: 200 with the report when the data has no error, 422 when it has.
    func validate(_ form: ServedForm, body: [UInt8], contentType: String?) async -> Reply {
        await withSubmission(form, body, contentType) { submission, _, result in
            Reply.problems(result.diagnostics, status: result.hasErrors ? 422 : 200, spec: form.spec, data: submission.data)
        }
    }

    /// `POST …/yaml`: the data file (saved even with errors, to continue later); 422 only when the
    /// body is not readable data.
    func yaml(_ form: ServedForm, body: [UInt8], contentType: String?) async -> Reply {
        await withSubmission(form, body, contentType, keepImagePaths: true) { submission, _, _ in
            let text = try Self.yaml(submission.data, form: form)
            return Reply(status: 200, contentType: "application/yaml; charset=utf-8", body: Array(text.utf8), fileName: "\(form.spec.id)-申报数据.yaml")
        }
    }

    /// `POST …/load`: a data file read back for the page: its data with every scalar as text,
    /// and the problems found.
    func load(_ form: ServedForm, body: [UInt8], contentType: String?) async -> Reply {
        await withSubmission(form, body, contentType, keepImagePaths: true) { submission, _, result in
            // A file name kept from the data file is not in this folder: the warning above says so.
            let diagnostics = result.diagnostics.filter { $0.code != .imageNotFound }
            var report = DiagnosticReport.json(diagnostics, spec: form.spec, data: submission.data)
            report["data"] = Self.plain(submission.data)
            return Reply.json(report)
        }
    }

    /// `POST …/docx`: the filled form, exactly what `shenbao fill --spec` makes of the data file.
    func docx(_ form: ServedForm, body: [UInt8], contentType: String?) async -> Reply {
        await withSubmission(form, body, contentType) { submission, folder, result in
            if result.hasErrors { return Reply.problems(result.diagnostics, status: 422, spec: form.spec, data: submission.data) }
            let docx = try Self.fill(submission, form: form, folder: folder)
            return Reply(status: 200, contentType: Self.docxType, body: try Self.bytes(docx), fileName: "\(form.spec.id)-申报表.docx")
        }
    }

    /// `POST …/pdf`: the PDF from the warm LibreOffice, checked against its DOCX; the verdict in
    /// `X-Shenbao-Check` (`match`/`mismatch`) and the differences counted in `X-Shenbao-Differences`.
    func pdf(_ form: ServedForm, body: [UInt8], contentType: String?) async -> Reply {
        await withSubmission(form, body, contentType) { submission, folder, result in
            if result.hasErrors { return Reply.problems(result.diagnostics, status: 422, spec: form.spec, data: submission.data) }
            guard let converter else {
                return Reply.problems([.error(.converterUnavailable, converterProblem ?? "LibreOffice 不可用")], status: 503)
            }
            var clock = Date()
            var timing: [String] = []
            func lap(_ name: String) {
                timing.append("\(name);dur=\(Int(Date().timeIntervalSince(clock) * 1000))")
                clock = Date()
            }
            let (docx, filledData) = try Self.fillKeepingData(submission, form: form, folder: folder)
            lap("fill")
            let pdf = folder.file("申报表.pdf")
            let problems = converter.convert(docx: docx, to: pdf)
            lap("convert")
            if problems.hasErrors {
                let timedOut = problems.contains { $0.code == .conversionTimeout }
                return Reply.problems(problems, status: timedOut ? 504 : 500)
            }
            let report: CheckReport
            do {
                report = try PairChecker.check(docx: docx, pdf: pdf, data: filledData)
            } catch {
                return Reply.problems([.error(.checkFailed, "核对失败：\(error)")], status: 500)
            }
            lap("check")
            return Reply(
                status: 200, contentType: "application/pdf", body: try Self.bytes(pdf),
                headers: ["X-Shenbao-Check": report.matches ? "match" : "mismatch", "X-Shenbao-Differences": String(report.differences.count),
                          "X-Shenbao-Pages": String(report.pageCount),
                          "X-Shenbao-Converter": converter.warmUnavailable == nil ? "warm" : "cold",
                          "Server-Timing": timing.joined(separator: ", ")],
                fileName: "\(form.spec.id)-申报表.pdf")
        }
    }

    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// Reads the body in a fresh folder and runs `body` on the gate's threads; unreadable data
    /// gives 422 with its diagnostics.
    private func withSubmission(
        _ form: ServedForm, _ body: [UInt8], _ contentType: String?, keepImagePaths: Bool = false,
        _ work: @escaping @Sendable (Submission, RequestFolder, ValidationResult) throws -> Reply
    ) async -> Reply {
        let limits = self.limits
        let requests = workspace.requests
        do {
            return try await gate.run {
                let folder = try RequestFolder(in: requests)
                defer { folder.remove() }
                let submission: Submission
                do {
                    submission = try Submission.read(body: body, contentType: contentType, form: form, folder: folder, limits: limits, keepImagePaths: keepImagePaths)
                } catch let error as DiagnosticsError {
                    return Reply.problems(error.diagnostics, status: 422)
                }
                return try work(submission, folder, submission.validate(form, folder: folder))
            }
        } catch let error as DiagnosticsError {
            return Reply.problems(error.diagnostics, status: 500)
        } catch {
            return Reply.problems([.error(.internalError, "服务器内部错误：\(error)")], status: 500)
        }
    }

    /// The data file's text, with a comment naming the form.
    static func yaml(_ data: DataValue, form: ServedForm) throws -> String {
        try YAMLWriter.render(data, comments: ["\(form.title)：申报数据", "检查：shenbao validate 本文件；生成：shenbao build 本文件"])
    }

    /// Writes the data file and fills the template from that file's contents, as `shenbao fill
    /// --spec` would; returns the DOCX's path and the data it was filled with.
    static func fillKeepingData(_ submission: Submission, form: ServedForm, folder: RequestFolder) throws -> (String, DataValue) {
        let text = try yaml(submission.data, form: form)
        let dataPath = folder.file("data.yaml")
        try Data(text.utf8).write(to: URL(fileURLWithPath: dataPath))
        let data = try DataFile.load(dataPath)
        let filled = try form.filler.fill(with: data, dataDirectory: folder.path)
        let docx = folder.file("申报表.docx")
        try filled.write(to: docx)
        return (docx, data)
    }

    static func fill(_ submission: Submission, form: ServedForm, folder: RequestFolder) throws -> String {
        try fillKeepingData(submission, form: form, folder: folder).0
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The data as JSON for the page: scalars as their text, nulls left out.
    static func plain(_ value: DataValue) -> Any {
        switch value.kind {
        case .null: return NSNull()
        case .bool(let b): return b ? "true" : "false"
        case .string(let s), .number(let s): return s
        case .list(let items): return items.filter { !$0.isNull }.map(plain)
        case .map(let map):
            var out: [String: Any] = [:]
            for e in map.entries where !e.value.isNull { out[e.key] = plain(e.value) }
            return out
        }
    }
}
