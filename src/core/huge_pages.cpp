#include "core/huge_pages.hpp"

// First: a C++ header names the C library (__GLIBC__), which the test below needs.
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
// Linux 6.1's, which glibc 2.36's headers do not name yet.
#if !defined(MADV_COLLAPSE)
#define MADV_COLLAPSE 25
#endif
#endif

namespace copydesk {

void advise_huge_pages() {
#if defined(__GLIBC__) && defined(__linux__)
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    // glibc's heaps for threads other than the main one: mappings of HEAP_MAX_SIZE (twice the
    // largest mmap threshold, 64 MiB on 64-bit), aligned to that size, whose pages are made
    // usable as the heap grows. Advice given for the whole mapping holds as it grows.
    constexpr std::uintptr_t kThreadHeap = std::uintptr_t{2} * 4 * 1024 * 1024 * sizeof(long);
    // A transparent huge page on x86-64 (and on arm64 with 4 KiB pages).
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} * 1024 * 1024;
    // A small block shows which heap the thread allocates from: the main heap lies below the
    // program break, the others are mapped far above it.
    void* const small = std::malloc(64);
    if (small == nullptr) return;
    const auto at = reinterpret_cast<std::uintptr_t>(small);
    std::free(small);
    const std::uintptr_t top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    if (at >= top) {
        void* const heap = reinterpret_cast<void*>(at & ~(kThreadHeap - 1));
        (void)madvise(heap, kThreadHeap, MADV_HUGEPAGE);
        // The heap's first huge page was touched before the advice (the heap's and the arena's
        // headers, the block above), so touching more of it would still map 4 KiB a time: made
        // one huge page now, where the kernel can (since Linux 6.1; not where that stretch is
        // not yet all usable, which it is once M_TOP_PAD is raised: see core/memory.cpp). A
        // start-up's threads took about 460 fewer page faults, a quarter of its CPU time.
        (void)madvise(heap, kHugePage, MADV_COLLAPSE);
        return;
    }
    // The main heap: a block big enough to make it grow (by M_TOP_PAD past the block, when
    // the mmap threshold is above the block's size), so that the stretch it grows by exists to
    // be advised; the block goes back to the heap at once.
    void* const probe = std::malloc(std::size_t{1} << 20);
    // Seen by nothing else: without this, the compiler may leave out both calls.
    asm volatile("" : : "r"(probe) : "memory");
    // Where the heap's free top starts once the block is back: an address, not a pointer to
    // use (the empty asm tells the compiler so).
    auto free_top = reinterpret_cast<std::uintptr_t>(probe);
    asm volatile("" : "+r"(free_top));
    std::free(probe);
    const std::uintptr_t grown = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t begin = (top + page - 1) & ~(page - 1);
    const std::uintptr_t end = grown & ~(page - 1);
    if (end <= begin) return;
    (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    // malloc wrote past the block (where the heap's free top began), within the first whole
    // huge page of the stretch or before it, before the advice: as in a thread's heap, that huge
    // page is made now. The corpus run took 512 page faults there, one for each small page.
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    if (first + kHugePage <= end) {
        (void)madvise(reinterpret_cast<void*>(first), kHugePage, MADV_COLLAPSE);
    }
    // Below `first` the heap shares a huge page with what lies before it, so it stays in small
    // pages: one block, held for good and never touched, fills it, and the heap grows from
    // `first` (the corpus run: 310 page faults instead of 630-800, as the heap's randomized
    // start fell; one article: 254 instead of 331).
    if (free_top + 64 < first && first < end) {
        static void* const filler = std::malloc(first - free_top - 32);
        asm volatile("" : : "r"(filler) : "memory");
    }
#endif
}

}  // namespace copydesk
