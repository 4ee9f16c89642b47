#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

#include "core/huge_pages.hpp"

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#if !defined(MADV_COLLAPSE)
#define MADV_COLLAPSE 25
#endif
#endif

namespace {

// Whether the kernel hands out transparent huge pages on request ("[always]" or "[madvise]").
[[maybe_unused]] bool huge_pages_on_request() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    std::getline(in, modes);
    return modes.find("[madvise]") != std::string::npos ||
           modes.find("[always]") != std::string::npos;
}

// The line of /proc/self/smaps that starts with `field` ("VmFlags:") for the mapping that holds
// `address`; empty if none does.
[[maybe_unused]] std::string smaps_line(const void* address, std::string_view field) {
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    std::ifstream in("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        std::uintptr_t begin = 0;
        std::uintptr_t end = 0;
        char dash = 0;
        std::istringstream range(line);
        if (range >> std::hex >> begin >> dash >> end && dash == '-') {
            inside = begin <= at && at < end;
        } else if (inside && line.starts_with(field)) {
            return line;
        }
    }
    return {};
}

// The AnonHugePages (in KiB) of the mapping that holds `address`; -1 if none holds it.
[[maybe_unused]] long huge_kib_of_mapping(const void* address) {
    const std::string line = smaps_line(address, "AnonHugePages:");
    return line.empty() ? -1 : std::stol(line.substr(line.find(':') + 1));
}

// Whether the kernel makes a huge page of touched small pages on request (MADV_COLLAPSE, Linux
// 6.1), tried on a mapping of the test's own.
[[maybe_unused]] bool kernel_collapses() {
#if defined(__GLIBC__) && defined(__linux__)
    constexpr std::size_t kHuge = std::size_t{2} * 1024 * 1024;
    void* const map =
        mmap(nullptr, 2 * kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) return false;
    const auto aligned = (reinterpret_cast<std::uintptr_t>(map) + kHuge - 1) & ~(kHuge - 1);
    auto* const page = reinterpret_cast<char*>(aligned);
    page[0] = 1;
    const bool made =
        madvise(page, kHuge, MADV_HUGEPAGE) == 0 && madvise(page, kHuge, MADV_COLLAPSE) == 0;
    munmap(map, 2 * kHuge);
    return made;
#else
    return false;
#endif
}

#if defined(__GLIBC__) && defined(__linux__)
// The heap settings the program makes first (core/memory.cpp: heaps grow 64 MiB at once, blocks
// of a few MiB come from them) for the scope, then glibc's defaults again.
struct ProgramHeapSettings {
    ProgramHeapSettings() {
        REQUIRE(mallopt(M_TOP_PAD, 64 * 1024 * 1024) == 1);
        REQUIRE(mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1);
    }
    ProgramHeapSettings(const ProgramHeapSettings&) = delete;
    ProgramHeapSettings& operator=(const ProgramHeapSettings&) = delete;
    ~ProgramHeapSettings() {
        (void)mallopt(M_TOP_PAD, 128 * 1024);
        (void)mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    }
};
#endif

}  // namespace

TEST_CASE("a thread's heap is advised to use huge pages", "[core][memory]") {
#if !defined(__GLIBC__) || !defined(__linux__) || defined(COPYDESK_SANITIZED)
    // The sanitizers' allocators do not use glibc's heaps.
    SUCCEED("not glibc's heaps here");
#else
    if (!huge_pages_on_request()) {
        SUCCEED("this kernel hands out no huge pages on request");
        return;
    }
    std::string flags;
    std::thread([&] {
        copydesk::advise_huge_pages();
        // A block allocated after the advice lies in the advised heap.
        const std::unique_ptr<char[]> block(new char[4096]);
        flags = smaps_line(block.get(), "VmFlags:");
    }).join();
    REQUIRE_FALSE(flags.empty());
    CHECK(flags.find(" hg") != std::string::npos);
#endif
}

TEST_CASE("a thread's heap starts on a huge page where the kernel makes one", "[core][memory]") {
#if !defined(__GLIBC__) || !defined(__linux__) || defined(COPYDESK_SANITIZED)
    SUCCEED("not glibc's heaps here");
#else
    if (!huge_pages_on_request() || !kernel_collapses()) {
        SUCCEED("this kernel makes no huge page on request");
        return;
    }
    long huge_kib = -1;
    {
        // As the program does before its threads start.
        const ProgramHeapSettings settings;
        std::thread([&] {
            // The thread may reuse a heap an earlier test's thread made, which grows as used: a
            // block of 3 MiB makes its first 2 MiB usable.
            { const std::unique_ptr<char[]> room(new char[std::size_t{3} << 20]); }
            copydesk::advise_huge_pages();
            const std::unique_ptr<char[]> block(new char[64]);
            constexpr std::uintptr_t kThreadHeap = std::uintptr_t{64} * 1024 * 1024;
            const auto heap = reinterpret_cast<std::uintptr_t>(block.get()) & ~(kThreadHeap - 1);
            huge_kib = huge_kib_of_mapping(reinterpret_cast<const void*>(heap));
        }).join();
    }
    CHECK(huge_kib >= 2048);
#endif
}

TEST_CASE("the main heap grows from a huge page's start once advised", "[core][memory]") {
#if !defined(__GLIBC__) || !defined(__linux__) || defined(COPYDESK_SANITIZED)
    SUCCEED("not glibc's heaps here");
#else
    if (!huge_pages_on_request()) {
        SUCCEED("this kernel hands out no huge pages on request");
        return;
    }
    std::unique_ptr<char[]> block;
    {
        // As the program does first.
        const ProgramHeapSettings settings;
        copydesk::advise_huge_pages();
        // Larger than any freed block of this process: taken from the heap's free top, which
        // the stretch below the first whole huge page no longer holds.
        block = std::make_unique<char[]>(std::size_t{4} << 20);
    }
    // It starts within a small page of a huge page's start (a block's header, and the held
    // block's end, come before it).
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} * 1024 * 1024;
    CHECK((reinterpret_cast<std::uintptr_t>(block.get()) + 4096) % kHuge < 2 * 4096);
    CHECK(smaps_line(block.get(), "VmFlags:").find(" hg") != std::string::npos);
#endif
}
