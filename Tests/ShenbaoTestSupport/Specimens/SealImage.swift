/// A red seal drawn in code as an RGBA PNG with a transparent background: the stamp the fill
/// stage places, for tests and benchmarks that must not depend on image files.
package enum SealImage {
    /// A red ring with a solid star-like centre, `pixels` wide and high, transparent elsewhere.
    package static func redRing(pixels: Int = 240) -> [UInt8] {
        var rgba = [UInt8](repeating: 0, count: pixels * pixels * 4)
        let centre = Double(pixels) / 2
        for y in 0..<pixels {
            for x in 0..<pixels {
                let dx = Double(x) + 0.5 - centre
                let dy = Double(y) + 0.5 - centre
                let distance = (dx * dx + dy * dy).squareRoot()
                let inRing = distance <= centre - 1 && distance >= centre * 0.88
                let inCentre = distance <= centre * 0.22
                guard inRing || inCentre else { continue }
                let i = (y * pixels + x) * 4
                rgba[i] = 214
                rgba[i + 1] = 24
                rgba[i + 2] = 24
                rgba[i + 3] = inRing ? 235 : 200
            }
        }
        return PNGWriter.rgba(width: pixels, height: pixels, pixels: rgba)
    }
}

/// Writes 8-bit RGBA PNG files without zlib: the image data goes into stored (uncompressed)
/// deflate blocks, which every PNG reader accepts.
package enum PNGWriter {
    /// A PNG of `width` × `height` pixels given row by row as R, G, B, A bytes.
    package static func rgba(width: Int, height: Int, pixels: [UInt8]) -> [UInt8] {
        precondition(pixels.count == width * height * 4, "pixels must hold width × height × 4 bytes")
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 4 + 1) * height)
        for row in 0..<height {
            raw.append(0)  // filter type None
            raw += pixels[(row * width * 4)..<((row + 1) * width * 4)]
        }
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 6, 0, 0, 0]  // 8 bits, RGBA, deflate, no filter method, no interlace
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", storedZlib(raw)) + chunk("IEND", [])
    }

    private static func storedZlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
