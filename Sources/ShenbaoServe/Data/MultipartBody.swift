import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts: name, file name, content type
/// and bytes. Headers other than Content-Disposition and Content-Type are ignored.
struct MultipartBody {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var bytes: [UInt8]
    }

    /// Most parts a body may have.
    static let maximumParts = 64

    let parts: [Part]

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Splits `body` at `boundary`.
    /// - Throws: `MultipartError` for a body without its closing boundary, a part without a name,
    ///   or too many parts.
    init(_ body: [UInt8], boundary: String) throws(MultipartError) {
        let delimiter = Array("--\(boundary)".utf8)
        let starts = Self.occurrences(of: delimiter, in: body)
        guard starts.count >= 2 else { throw MultipartError("multipart 正文没有分隔符 --\(boundary)") }
        guard starts.count - 1 <= Self.maximumParts else { throw MultipartError("multipart 正文超过 \(Self.maximumParts) 个部分") }
        var parts: [Part] = []
        for (start, end) in zip(starts, starts.dropFirst()) {
            var from = start + delimiter.count
            if body[from..<min(from + 2, body.count)].elementsEqual([0x2D, 0x2D]) { break }
            if body[from..<min(from + 2, body.count)].elementsEqual([0x0D, 0x0A]) { from += 2 }
            // The part ends before the CRLF that precedes the next delimiter.
            let to = end >= 2 && body[end - 2] == 0x0D && body[end - 1] == 0x0A ? end - 2 : end
            guard from <= to else { throw MultipartError("multipart 正文格式有误") }
            parts.append(try Self.part(body[from..<to]))
        }
        let last = starts.last! + delimiter.count
        guard body[last..<min(last + 2, body.count)].elementsEqual([0x2D, 0x2D]) else {
            throw MultipartError("multipart 正文不完整（缺少结尾分隔符）")
        }
        self.parts = parts
    }

    private static func part(_ bytes: ArraySlice<UInt8>) throws(MultipartError) -> Part {
        guard let split = occurrences(of: [0x0D, 0x0A, 0x0D, 0x0A], in: Array(bytes)).first else {
            throw MultipartError("multipart 部分缺少头部")
        }
        let head = String(decoding: bytes.prefix(split), as: UTF8.self)
        var name: String?
        var fileName: String?
        var contentType: String?
        for line in head.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            switch pair[0].lowercased() {
            case "content-disposition":
                name = parameter("name", in: value)
                fileName = parameter("filename", in: value)
            case "content-type": contentType = value
            default: break
            }
        }
        guard let name, !name.isEmpty else { throw MultipartError("multipart 部分缺少 name") }
        return Part(name: name, fileName: fileName, contentType: contentType, bytes: Array(bytes.dropFirst(split + 4)))
    }

    /// `key="value"` in a header value.
    private static func parameter(_ key: String, in value: String) -> String? {
        for item in value.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            let v = pair[1]
            return v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 ? String(v.dropFirst().dropLast()) : v
        }
        return nil
    }

    /// Start offsets of `needle` in `haystack`, not overlapping.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        var i = 0
        let first = needle[0]
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) {
                found.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return found
    }
}

/// A multipart body that cannot be split.
struct MultipartError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
