/// Edits a zip file's headers in place, the way damage or tampering would: for tests of the
/// package reader (a flipped CRC, a duplicated name, a lying size). Every edit is applied to the
/// entry's local header and its central directory record alike.
package enum ZipSurgery {
    /// Offsets of the local header and central record of every entry named `name`.
    static func records(of name: String, in zip: [UInt8]) -> [(local: Int, central: Int)] {
        let nameBytes = Array(name.utf8)
        var found: [(Int, Int)] = []
        var i = 0
        while i + 46 <= zip.count {
            if zip[i] == 0x50, zip[i + 1] == 0x4B, zip[i + 2] == 0x01, zip[i + 3] == 0x02 {
                let nameLength = Int(zip[i + 28]) | Int(zip[i + 29]) << 8
                let local = Int(zip[i + 42]) | Int(zip[i + 43]) << 8 | Int(zip[i + 44]) << 16 | Int(zip[i + 45]) << 24
                if i + 46 + nameLength <= zip.count, Array(zip[(i + 46)..<(i + 46 + nameLength)]) == nameBytes {
                    found.append((local, i))
                }
                i += 46
            } else {
                i += 1
            }
        }
        return found
    }

    /// `zip` with the CRC-32 recorded for `name` changed (its data untouched).
    package static func flippingCRC(of name: String, in zip: [UInt8]) -> [UInt8] {
        var b = zip
        for r in records(of: name, in: zip) {
            b[r.local + 14] ^= 0xFF
            b[r.central + 16] ^= 0xFF
        }
        return b
    }

    /// `zip` with the entry named `name` renamed to `newName` (same length in bytes).
    package static func renaming(_ name: String, to newName: String, in zip: [UInt8]) -> [UInt8] {
        precondition(name.utf8.count == newName.utf8.count)
        var b = zip
        let bytes = Array(newName.utf8)
        for r in records(of: name, in: zip) {
            for (k, byte) in bytes.enumerated() {
                b[r.local + 30 + k] = byte
                b[r.central + 46 + k] = byte
            }
        }
        return b
    }

    /// `zip` with the uncompressed size recorded for `name` set to `size` (a lie when smaller).
    package static func declaring(size: UInt32, for name: String, in zip: [UInt8]) -> [UInt8] {
        var b = zip
        for r in records(of: name, in: zip) {
            for k in 0..<4 {
                b[r.local + 22 + k] = UInt8(truncatingIfNeeded: size >> (8 * k))
                b[r.central + 24 + k] = UInt8(truncatingIfNeeded: size >> (8 * k))
            }
        }
        return b
    }
}
