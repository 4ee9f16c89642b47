#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "core/huge_pages.hpp"

namespace {

// Whether the kernel hands out transparent huge pages on request ("[always]" or "[madvise]").
[[maybe_unused]] bool huge_pages_on_request() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    std::getline(in, modes);
    return modes.find("[madvise]") != std::string::npos ||
           modes.find("[always]") != std::string::npos;
}

// The VmFlags of the mapping that holds `address`, from /proc/self/smaps.
[[maybe_unused]] std::string flags_of_mapping(const void* address) {
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
        } else if (inside && line.starts_with("VmFlags:")) {
            return line;
        }
    }
    return {};
}

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
        flags = flags_of_mapping(block.get());
    }).join();
    REQUIRE_FALSE(flags.empty());
    CHECK(flags.find(" hg") != std::string::npos);
#endif
}
