#pragma once

namespace copydesk {

// Asks the kernel to back the heap the calling thread allocates from with transparent huge
// pages, where the system hands them out on request (Linux's default "madvise" mode): a first
// touch then maps 2 MiB at once instead of 4 KiB (a cold run over the development corpus took
// about 1,600 page faults instead of 3,700, the program's own pages included). As glibc does
// with its glibc.malloc.hugetlb=1 tunable, which a program cannot set for itself. Call it once
// a thread, before the thread allocates much; for the main thread, after raising M_TOP_PAD, so
// that the heap grows by that much at once (see core/memory.cpp). Advice only: nothing changes
// where huge pages are off, or with another C library. A thread's heap is made, and touched,
// by its first allocation, before it can be advised: its first 2 MiB are made a huge page then,
// where the kernel can (MADV_COLLAPSE). In the main heap, the stretch below its first whole huge
// page is filled by a block held for good (address space, untouched), as it could only ever be
// small pages. On this kind of machine a page fault costs 10-15 microseconds.
void advise_huge_pages();

}  // namespace copydesk
