import Foundation
import ShenbaoCore
import ShenbaoData

/// An application's data as a request sent it, read into the request's own folder: the data tree
/// with every image replaced by the name of the checked file written beside it (`公章.png`),
/// numbers and booleans typed as the spec says, and the problems found on the way.
struct Submission {
    /// The data, as the data file the applicant downloads holds it.
    var data: DataValue
    /// Duplicate keys and refused images; validation adds the rest.
    var problems: [Diagnostic]
    /// The syntax the data came in.
    var format: DataFormat

    /// The name locations in diagnostics give the data (`data.json` or `data.yaml`).
    var displayName: String { "data.\(format.rawValue)" }

    /// Reads a request body: JSON, YAML, or multipart with a `data` part (JSON or YAML) and one
    /// file part per image field, named by the field's dotted key (`公章`).
    /// - Throws: `DiagnosticsError` when the body cannot be read as data at all.
    static func read(
        body: [UInt8], contentType: String?, form: ServedForm, folder: RequestFolder, limits: ServeLimits,
        keepImagePaths: Bool = false
    ) throws -> Submission {
        var dataBytes = body
        var format: DataFormat?
        var uploads: [String: MultipartBody.Part] = [:]
        if let contentType, let boundary = MultipartBody.boundary(contentType: contentType) {
            let multipart: MultipartBody
            do { multipart = try MultipartBody(body, boundary: boundary) } catch {
                throw DiagnosticsError([.error(.badRequest, error.message)])
            }
            guard let part = multipart.parts.first(where: { $0.name == "data" }) else {
                throw DiagnosticsError([.error(.badRequest, "multipart 正文应有名为 data 的部分（JSON 或 YAML 数据）")])
            }
            dataBytes = part.bytes
            format = Self.format(contentType: part.contentType, fileName: part.fileName)
            for part in multipart.parts where part.name != "data" { uploads[part.name] = part }
        } else {
            format = Self.format(contentType: contentType, fileName: nil)
        }
        let chosen = format ?? DataFormat.guess(path: "", bytes: dataBytes)
        let (value, duplicates) = try DataFile.parseKeepingDuplicates(dataBytes, path: "data.\(chosen.rawValue)", format: chosen)
        var submission = Submission(data: value, problems: duplicates, format: chosen)
        submission.data = TypedData.apply(form.spec, to: value)
        var images = ImageFiles(spec: form.spec, folder: folder, limits: limits, uploads: uploads, keepPaths: keepImagePaths)
        submission.data = images.place(in: submission.data)
        submission.problems += images.problems
        return submission
    }

    /// Reads a request body: JSON, YAML, or multipart (see `read(body:…)`); `keepImagePaths`
    /// keeps an image field's file name (a data file loaded to continue) with a warning instead
    /// of refusing it.
    /// JSON for `application/json` or a `.json` name, YAML for `…yaml` types or names.
    private static func format(contentType: String?, fileName: String?) -> DataFormat? {
        let type = (contentType ?? "").lowercased()
        if type.contains("json") { return .json }
        if type.contains("yaml") { return .yaml }
        let name = (fileName ?? "").lowercased()
        if name.hasSuffix(".json") { return .json }
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { return .yaml }
        return nil
    }

    /// Validates the data as `shenbao validate` does, images resolved in the request's folder.
    func validate(_ form: ServedForm, folder: RequestFolder) -> ValidationResult {
        var result = form.spec.validate(data, dataPath: folder.file("data.yaml"))
        result.diagnostics = (problems + result.diagnostics).sorted()
        return result
    }
}
