/// Byte-level edits of PNG files that image editors would not make: for tests of the image reader.
package enum PNGSurgery {
    /// `png` with its IHDR's width and height replaced and the chunk's CRC made right again, so
    /// that only the size is wrong.
    package static func withSize(_ png: [UInt8], width: UInt32, height: UInt32) -> [UInt8] {
        var b = png
        for (i, v) in [(16, width), (20, height)] {
            b[i] = UInt8(v >> 24); b[i + 1] = UInt8(v >> 16 & 255); b[i + 2] = UInt8(v >> 8 & 255); b[i + 3] = UInt8(v & 255)
        }
        var c: UInt32 = 0xFFFF_FFFF
        for byte in b[12..<29] {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        c = ~c
        b[29] = UInt8(c >> 24); b[30] = UInt8(c >> 16 & 255); b[31] = UInt8(c >> 8 & 255); b[32] = UInt8(c & 255)
        return b
    }
}
