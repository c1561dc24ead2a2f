import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML

/// One application a recommender received: a data file, or a DOCX that shenbao filled (which
/// carries its data, so the bureau needs nothing else).
public struct Submission: Sendable {
    /// The file as named on the command line; every diagnostic about it points here.
    public var path: String
    /// The form the submission says it is for (`form:` in a data file, the embedded data's
    /// `form` attribute in a DOCX); nil when it does not say.
    public var formID: String?
    public var data: DataValue

    public init(path: String, formID: String?, data: DataValue) {
        self.path = path
        self.formID = formID
        self.data = data
    }

    /// Reads `path`: `.docx` through its embedded data part, anything else as a YAML/JSON data file.
    /// A DOCX must show the data it carries (`DataConsistency`: its form's template, searched in
    /// `templatesDirectory` first, refilled with the data gives the DOCX's text).
    /// - Throws: `DiagnosticsError` located at the file (and line) when it cannot be read, or at
    ///   the DOCX and its first differing places (`docx-shows-other-data`).
    public static func read(_ path: String, templatesDirectory: String? = nil) throws -> Submission {
        try readReportingWarnings(path, templatesDirectory: templatesDirectory).submission
    }

    /// Reads every path; the files that cannot be read give diagnostics instead of submissions,
    /// and a DOCX whose text could not be compared with its data gives a warning.
    public static func readAll(_ paths: [String], templatesDirectory: String? = nil) -> (submissions: [Submission], problems: [Diagnostic]) {
        var submissions: [Submission] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do {
                let (submission, warnings) = try readReportingWarnings(path, templatesDirectory: templatesDirectory)
                submissions.append(submission)
                problems += warnings
            } catch let e as DiagnosticsError {
                problems += e.diagnostics
            } catch {
                problems.append(.error(.unreadable, at: .file(path), "\(error)"))
            }
        }
        return (submissions, problems)
    }

    private static func readReportingWarnings(_ path: String, templatesDirectory: String?) throws -> (submission: Submission, warnings: [Diagnostic]) {
        if path.lowercased().hasSuffix(".docx") { return try readDOCX(path, templatesDirectory: templatesDirectory) }
        let data = try DataFile.load(path)
        return (Submission(path: path, formID: DataFile.formID(of: data), data: data), [])
    }

    private static func readDOCX(_ path: String, templatesDirectory: String?) throws -> (submission: Submission, warnings: [Diagnostic]) {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(contentsOf: path)
        } catch {
            throw DiagnosticsError([.error(.unreadable, at: .file(path), "\(error)")])
        }
        let embedded = try EmbeddedSubmissionData.read(from: archive, path: path)
        let warnings = try SubmittedText.check(archive, path: path, templatesDirectory: templatesDirectory)
        return (Submission(path: path, formID: embedded.formID, data: embedded.data), warnings)
    }
}
