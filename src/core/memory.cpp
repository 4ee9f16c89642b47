#include "core/memory.hpp"

// First: a C++ header names the C library (__GLIBC__), which the tests below need.
#include <cstdlib>

#include "core/huge_pages.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace copydesk {

void keep_freed_memory() {
#if defined(__GLIBC__)
    // Blocks up to glibc's largest threshold (32 MiB on 64-bit) come from the heap, whose freed
    // blocks are reused, instead of each from a mapping of its own, unmapped when freed. Once
    // set, glibc no longer raises it by itself as mapped blocks are freed, which would also
    // reset the trim threshold below to twice it.
    constexpr int kMmapThreshold = 32 * 1024 * 1024;
    // The heap's free top is given back only past this (glibc's default is 128 KiB).
    constexpr int kTrimThreshold = 1024 * 1024 * 1024;
    // The heap grows by this much at a time: address space, whose pages are used only as
    // they are touched, and then as huge pages (advise_huge_pages).
    constexpr int kTopPad = 64 * 1024 * 1024;
    (void)mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
    (void)mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
    (void)mallopt(M_TOP_PAD, kTopPad);
#endif
    advise_huge_pages();
}

}  // namespace copydesk
