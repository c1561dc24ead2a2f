/// Pixel size and transparency of a PNG or JPEG, read from its header bytes only.
struct ImageHeader: Equatable {
    var width: Int
    var height: Int
    var hasAlpha: Bool

    init?(_ bytes: [UInt8]) {
        if bytes.count >= 33, bytes[0] == 0x89, bytes[1] == 0x50, bytes[2] == 0x4E, bytes[3] == 0x47 {
            width = Self.bigEndian(bytes, 16)
            height = Self.bigEndian(bytes, 20)
            let colorType = bytes[25]
            hasAlpha = colorType == 4 || colorType == 6 || Self.pngHasTransparencyChunk(bytes)
            return
        }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            var i = 2
            while i + 9 < bytes.count {
                guard bytes[i] == 0xFF else { return nil }
                let marker = bytes[i + 1]
                let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
                if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                    height = Int(bytes[i + 5]) << 8 | Int(bytes[i + 6])
                    width = Int(bytes[i + 7]) << 8 | Int(bytes[i + 8])
                    hasAlpha = false
                    return
                }
                i += 2 + length
            }
        }
        return nil
    }

    private static func bigEndian(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }

    private static func pngHasTransparencyChunk(_ b: [UInt8]) -> Bool {
        var i = 8
        while i + 8 <= b.count {
            let length = bigEndian(b, i)
            let type = (b[i + 4], b[i + 5], b[i + 6], b[i + 7])
            if type == (0x74, 0x52, 0x4E, 0x53) { return true }  // tRNS
            if type == (0x49, 0x44, 0x41, 0x54) { return false }  // IDAT: tRNS must come before
            i += 12 + length
        }
        return false
    }
}
