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
    /// - Throws: `DiagnosticsError` located at the file (and line) when it cannot be read.
    public static func read(_ path: String) throws -> Submission {
        if path.lowercased().hasSuffix(".docx") { return try readDOCX(path) }
        let data = try DataFile.load(path)
        return Submission(path: path, formID: DataFile.formID(of: data), data: data)
    }

    /// Reads every path; the files that cannot be read give diagnostics instead of submissions.
    public static func readAll(_ paths: [String]) -> (submissions: [Submission], problems: [Diagnostic]) {
        var submissions: [Submission] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do {
                submissions.append(try read(path))
            } catch let e as DiagnosticsError {
                problems += e.diagnostics
            } catch {
                problems.append(.error(.unreadable, at: .file(path), "\(error)"))
            }
        }
        return (submissions, problems)
    }

    private static func readDOCX(_ path: String) throws -> Submission {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(contentsOf: path)
        } catch {
            throw DiagnosticsError([.error(.unreadable, at: .file(path), "\(error)")])
        }
        let embedded = try EmbeddedSubmissionData.read(from: archive, path: path)
        return Submission(path: path, formID: embedded.formID, data: embedded.data)
    }
}
