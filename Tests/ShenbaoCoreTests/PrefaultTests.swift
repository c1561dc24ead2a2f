import Testing

@testable import ShenbaoCore

/// Pages faulted in on another core while the buffer is written keep what the writer wrote.
@Suite struct PrefaultTests {
    @Test func aBufferFilledWhileItsPagesAreFaultedInHoldsWhatWasWritten() {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 << 20)
        bytes.append(contentsOf: [1, 2, 3])
        Prefault.inBackground(&bytes, from: bytes.count, to: 12 << 20)
        for k in 0..<(12 << 20) - 3 { bytes.append(UInt8(truncatingIfNeeded: k &* 31 &+ 7)) }
        #expect(bytes.count == 12 << 20)
        #expect(bytes.prefix(3) == [1, 2, 3])
        var wrong = 0
        for k in 3..<bytes.count where bytes[k] != UInt8(truncatingIfNeeded: (k - 3) &* 31 &+ 7) { wrong += 1 }
        #expect(wrong == 0)
    }

    @Test func smallAndOutOfRangeSpansAreLeftAlone() {
        var bytes = [UInt8](repeating: 9, count: 100)
        Prefault.inBackground(&bytes, from: 0, to: 100)
        Prefault.inBackground(&bytes, from: 50, to: 10 << 20)
        #expect(bytes == [UInt8](repeating: 9, count: 100))
    }
}
