#pragma once

#include <cstdint>
#include <cstring>
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

// A fingerprint of a large buffer (the spelling lexicon, 3.5 MB, in well under a millisecond):
// four independent multiply-xor lanes over 8-byte words. It tells an edited file from the one
// an index was built for; it is no defence against a file made to collide.
inline std::uint64_t fingerprint(std::string_view bytes) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    std::uint64_t lane[4] = {kFnvBasis, kFnvBasis ^ 1, kFnvBasis ^ 2, kFnvBasis ^ 3};
    auto mix = [](std::uint64_t h, std::uint64_t word) {
        h = (h ^ word) * kMul;
        return h ^ (h >> 29);
    };
    std::size_t i = 0;
    for (; i + 32 <= bytes.size(); i += 32) {
        for (int k = 0; k < 4; ++k) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + i + 8 * k, 8);
            lane[k] = mix(lane[k], word);
        }
    }
    std::uint64_t h = bytes.size() * kMul;
    for (const std::uint64_t l : lane) h = mix(h, l);
    for (; i < bytes.size(); ++i) h = fnv1a_step(h, bytes[i]);
    return mix(h, bytes.size());
}

}  // namespace copydesk
