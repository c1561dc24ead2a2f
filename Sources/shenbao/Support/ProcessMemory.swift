#if canImport(Glibc)
import CGlibcMalloc
import Glibc
#endif

/// How a command that runs once and exits asks glibc for memory (docs/bench-fill.md, Memory).
///
/// A fill of 5,000 rows touches about 40 MB once: the document it renders, the archive it
/// compresses, the data tree. By default glibc gives every buffer over 128 KB a fresh `mmap`,
/// so each growth of the rendered document faults its pages in again, 4 KB at a time, and a page
/// fault costs microseconds on a virtual machine. Measured on that fill: 5,671 faults and 51.5 ms
/// by default, 1,245 faults and 44 ms tuned like this.
///
/// - Large buffers come from the one heap, so memory freed by a growing buffer is reused, not
///   unmapped and faulted in again (`M_MMAP_THRESHOLD`, `M_TRIM_THRESHOLD`).
/// - Every thread allocates from that heap (`M_ARENA_MAX`): the digest computed on the second
///   core does not start an arena of its own.
/// - The heap grows in one step of `reserve` bytes (`M_TOP_PAD`), and the kernel is asked to back
///   that step with 2 MB pages where it can (`MADV_HUGEPAGE`): one fault instead of 512. Only the
///   pages a command touches count towards its memory.
///
/// Not for `shenbao serve`: a server should give memory back.
enum ProcessMemory {
    /// Tunes the allocator as above; call it once, early, before the command's large allocations.
    static func tuneForOneShotCommand(reserve: Int = 64 << 20) {
        #if canImport(Glibc)
        let hugePage = 2 << 20
        _ = mallopt(M_ARENA_MAX, 1)
        _ = mallopt(M_MMAP_THRESHOLD, Int32(256 << 20))
        _ = mallopt(M_TRIM_THRESHOLD, Int32(512 << 20))
        _ = mallopt(M_TOP_PAD, Int32(reserve))
        guard let before = sbrk(0) else { return }
        // A block larger than what is left at the heap's top makes glibc grow it by `reserve`.
        // (`malloc_usable_size` keeps the optimiser from removing the malloc and free as unused.)
        guard let block = malloc(4 << 20), malloc_usable_size(block) > 0 else { return }
        free(block)
        guard let after = sbrk(0) else { return }
        let start = (UInt(bitPattern: before) + UInt(hugePage - 1)) & ~UInt(hugePage - 1)
        let end = UInt(bitPattern: after) & ~UInt(hugePage - 1)
        guard end > start, let region = UnsafeMutableRawPointer(bitPattern: start) else { return }
        // Advice only: on a kernel without transparent huge pages this fails and nothing changes.
        _ = madvise(region, Int(end - start), MADV_HUGEPAGE)
        #endif
    }
}
