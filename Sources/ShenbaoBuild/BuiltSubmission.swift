import ShenbaoCheck
import ShenbaoCore

/// What became of one data file in `SubmissionBuilder.build`.
public struct BuiltSubmission: Sendable {
    /// How far a data file got; the first stage that failed, or `.checked` when all ran.
    public enum Outcome: String, Sendable, Codable {
        /// The data file or its form spec could not be read, or the data did not validate:
        /// nothing was written.
        case invalid
        /// Filling the template failed: nothing was written.
        case fillFailed = "fill-failed"
        /// The DOCX was written, but LibreOffice made no PDF.
        case convertFailed = "convert-failed"
        /// Both files were written, but the check could not run (poppler missing, unreadable PDF).
        case checkFailed = "check-failed"
        /// Both files were written and checked; `report` says whether they match.
        case checked
    }

    /// The data file as given.
    public var data: String
    /// The form the data names (`form:`), when it names one.
    public var formID: String?
    /// The filled DOCX, when written.
    public var docx: String?
    /// The PDF, when written.
    public var pdf: String?
    public var outcome: Outcome
    /// The check of the DOCX against the PDF, when it ran.
    public var report: CheckReport?
    /// Why the file failed (errors) and the validator's warnings.
    public var diagnostics: [Diagnostic]

    /// Built and checked, and the PDF says what the DOCX says.
    public var matches: Bool { outcome == .checked && report?.matches == true }

    /// `match`, `mismatch`, or the outcome of a file that failed before the check.
    public var verdict: String {
        guard outcome == .checked else { return outcome.rawValue }
        return matches ? "match" : "mismatch"
    }

    init(data: String, formID: String?, outcome: Outcome, diagnostics: [Diagnostic]) {
        self.data = data
        self.formID = formID
        self.outcome = outcome
        self.diagnostics = diagnostics
    }
}

/// How `SubmissionBuilder` reports progress: a stage, how many files it has done, of how many.
public struct BuildProgress: Sendable {
    public enum Stage: String, Sendable {
        /// Reading, validating and filling one data file.
        case fill
        /// Converting all filled documents (one LibreOffice batch).
        case convert
        /// Checking one PDF against its DOCX.
        case check
        /// Another build holds the output folder: this one waits for it to finish.
        case waitForFolder
    }

    public var stage: Stage
    public var done: Int
    public var total: Int
    /// The data file just finished (fill, check); nil for the conversion batch.
    public var file: String?
}
