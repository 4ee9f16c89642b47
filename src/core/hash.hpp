#pragma once

#include <cstdint>
#include <string_view>

namespace copydesk {

// FNV-1a (64-bit): a byte hash that is the same on every machine and in every run, cheap
// enough to inline where words are hashed one by one.
inline constexpr std::uint64_t kFnvBasis = 14695981039346656037ULL;
constexpr std::uint64_t fnv1a_step(std::uint64_t h, char byte) {
    return (h ^ static_cast<unsigned char>(byte)) * 1099511628211ULL;
}
constexpr std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = kFnvBasis;
    for (const char c : bytes) h = fnv1a_step(h, c);
    return h;
}

}  // namespace copydesk
