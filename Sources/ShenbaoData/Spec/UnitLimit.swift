import ShenbaoCore

/// A limit on how often one unit may take part across the submissions a summary gathers
/// (`summary.limits`): every unit named by `units` (the lead's name field and a joint-unit table's
/// name column) may appear in at most `max` submissions, and at most once in any one submission.
///
/// `{units: [申报单位名称, 联合申报单位.单位名称], max: 3}` is the Suzhou lab notice's
/// "所有申报单位联合申报次数均不能超过3次".
public struct UnitLimit: Sendable, Equatable {
    /// Dotted paths naming units; a path through a table names one unit per row.
    public var units: [FieldPath]
    public var max: Int
    /// The notice's words, quoted first in the error.
    public var message: String?
    /// `.warning` for a limit the notice states as 原则上.
    public var severity: Severity
    /// Where the limit is written in form.yaml.
    public var location: SourceLocation?

    public init(units: [FieldPath], max: Int, message: String? = nil, severity: Severity = .error, location: SourceLocation? = nil) {
        self.units = units
        self.max = max
        self.message = message
        self.severity = severity
        self.location = location
    }

    /// The unit names `data` gives, in order, trimmed, empty ones left out (a repeat is kept:
    /// it is one of the mistakes the limit reports).
    public func names(in data: DataValue) -> [String] {
        units.flatMap { path -> [String] in
            guard let value = path.value(in: data) else { return [] }
            let items = value.list ?? [value]
            return items.map { FieldPath.cellText($0).trimmed }.filter { !$0.isEmpty }
        }
    }
}
