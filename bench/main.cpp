// The benchmarks' main, shared by the benchmark programs.
#include <benchmark/benchmark.h>

#include "core/memory.hpp"

// With the allocator settings of `lint` and `fix`: without them, a benchmark of a large text
// measures the page faults of the memory glibc hands back to the kernel after each iteration
// and takes again in the next (BM_Segmenter: about 200 page faults an iteration of its 64 KiB
// text, where a page fault costs 10-15 us on a virtual machine).
int main(int argc, char** argv) {
    copydesk::keep_freed_memory();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
