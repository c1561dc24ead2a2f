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
/// - The heap grows in one step of `reserve` bytes (`M_TOP_PAD`), and for a large fill the kernel
///   is asked to back that step with 2 MB pages where it can (`MADV_HUGEPAGE`, `adviseHugePages`):
///   one fault instead of 512. A touched 2 MB page counts whole towards the command's memory.
///
/// Not for `shenbao serve`: a server should give memory back.
enum ProcessMemory {
    /// The part of the heap grown for the command, 2 MB aligned, for `adviseHugePages`.
    nonisolated(unsafe) private static var reserved: (start: UInt, end: UInt)?

    /// Data files at least this large are worth 2 MB pages (about 2,300 rows of a personnel
    /// table): below it a fill touches so little that whole 2 MB pages would cost more memory
    /// (3.5 MB more at 1,000 rows) than the faults they save (0.6 ms).
    static let largeData = 512 << 10

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
        if end > start { reserved = (start, end) }
        #endif
    }

    /// Asks for 2 MB pages on the heap grown by `tuneForOneShotCommand`, for a command about to
    /// write much memory once (a fill of `largeData` or more). Pages already touched stay as they are.
    static func adviseHugePages() {
        #if canImport(Glibc)
        guard let (start, end) = reserved, let region = UnsafeMutableRawPointer(bitPattern: start) else { return }
        // Advice only: on a kernel without transparent huge pages this fails and nothing changes.
        _ = madvise(region, Int(end - start), MADV_HUGEPAGE)
        #endif
    }
}
