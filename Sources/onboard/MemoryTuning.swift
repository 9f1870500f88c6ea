#if canImport(Glibc)
  import Glibc
#endif

/// The C allocator's settings for a run that allocates and frees a hire's documents over and
/// over (glibc only; elsewhere nothing changes).
///
/// By default glibc gives memory back to the kernel as soon as 128 KiB are free at the top of
/// the heap, and serves a block of 128 KiB or more (a plan page, a calendar) from a fresh
/// mapping that it unmaps when freed, raising that limit as it goes. A batch frees such blocks
/// for every hire, so the same memory was returned and faulted back in thousands of times: a
/// 1,000-hire batch took 84,000 page faults, 49,000 with these settings (about its peak memory
/// in pages), and 0.1–0.3 s less system time; its peak memory measured the same (about 225 MB),
/// the freed blocks being reused for the next hire's.
enum MemoryTuning {
  static func apply() {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which the Glibc module does not import: looked up
      // by name, with its parameters' numbers from that header.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let (trimThreshold, topPad, mmapThreshold): (Int32, Int32, Int32) = (-1, -2, -3)
      // Blocks up to 32 MiB (where glibc's own sliding threshold stops on 64-bit) come from a
      // heap, which keeps up to 256 MiB free at its top and asks the kernel for 64 MiB more at a
      // time (the worker threads' heaps are reserved in 64 MiB regions anyway; untouched pages
      // cost nothing).
      _ = mallopt(mmapThreshold, 32 << 20)
      _ = mallopt(trimThreshold, 256 << 20)
      _ = mallopt(topPad, 64 << 20)
    #endif
  }
}
