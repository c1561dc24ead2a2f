import Foundation
import ShenbaoCore
import ShenbaoData

/// Writes a submission's images into its request folder and puts their file names in the data.
///
/// An image field's value is a data URL (the web form), or the field's dotted key names a
/// multipart file part; either is checked (`UploadedImage`) and written as `<key>.png`/`.jpg`,
/// a name made from the spec's key, never from the request. Any other value (a path, as a data
/// file on disk would have) is refused: nothing a request says reaches the file system.
struct ImageFiles {
    let spec: FormSpec
    let folder: RequestFolder
    let limits: ServeLimits
    let uploads: [String: MultipartBody.Part]
    /// Keep a file name as it is, with a warning (a data file loaded to continue filling).
    let keepPaths: Bool
    private(set) var problems: [Diagnostic] = []

    init(spec: FormSpec, folder: RequestFolder, limits: ServeLimits, uploads: [String: MultipartBody.Part], keepPaths: Bool = false) {
        self.keepPaths = keepPaths
        self.spec = spec
        self.folder = folder
        self.limits = limits
        self.uploads = uploads
    }

    mutating func place(in data: DataValue) -> DataValue {
        var data = place(fields: spec.fields, in: data, path: [], label: "")
        // File parts for top-level fields the data leaves out.
        if var map = data.map {
            for field in spec.fields where field.type == .image && map[field.key] == nil {
                if let part = uploads[field.key], let name = write(part.bytes, decoded: false, field: field, path: [field.key], label: field.label, at: nil) {
                    map[field.key] = .string(name)
                }
            }
            data = DataValue(.map(map), at: data.location)
        }
        for name in uploads.keys where spec.field(atPath: name.split(separator: ".").map(String.init).filter { Int($0) == nil })?.type != .image {
            problems.append(.error(.unknownUpload, label: name, "表中没有名为「\(name)」的图片字段，这个上传的文件未使用"))
        }
        return data
    }

    private mutating func place(fields: [FieldSpec], in value: DataValue, path: [String], label: String) -> DataValue {
        guard var map = value.map else { return value }
        for field in fields {
            guard let child = map[field.key] else { continue }
            let childPath = path + [field.key]
            switch field.type {
            case .group:
                map[field.key] = place(fields: field.fields, in: child, path: childPath, label: label + field.label)
            case .table:
                guard let rows = child.list else { continue }
                let placed = rows.enumerated().map { n, row in
                    place(fields: field.columns, in: row, path: childPath + [String(n + 1)], label: "\(label)\(field.label)第\(n + 1)行")
                }
                map[field.key] = DataValue(.list(placed), at: child.location)
            case .image:
                map[field.key] = image(field, child, path: childPath, label: label + field.label)
            default:
                continue
            }
        }
        return DataValue(.map(map), at: value.location)
    }

    /// The value to keep for one image field: the written file's name, or nil (the key left out)
    /// when refused.
    private mutating func image(_ field: FieldSpec, _ value: DataValue, path: [String], label: String) -> DataValue? {
        let dotted = path.joined(separator: ".")
        if let part = uploads[dotted] {
            return write(part.bytes, decoded: false, field: field, path: path, label: label, at: value.location).map { .string($0, at: value.location) } 
        }
        guard let text = value.text, !text.isEmpty else { return value }
        if keepPaths && !UploadedImage.isDataURL(text) {
            problems.append(.warning(.imageNotUploaded, at: value.location, label: label, "数据文件引用了图片「\(text)」：请重新选择该图片文件"))
            return value
        }
        guard UploadedImage.isDataURL(text) else {
            problems.append(.error(
                .imageNotUploaded, at: value.location, label: label,
                "「\(text)」未随数据上传：请在表单中选择图片文件（接口中以 data URL 或 multipart 文件部分「\(dotted)」发送）"))
            return nil
        }
        return write(Array(text.utf8), decoded: true, field: field, path: path, label: label, at: value.location)
            .map { .string($0, at: value.location) }
    }

    /// Checks and writes one image; returns its file name, or nil with a problem recorded.
    private mutating func write(_ bytes: [UInt8], decoded isDataURL: Bool, field: FieldSpec, path: [String], label: String, at location: SourceLocation?) -> String? {
        let image: UploadedImage
        do {
            image = isDataURL
                ? try UploadedImage.decode(dataURL: String(decoding: bytes, as: UTF8.self), limits: limits)
                : try UploadedImage.check(bytes, limits: limits)
        } catch {
            problems.append(.error(error.code, at: location, label: label, error.message))
            return nil
        }
        let name = Self.fileName(path) + "." + image.fileExtension
        do {
            try Data(image.bytes).write(to: URL(fileURLWithPath: folder.file(name)))
        } catch {
            problems.append(.error(.cannotWriteOutput, at: location, label: label, "无法保存上传的图片"))
            return nil
        }
        return name
    }

    /// `公章`, `联系人-签名`, `人员-2-照片`: letters, digits, `-` and `_` of the spec's keys only.
    static func fileName(_ path: [String]) -> String {
        let joined = path.joined(separator: "-")
        let kept = String(joined.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }.map(Character.init))
        return kept.isEmpty || kept.count > 80 ? "image" : kept
    }
}
