import ShenbaoTestSupport
import Foundation
import ShenbaoOOXML
import ShenbaoPDF

/// One set of real conversions shared by every assertion that reads PDFs, so the suite pays
/// LibreOffice's start-up a few times only: four specimen forms plus two bad inputs converted
/// with one job, the same batch with two jobs, and one form as PDF/A-2b.
struct ConvertedBatch: Sendable {
    let inputFolder: String
    let inputs: [String]
    let oneJob: [ConversionResult]
    let oneJobFolder: String
    let twoJobs: [ConversionResult]
    let twoJobsFolder: String
    let pdfa: ConversionResult
    let substitution: FontSubstitution

    /// Indices into `inputs`.
    static let goodForms = 0..<4
    static let uncoveredForm = 4
    static let notAZip = 5
    /// A private-use character of plane 16: no installed font draws it.
    static let uncoveredScalar: Unicode.Scalar = "\u{10FFFD}"

    static let shared: Result<ConvertedBatch, Error> = Result { try ConvertedBatch() }

    private init() throws {
        let root = try makeScratchFolder("batch")
        inputFolder = root + "/in"
        try FileManager.default.createDirectory(atPath: inputFolder, withIntermediateDirectories: true)
        var inputs: [String] = []
        for number in Self.goodForms {
            let path = "\(inputFolder)/form\(number).docx"
            try SpecimenForm(number: number).archive(path: path).write(to: path)
            inputs.append(path)
        }
        var uncovered = SpecimenForm(number: 9)
        uncovered.extraText = "生僻字\(Character(Self.uncoveredScalar))"
        let uncoveredPath = "\(inputFolder)/uncovered.docx"
        try uncovered.archive(path: uncoveredPath).write(to: uncoveredPath)
        inputs.append(uncoveredPath)
        let brokenPath = "\(inputFolder)/broken.docx"
        try Data("this is not a zip".utf8).write(to: URL(fileURLWithPath: brokenPath))
        inputs.append(brokenPath)
        self.inputs = inputs

        oneJobFolder = root + "/one"
        twoJobsFolder = root + "/two"
        // One job on profiles built from scratch, two jobs from the cached template (when there is
        // one): the same PDFs must come out of both.
        let one = try ConverterPool(jobs: 1, timeout: 120, usesProfileCache: false)
        substitution = one.substitution
        oneJob = one.convert(inputs, outputDirectory: oneJobFolder)
        twoJobs = try ConverterPool(jobs: 2, timeout: 120).convert(inputs, outputDirectory: twoJobsFolder)
        pdfa = try ConverterPool(jobs: 1, timeout: 120, pdfa: true).convert([inputs[0]], outputDirectory: root + "/pdfa")[0]
    }
}
