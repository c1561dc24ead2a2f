internal import CLibZip
import Foundation
import ShenbaoCore

/// A PNG or JPEG proven whole and of a sane size: the one reader of image files, for validation
/// (an image field's file), filling (the picture placed) and checking (a seal's pixels).
///
/// A PNG is walked chunk by chunk with every CRC checked, its IHDR read, its IDAT stream
/// inflated (through a fixed buffer, nothing kept) to exactly the bytes its rows need, and its
/// IEND found. A JPEG is walked marker by marker through its SOF (the size), every SOS and its
/// entropy-coded data, to the EOI. Sides above `maximumSide` or pixels above `maximumPixels` are
/// refused before anything is inflated.
package struct ImageFile: Sendable, Equatable {
    package enum Format: String, Sendable { case png, jpeg }
    package var format: Format
    package var width: Int
    package var height: Int
    /// An alpha channel (PNG colour types 4 and 6) or a `tRNS` chunk.
    package var hasAlpha: Bool

    /// Longest side accepted, in pixels (a 42 mm seal at 1200 dpi is under 2,000).
    package static let maximumSide = 20_000
    /// Most pixels accepted (40 million: 160 MB decoded as RGBA).
    package static let maximumPixels = 40_000_000

    package init(format: Format, width: Int, height: Int, hasAlpha: Bool = false) {
        self.format = format
        self.width = width
        self.height = height
        self.hasAlpha = hasAlpha
    }

    /// Reads and verifies the image file at `path` (a regular file of at most `InputFile.imageLimit`).
    /// - Returns: the image and its bytes.
    /// - Throws: `InputFileError` when the file cannot be read, `ImageError` when it is not a whole PNG or JPEG.
    package static func read(_ path: String) throws -> (image: ImageFile, bytes: [UInt8]) {
        let bytes = try InputFile.read(path, limit: InputFile.imageLimit, what: "图片")
        return (try ImageFile(bytes: bytes), bytes)
    }

    /// Verifies `bytes` as a PNG or JPEG.
    /// - Throws: `ImageError` saying, in Chinese, what is wrong.
    package init(bytes: [UInt8]) throws {
        if bytes.starts(with: PNGReader.signature) {
            self = try PNGReader(bytes).read()
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            self = try JPEGReader(bytes).read()
        } else {
            throw ImageError.notAnImage
        }
    }

    static func checkSize(_ width: Int, _ height: Int) throws {
        guard width > 0, height > 0 else { throw ImageError("图片尺寸为 \(width)×\(height) 像素，无效") }
        guard width <= maximumSide, height <= maximumSide, width * height <= maximumPixels else {
            throw ImageError("图片有 \(width)×\(height) 像素，超过上限（每边 \(maximumSide) 像素、共 \(maximumPixels / 1_000_000) 百万像素）")
        }
    }
}

/// Why an image file was refused, in Chinese.
package struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    package var reason: String
    package init(_ reason: String) { self.reason = reason }
    /// Neither a PNG nor a JPEG signature.
    package static let notAnImage = ImageError("不是 PNG 或 JPEG 图片")
    package var description: String { reason }
}

/// Walks a PNG's chunks and inflates its image data.
private struct PNGReader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    let b: [UInt8]
    init(_ bytes: [UInt8]) { b = bytes }

    func read() throws -> ImageFile {
        var i = 8
        var header: (width: Int, height: Int, depth: Int, colour: Int, interlaced: Bool)?
        var alpha = false
        var inflater: IDATInflater?
        var idatEnded = false
        while true {
            guard i + 8 <= b.count else { throw ImageError(header == nil ? "PNG 文件不完整：缺少 IHDR" : "PNG 文件不完整：缺少结尾的 IEND（文件被截断？）") }
            let length = Int(be32(i))
            let typeBytes = Array(b[(i + 4)..<(i + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= 0x7FFF_FFFF, typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw ImageError("PNG 文件在第 \(i) 字节处损坏（不是有效的数据块）")
            }
            guard i + 12 + length <= b.count else { throw ImageError("PNG 文件不完整：数据块 \(type) 被截断") }
            let data = i + 8
            let stored = be32(data + length)
            let computed = b.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress! + i + 4, UInt32(4 + length)) & 0xFFFF_FFFF) }
            guard stored == computed else { throw ImageError("PNG 数据块 \(type) 的校验和（CRC）不符，文件已损坏") }
            if header == nil && type != "IHDR" { throw ImageError("PNG 文件损坏：第一个数据块不是 IHDR") }
            switch type {
            case "IHDR":
                guard header == nil, length == 13 else { throw ImageError("PNG 文件损坏：IHDR 无效") }
                let w = Int(be32(data)), h = Int(be32(data + 4))
                try ImageFile.checkSize(w, h)
                let depth = Int(b[data + 8]), colour = Int(b[data + 9])
                let valid: [Int: [Int]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
                guard valid[colour]?.contains(depth) == true, b[data + 10] == 0, b[data + 11] == 0, b[data + 12] <= 1 else {
                    throw ImageError("PNG 文件损坏：IHDR 的位深或颜色类型无效")
                }
                header = (w, h, depth, colour, b[data + 12] == 1)
                alpha = colour == 4 || colour == 6
            case "tRNS":
                alpha = true
            case "IDAT":
                guard let header, !idatEnded else { throw ImageError("PNG 文件损坏：图像数据块 IDAT 不连续") }
                if inflater == nil { inflater = try IDATInflater(expected: Self.rawSize(header)) }
                try inflater!.feed(b, from: data, count: length)
            case "IEND":
                guard let header else { throw ImageError("PNG 文件损坏") }
                guard let inflater else { throw ImageError("PNG 文件没有图像数据（IDAT）") }
                try inflater.finish()
                return ImageFile(format: .png, width: header.width, height: header.height, hasAlpha: alpha)
            default:
                break
            }
            if inflater != nil && type != "IDAT" { idatEnded = true }
            i += 12 + length
        }
    }

    /// Bytes the filtered rows take: per row one filter byte and the packed pixels; for Adam7,
    /// the seven passes' rows.
    static func rawSize(_ h: (width: Int, height: Int, depth: Int, colour: Int, interlaced: Bool)) -> Int {
        let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][h.colour] ?? 1
        func rows(_ w: Int, _ hh: Int) -> Int { w == 0 || hh == 0 ? 0 : hh * (1 + (w * channels * h.depth + 7) / 8) }
        guard h.interlaced else { return rows(h.width, h.height) }
        let passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        return passes.reduce(0) { sum, p in
            sum + rows((h.width - p.0 + p.2 - 1) / p.2, (h.height - p.1 + p.3 - 1) / p.3)
        }
    }

    private func be32(_ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
}

/// Inflates a PNG's zlib stream through a fixed buffer, counting the bytes it gives.
private final class IDATInflater {
    private var stream = z_stream()
    private let expected: Int
    private var produced = 0
    private var ended = false
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(expected: Int) throws {
        self.expected = expected
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ImageError("无法解压 PNG 图像数据")
        }
    }

    deinit { inflateEnd(&stream) }

    func feed(_ bytes: [UInt8], from offset: Int, count: Int) throws {
        guard count > 0 else { return }
        guard !ended else { throw ImageError("PNG 图像数据在压缩流结束后还有多余内容") }
        try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + offset)
            stream.avail_in = UInt32(count)
            while stream.avail_in > 0 && !ended {
                let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let s = inflate(&stream, Z_NO_FLUSH)
                    produced += out.count - Int(stream.avail_out)
                    return s
                }
                if produced > expected { throw ImageError("PNG 图像数据多于图片尺寸所需，文件已损坏") }
                if status == Z_STREAM_END { ended = true; break }
                guard status == Z_OK else { throw ImageError("PNG 图像数据无法解压，文件已损坏") }
            }
            stream.next_in = nil
        }
    }

    func finish() throws {
        guard ended, produced == expected else {
            throw ImageError("PNG 图像数据不完整（解出 \(produced) 字节，应有 \(expected) 字节），文件被截断或已损坏")
        }
    }
}

/// Walks a JPEG's markers from SOI through SOF and every scan to EOI.
private struct JPEGReader {
    let b: [UInt8]
    init(_ bytes: [UInt8]) { b = bytes }

    func read() throws -> ImageFile {
        var i = 2
        var size: (Int, Int)?
        var scans = 0
        while true {
            guard i + 1 < b.count else { throw ImageError("JPEG 文件不完整：缺少结尾标记 EOI（文件被截断？）") }
            guard b[i] == 0xFF else { throw ImageError("JPEG 文件在第 \(i) 字节处损坏（应为标记）") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD9 {
                guard let size, scans > 0 else { throw ImageError("JPEG 文件没有图像数据") }
                return ImageFile(format: .jpeg, width: size.0, height: size.1)
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            guard marker != 0x00, marker != 0xD8 else { throw ImageError("JPEG 文件在第 \(i) 字节处损坏") }
            guard i + 4 <= b.count else { throw ImageError("JPEG 文件不完整") }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { throw ImageError("JPEG 文件不完整：段 0x\(String(marker, radix: 16, uppercase: true)) 被截断") }
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard length >= 8 else { throw ImageError("JPEG 文件损坏：SOF 段太短") }
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                try ImageFile.checkSize(w, h)
                size = (w, h)
            }
            i += 2 + length
            if marker == 0xDA {
                guard size != nil else { throw ImageError("JPEG 文件损坏：图像数据在尺寸信息（SOF）之前") }
                scans += 1
                // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
                while i + 1 < b.count {
                    if b[i] == 0xFF && b[i + 1] != 0x00 && !(0xD0...0xD7).contains(b[i + 1]) { break }
                    i += 1
                }
            }
        }
    }
}
