#pragma once

namespace copydesk {

// Has the allocator keep the memory a batch run frees for the run's next documents, rather than
// hand it back to the kernel and take it again (each document allocates and frees buffers of
// about the same sizes: its tokens, its words), grow the heap in large steps, and back it with
// transparent huge pages (core/huge_pages.hpp). A page taken anew from the kernel costs a fault
// and a zeroing: a cold run over the development corpus took half the page faults so, and about
// a tenth less time; its peak memory grew from 50 to 54 MB. For `lint`, `fix` and the
// benchmarks, not for the long-lived language server, whose memory should follow the documents
// it holds.
void keep_freed_memory();

}  // namespace copydesk
