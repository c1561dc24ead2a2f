/// Kind, pixel size and transparency of a PNG or JPEG, read from its header bytes only (PNG
/// IHDR and any tRNS before IDAT; JPEG's first SOF marker). The one reader of image headers:
/// fill sizes and names pictures with it, check reads placed pictures with it.
package struct ImageHeader: Sendable, Equatable {
    package enum Format: String, Sendable { case png, jpeg }

    package var format: Format
    package var width: Int
    package var height: Int
    /// An alpha channel (PNG colour types 4 and 6) or a tRNS chunk; JPEG never.
    package var hasAlpha: Bool

    package init(format: Format, width: Int, height: Int, hasAlpha: Bool = false) {
        self.format = format
        self.width = width
        self.height = height
        self.hasAlpha = hasAlpha
    }

    /// The header of `bytes`, or nil when they are not a PNG or JPEG with a positive size.
    package init?(_ b: [UInt8]) {
        if b.count >= 26, b[0] == 0x89, b[1] == 0x50, b[2] == 0x4E, b[3] == 0x47 {
            let w = Self.bigEndian(b, 16), h = Self.bigEndian(b, 20)
            guard w > 0, h > 0 else { return nil }
            let colorType = b[25]
            self.init(format: .png, width: w, height: h, hasAlpha: colorType == 4 || colorType == 6 || Self.pngHasTransparencyChunk(b))
            return
        }
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { i += 1; continue }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                guard w > 0, h > 0 else { return nil }
                self.init(format: .jpeg, width: w, height: h)
                return
            }
            i += 2 + length
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
            guard length >= 0, length < b.count else { return false }
            i += 12 + length
        }
        return false
    }
}
