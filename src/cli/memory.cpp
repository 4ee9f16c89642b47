#include "cli/memory.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace copydesk::cli {

void keep_freed_memory() {
#if defined(__GLIBC__)
    // Blocks up to glibc's largest threshold (32 MiB on 64-bit) come from the heap, whose freed
    // blocks are reused, instead of each from a mapping of its own, unmapped when freed. Once
    // set, glibc no longer raises it by itself as mapped blocks are freed, which would also
    // reset the trim threshold below to twice it.
    constexpr int kMmapThreshold = 32 * 1024 * 1024;
    // The heap's free top is given back only past this (glibc's default is 128 KiB).
    constexpr int kTrimThreshold = 1024 * 1024 * 1024;
    (void)mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
    (void)mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
#endif
}

}  // namespace copydesk::cli
