import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// An image sent with a request, as a data URL (`data:image/png;base64,…`) or a multipart file,
/// checked as the command line's images are (`ImageFile`: a whole PNG or JPEG) and within the
/// server's limits (`ServeLimits.maximumImage` bytes, `maximumImageSide` pixels).
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

    /// Checks the bytes of an uploaded file with the one image reader (`ImageFile`: every PNG
    /// chunk's CRC and its pixel data, a JPEG's markers to its end), then the server's limits.
    /// - Throws: `ImageProblem` when they are not a whole PNG or JPEG of sane size.
    static func check(_ bytes: [UInt8], limits: ServeLimits) throws(ImageProblem) -> UploadedImage {
        guard bytes.count <= limits.maximumImage else { throw tooLarge(limits) }
        let image: ImageFile
        do {
            image = try ImageFile(bytes: bytes)
        } catch let error as ImageError {
            throw error == .notAnImage
                ? ImageProblem(code: .notAnImage, message: error.reason)
                : ImageProblem(code: .brokenImage, message: error.reason)
        } catch {
            throw ImageProblem(code: .brokenImage, message: "\(error)")
        }
        guard image.width <= limits.maximumImageSide, image.height <= limits.maximumImageSide else {
            throw ImageProblem(code: .imageTooLarge, message: "图片 \(image.width)×\(image.height) 像素，超过上限 \(limits.maximumImageSide) 像素")
        }
        return UploadedImage(bytes: bytes, format: image.format == .png ? .png : .jpeg, width: image.width, height: image.height)
    }

    private static func tooLarge(_ limits: ServeLimits) -> ImageProblem {
        ImageProblem(code: .imageTooLarge, message: "图片超过上限 \(limits.maximumImage / 1024 / 1024) MB")
    }
}

/// Why an uploaded image was refused.
struct ImageProblem: Error {
    let code: DiagnosticCode
    let message: String
}
