import ShenbaoCore

/// What validating a data file against its form spec found and produced.
public struct ValidationResult: Sendable {
    /// Every problem, errors and warnings, sorted by place.
    public var diagnostics: [Diagnostic]
    /// The data as written (the applicant's text kept), with spec defaults filled in for fields
    /// left out or null. This is what the fill stage prints.
    public var data: DataValue
    /// The data with spec types applied, for code that computes with it: dates as `2022-12-10`,
    /// integers, numbers and amounts as `.number` with plain decimal text, bools as `.bool`, phone
    /// numbers normalised (`0531-51785094`), images as absolute paths, multichoice as lists.
    /// Unknown keys are left out.
    public var normalized: DataValue

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.hasErrors }
    public var errors: [Diagnostic] { diagnostics.errors }
    public var warnings: [Diagnostic] { diagnostics.warnings }
}

extension FormSpec {
    /// Validates `data` against this spec.
    /// - Parameter dataPath: the data file's path; image paths are relative to its folder.
    public func validate(_ data: DataValue, dataPath: String? = nil) -> ValidationResult {
        var validator = DataValidator(spec: self, dataPath: dataPath)
        return validator.run(data)
    }
}
