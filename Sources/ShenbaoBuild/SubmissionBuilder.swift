import Foundation
import ShenbaoCheck
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML
import ShenbaoPDF

/// Turns application data files into checked submissions: for each file, validate it against the
/// form it names, fill the form's `template.docx`, then convert every filled DOCX in ONE
/// `ConverterPool` batch (or on unoserver instances, `RemoteConverter`) and check each PDF against its DOCX with the data (`PairChecker`).
///
/// ```swift
/// let builder = SubmissionBuilder(options: .init(outputDirectory: "out"))
/// let results = try builder.build(["samples/sd-lab-2022/申报数据.yaml"])
/// ```
/// A file that fails validation or filling writes nothing; the others go on. Outputs appear
/// whole or not at all (the DOCX by an atomic write, the PDF by a rename).
public struct SubmissionBuilder: Sendable {
    public struct Options: Sendable {
        /// Where the DOCX and PDF files go (created when missing).
        public var outputDirectory: String
        /// A PNG that replaces the applicant's seal in the data (the spec's `applicantSealPath`,
        /// `公章` in the shipped forms).
        public var seal: String?
        public var pdfa = false
        /// LibreOffice processes converting in parallel.
        public var jobs = 1
        /// Seconds a LibreOffice run may go without finishing a document.
        public var timeout: Double = 60
        /// A folder of form packages searched first (see `FormSpecLocator`).
        public var templatesDirectory: String?
        /// The LibreOffice to run; nil locates one (`soffice` when given, else on PATH).
        public var libreOffice: LibreOffice?
        /// The `soffice` executable to locate when `libreOffice` is nil.
        public var soffice: String?
        /// unoserver instances to convert on instead of local LibreOffice (`RemoteConverter`).
        public var remote: [UnoserverEndpoint] = []

        public init(outputDirectory: String, seal: String? = nil) {
            self.outputDirectory = outputDirectory
            self.seal = seal
        }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Builds every data file and reports each, in the order given.
    /// - Parameter progress: called after each file is filled or checked and around the conversion.
    /// The output folder is locked (`FolderLock`) for the whole build: a second build into it
    /// waits, reporting `.waitForFolder` once.
    /// - Throws: `OutputFileError` when the output folder cannot be made or opened;
    ///   `BuildSetupError` when some document was filled but LibreOffice or a font is
    ///   missing (the DOCX files are written by then); it carries the results so far.
    public func build(_ dataPaths: [String], progress: @Sendable (BuildProgress) -> Void = { _ in }) throws -> [BuiltSubmission] {
        // One build at a time in a folder: another's files must not replace ours mid-check.
        try OutputFolder.create(options.outputDirectory)
        let lock = try FolderLock(options.outputDirectory) {
            progress(BuildProgress(stage: .waitForFolder, done: 0, total: dataPaths.count, file: nil))
        }
        defer { lock.release() }
        let names = OutputNames.names(for: dataPaths)
        var forms = FormCache(templatesDirectory: options.templatesDirectory)
        var results: [BuiltSubmission] = []
        for (index, path) in dataPaths.enumerated() {
            var result = fill(path, name: names[index], forms: &forms, run: dataPaths)
            if result.outcome == .checked, let docx = result.docx {
                // A PDF left from an earlier run no longer belongs to this DOCX.
                let stale = ConverterPool.outputPath(for: docx, outputDirectory: options.outputDirectory)
                try? FileManager.default.removeItem(atPath: stale)
            } else {
                result.docx = nil
            }
            results.append(result)
            progress(BuildProgress(stage: .fill, done: index + 1, total: dataPaths.count, file: path))
        }

        let toConvert = results.indices.filter { results[$0].docx != nil }
        guard !toConvert.isEmpty else { return results }
        progress(BuildProgress(stage: .convert, done: 0, total: toConvert.count, file: nil))
        let converter: @Sendable ([String], String?) -> [ConversionResult]
        if !options.remote.isEmpty {
            let remote = RemoteConverter(endpoints: options.remote, timeout: options.timeout, pdfa: options.pdfa)
            converter = { remote.convert($0, outputDirectory: $1) }
        } else {
            let pool: ConverterPool
            do {
                let libreOffice = try options.libreOffice ?? LibreOffice.locate(executable: options.soffice)
                pool = try ConverterPool(
                    jobs: options.jobs, timeout: options.timeout, pdfa: options.pdfa, libreOffice: libreOffice)
            } catch {
                for index in toConvert { results[index].outcome = .convertFailed }
                throw BuildSetupError(underlying: error, results: results)
            }
            converter = { pool.convert($0, outputDirectory: $1) }
        }
        let conversions = converter(toConvert.compactMap { results[$0].docx }, options.outputDirectory)
        progress(BuildProgress(stage: .convert, done: toConvert.count, total: toConvert.count, file: nil))
        for (index, conversion) in zip(toConvert, conversions) {
            results[index].diagnostics += conversion.diagnostics
            if conversion.output != nil, let docx = results[index].docx {
                // The pool's PDF is `<name>.pdf` in the same folder; keep the folder as given.
                results[index].pdf = String(docx.dropLast(".docx".count)) + ".pdf"
            } else {
                results[index].outcome = .convertFailed
            }
        }
        let checks = PairChecks(results: results, data: forms.checkedData, templatesDirectory: options.templatesDirectory)
        return checks.run(progress: progress)
    }

    /// `map` with `value` at the key path `keys` (groups made where missing).
    private static func setting(_ value: DataValue, at keys: ArraySlice<String>, in map: DataMap) -> DataMap {
        var map = map
        guard let key = keys.first else { return map }
        if keys.count == 1 {
            map[key] = value
        } else {
            let inner = map[key]?.map ?? DataMap()
            map[key] = DataValue(.map(setting(value, at: keys.dropFirst(), in: inner)), at: map[key]?.location)
        }
        return map
    }

    /// `name` in the output folder, the folder written as given (`out/申报数据.docx`).
    private func outputPath(_ name: String) -> String {
        let folder = options.outputDirectory
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Reads, validates and fills one data file; `.checked` here means "filled, go on".
    private func fill(_ path: String, name: String?, forms: inout FormCache, run: [String]) -> BuiltSubmission {
        var result = BuiltSubmission(data: path, formID: nil, outcome: .invalid, diagnostics: [])
        guard let name else {
            result.diagnostics = [.error(.outputClash, at: .file(path), "它的输出会覆盖本次另一个同目录、同名的数据文件的输出")]
            return result
        }
        do {
            var (value, duplicates) = try DataFile.loadKeepingDuplicates(path)
            result.formID = DataFile.formID(of: value)
            guard let formID = result.formID else {
                result.diagnostics = duplicates + [.error(.formMissing, at: .file(path), "不知道这份数据填的是哪张表：请在数据文件开头写上 form: <表单编号>")]
                return result
            }
            let form = try forms.form(formID)
            if let seal = options.seal {
                guard let sealPath = form.spec.applicantSealPath, var map = value.map else {
                    result.diagnostics = [.error(.noSealField, at: .file(path), "--seal: 表单 \(formID) 没有申报单位盖章的图片字段（seal: true）")]
                    return result
                }
                let components = sealPath.split(separator: ".").map(String.init)
                map = Self.setting(.string(URL(fileURLWithPath: seal).standardizedFileURL.path), at: components[...], in: map)
                value = DataValue(.map(map), at: value.location)
            }
            let validation = form.spec.validate(value, dataPath: path)
            result.diagnostics = duplicates + validation.diagnostics
            guard !result.diagnostics.hasErrors else { return result }
            result.outcome = .fillFailed
            let directory = (path as NSString).deletingLastPathComponent
            let filled = try form.filler.fill(with: validation.data, dataDirectory: directory.isEmpty ? "." : directory)
            try OutputFolder.create(options.outputDirectory)
            let docx = outputPath(name + ".docx")
            // Neither output may be an input: a data file of the run, the form's template or spec,
            // the seal, or a file the data names.
            var inputs = OutputGuard()
            for other in run { inputs.input(other, as: "数据文件") }
            inputs.input(form.templatePath, as: "表单模板")
            if let spec = form.spec.path { inputs.input(spec, as: "表单规格") }
            if let seal = options.seal { inputs.input(seal, as: "公章图片") }
            inputs.filesNamed(by: value, relativeTo: directory.isEmpty ? "." : directory)
            do {
                try inputs.check(docx, option: "-o")
                try inputs.check(ConverterPool.outputPath(for: docx, outputDirectory: options.outputDirectory), option: "-o")
            } catch let error as OutputFileError {
                result.diagnostics.append(.error(.outputIsInput, at: .file(path), "\(error.path): \(error.cause)"))
                return result
            }
            try filled.write(to: docx)
            forms.checkedData[path] = validation.data
            result.docx = docx
            result.outcome = .checked
        } catch let error as DiagnosticsError {
            result.diagnostics += error.diagnostics
        } catch let error as OutputFileError {
            result.diagnostics.append(error.diagnostic)
        } catch {
            result.diagnostics.append(.error(result.outcome == .invalid ? .unreadable : .fillFailed, at: .file(path), FileProblem.explain(error)))
        }
        return result
    }
}

/// The machine cannot convert (no LibreOffice, no font): nothing was converted. `results` says
/// what became of each file (filled ones as `.convertFailed`, their DOCX written).
public struct BuildSetupError: Error, CustomStringConvertible {
    /// The `PDFSetupError` (or other) that stopped the conversion.
    public var underlying: Error
    public var results: [BuiltSubmission]
    public var description: String { "\(underlying)" }
}

/// Form specs and compiled templates by form id, read once per run.
struct FormCache {
    struct Form {
        var spec: FormSpec
        var filler: TemplateFiller
        var templatePath: String
    }

    let templatesDirectory: String?
    private var forms: [String: Result<Form, DiagnosticsError>] = [:]
    /// The validated data each filled file was filled with, by data path: what the check compares.
    var checkedData: [String: DataValue] = [:]

    init(templatesDirectory: String?) { self.templatesDirectory = templatesDirectory }

    mutating func form(_ id: String) throws -> Form {
        if let cached = forms[id] { return try cached.get() }
        let result: Result<Form, DiagnosticsError>
        do {
            let spec = try FormSpec.load(formID: id, templatesDirectory: templatesDirectory)
            let template = (spec.directory ?? ".") + "/template.docx"
            var fillOptions = FillOptions()
            fillOptions.apply(spec: spec)
            do {
                let filler = try TemplateFiller(template: ZipArchive(contentsOf: template), options: fillOptions)
                result = .success(Form(spec: spec, filler: filler, templatePath: template))
            } catch let error as DiagnosticsError {
                result = .failure(DiagnosticsError(error.diagnostics.map { d in
                    var d = d
                    if d.location == nil { d.location = .file(template) }
                    return d
                }))
            } catch {
                result = .failure(DiagnosticsError([.error(.templateUnreadable, at: .file(template), "\(error)")]))
            }
        } catch let error as DiagnosticsError {
            result = .failure(error)
        }
        forms[id] = result
        return try result.get()
    }
}
