#if canImport(Glibc)
import Glibc
#endif

/// Has the kernel fault in the pages of a buffer about to be written, on another core.
///
/// A fresh page is zeroed by the kernel at its first write: for the 8 MB a 5,000-row document
/// renders into, that zeroing was a third of the rendering's time on the rendering core
/// (docs/bench-fill.md). `MADV_POPULATE_WRITE` (Linux 5.14) faults the pages in without touching
/// their contents, so it can run beside the writer: the writer then finds them present. Where the
/// kernel does not know it, nothing happens.
package enum Prefault {
    /// Spans smaller than this are not worth a thread.
    package static let minimum = 1 << 20

    /// Starts faulting in bytes `from..<to` of `buffer`'s reserved capacity on another core.
    package static func inBackground(_ buffer: inout [UInt8], from: Int, to: Int) {
        #if canImport(Glibc)
        let end = min(to, buffer.capacity)
        guard end - from >= minimum else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = buffer.withUnsafeMutableBufferPointer { UInt(bitPattern: $0.baseAddress) }
        guard address != 0 else { return }
        let first = (address + UInt(from) + UInt(page - 1)) & ~UInt(page - 1)
        let last = (address + UInt(end)) & ~UInt(page - 1)
        guard last > first else { return }
        // The kernel only maps pages of our own heap here: no Swift access to the buffer, so no race with its writer.
        _ = BackgroundWork { () -> Int32 in
            guard let region = UnsafeMutableRawPointer(bitPattern: first) else { return -1 }
            return madvise(region, Int(last - first), 23 /* MADV_POPULATE_WRITE */)
        }
        #endif
    }
}
