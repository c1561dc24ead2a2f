import Foundation
import ShenbaoCore

/// An image sent with a request, as a data URL (`data:image/png;base64,…`) or a multipart file,
/// checked as the command line's images are and more: PNG or JPEG by content, a readable pixel
/// size within the limits, and not larger than `ServeLimits.maximumImage`.
struct UploadedImage {
    enum Format: String { case png, jpeg }
    let bytes: [UInt8]
    let format: Format
    let width: Int
    let height: Int

    /// The file extension the image is written with.
    var fileExtension: String { format == .png ? "png" : "jpg" }

    /// Whether `text` is a data URL (the form's uploads are sent so).
    static func isDataURL(_ text: String) -> Bool { text.hasPrefix("data:") }

    /// Decodes a base64 data URL.
    /// - Throws: `ImageProblem` when it is not base64, not an image, or too large.
    static func decode(dataURL text: String, limits: ServeLimits) throws(ImageProblem) -> UploadedImage {
        guard let comma = text.firstIndex(of: ","), text[..<comma].hasSuffix(";base64") else {
            throw ImageProblem(code: .imageInvalid, message: "图片应为 base64 编码的 data URL（data:image/png;base64,…）")
        }
        let payload = text[text.index(after: comma)...]
        guard payload.utf8.count / 4 * 3 <= limits.maximumImage + 3 else { throw tooLarge(limits) }
        guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters) else {
            throw ImageProblem(code: .imageInvalid, message: "图片的 base64 编码有误")
        }
        return try check([UInt8](data), limits: limits)
    }

    /// Checks the bytes of an uploaded file.
    /// - Throws: `ImageProblem` when they are not a PNG or JPEG of sane size.
    static func check(_ bytes: [UInt8], limits: ServeLimits) throws(ImageProblem) -> UploadedImage {
        guard bytes.count <= limits.maximumImage else { throw tooLarge(limits) }
        guard let (format, width, height) = header(bytes) else {
            throw ImageProblem(code: .notAnImage, message: "不是 PNG 或 JPEG 图片（或文件不完整）")
        }
        guard width <= limits.maximumImageSide, height <= limits.maximumImageSide else {
            throw ImageProblem(code: .imageTooLarge, message: "图片 \(width)×\(height) 像素，超过上限 \(limits.maximumImageSide) 像素")
        }
        if format == .png && !bytes.suffix(12).starts(with: [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44]) {
            throw ImageProblem(code: .notAnImage, message: "PNG 图片不完整（缺少结尾的 IEND 块）")
        }
        if format == .jpeg && !(bytes.suffix(2) == [0xFF, 0xD9]) {
            throw ImageProblem(code: .notAnImage, message: "JPEG 图片不完整（缺少结尾标记）")
        }
        return UploadedImage(bytes: bytes, format: format, width: width, height: height)
    }

    private static func tooLarge(_ limits: ServeLimits) -> ImageProblem {
        ImageProblem(code: .imageTooLarge, message: "图片超过上限 \(limits.maximumImage / 1024 / 1024) MB")
    }

    /// Format and pixel size from a PNG's IHDR or a JPEG's SOF marker.
    private static func header(_ b: [UInt8]) -> (Format, Int, Int)? {
        if b.count >= 33, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), b[12...15] == [0x49, 0x48, 0x44, 0x52] {
            let w = Int(b[16]) << 24 | Int(b[17]) << 16 | Int(b[18]) << 8 | Int(b[19])
            let h = Int(b[20]) << 24 | Int(b[21]) << 16 | Int(b[22]) << 8 | Int(b[23])
            return w > 0 && h > 0 ? (.png, w, h) : nil
        }
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return w > 0 && h > 0 ? (.jpeg, w, h) : nil
            }
            i += 2 + length
        }
        return nil
    }
}

/// Why an uploaded image was refused.
struct ImageProblem: Error {
    let code: DiagnosticCode
    let message: String
}
