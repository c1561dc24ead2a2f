import ShenbaoCore
import Testing

/// The data digest in every DOCX and PDF is SHA-256: checked against NIST's test vectors
/// (FIPS 180-4 examples, csrc.nist.gov "SHA256.pdf" and the NESSIE million-"a" message).
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVector(message: String, expected: String) {
        #expect(SHA256.hex(Array(message.utf8)) == expected)
    }

    @Test func oneMillionA() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Fed in pieces of every size from 1 to 130 bytes, the digest is the one of the whole.
    @Test func piecesGiveTheDigestOfTheWhole() {
        let message = [UInt8]((0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let whole = SHA256.digest(message)
        for size in 1...130 {
            var hasher = SHA256()
            var i = 0
            while i < message.count {
                hasher.update(message[i..<min(i + size, message.count)])
                i += size
            }
            #expect(hasher.finalize() == whole, "pieces of \(size) bytes")
        }
    }
}
