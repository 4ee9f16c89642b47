#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace copydesk {

// FNV-1a (64-bit): a byte hash that is the same on every machine and in every run. For what
// must stay stable (--shard assigns files by it); tables in memory use word_hash.
inline constexpr std::uint64_t kFnvBasis = 14695981039346656037ULL;
constexpr std::uint64_t fnv1a_step(std::uint64_t h, char byte) {
    return (h ^ static_cast<unsigned char>(byte)) * 1099511628211ULL;
}
constexpr std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = kFnvBasis;
    for (const char c : bytes) h = fnv1a_step(h, c);
    return h;
}

namespace detail {

inline std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline std::uint64_t load32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

// Each byte of `v` as is.
struct SameBytes {
    std::uint64_t operator()(std::uint64_t v) const { return v; }
};
// Each byte of `v` with the ASCII capitals A-Z lower-cased (bytes of 0x80 and above are left
// as they are: no carry crosses a byte, since each sum stays below 0x100 or has its high bit
// masked out first).
struct AsciiLowerBytes {
    std::uint64_t operator()(std::uint64_t v) const {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
        const std::uint64_t low7 = v & ~kHigh;
        const std::uint64_t at_least_a = low7 + kOnes * (0x80 - 'A');
        const std::uint64_t past_z = low7 + kOnes * (0x80 - 'Z' - 1);
        const std::uint64_t capital = at_least_a & ~past_z & ~v & kHigh;
        return v | (capital >> 2);
    }
};

// A word read eight bytes at a time: a word of up to eight bytes (most words) costs one or two
// loads and one multiply. `Bytes` transforms each load, so that hashing a word as lower case
// needs no lower-cased copy.
template <class Bytes>
[[gnu::always_inline]] inline std::uint64_t word_hash_with(std::string_view s, Bytes bytes) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = n * kMul;
    // (Up to eight bytes, nothing is lost before `tail`: see word_hash_identifies.)
    for (; n > 8; n -= 8, p += 8) h = mix(h, bytes(load64(p)));
    std::uint64_t tail = 0;
    if (n == 8) {
        tail = load64(p);
    } else if (n >= 4) {
        tail = load32(p) | (load32(p + n - 4) << 32);
    } else if (n > 0) {
        tail = static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
               static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
               static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    // The multiply carries every bit upwards; the shift brings the high half down to the
    // low bits, which pick the slot.
    h = (h ^ bytes(tail)) * 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
}

}  // namespace detail

// Whether the `n` bytes at `a` and at `b` are the same: what a word table does after the hashes
// match, inline, since the words are short and a call to memcmp costs more than comparing.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
    using detail::load32;
    using detail::load64;
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            if (load64(a + i) != load64(b + i)) return false;
        }
        return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}
inline bool same_word(std::string_view a, std::string_view b) {
    return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
}

// The hash of words in the tables of one run (caches, counts, filters): fast, with every bit
// depending on every byte. Not stable between versions: never stored or printed.
inline std::uint64_t word_hash(std::string_view s) {
    return detail::word_hash_with(s, detail::SameBytes{});
}
// Whether words of `size` bytes with the same word_hash are the same word. Up to eight bytes,
// word_hash reads every byte into `tail` (an overlapping load keeps them all, and a length
// fixes where each lands), and what it does after, an xor with a value the length fixes, a
// multiply by an odd number and an xor of the high half into the low, can each be undone: one
// hash for one word of a length. A table of words may then compare hashes and lengths alone.
constexpr bool word_hash_identifies(std::size_t size) {
    return size <= 8;
}
// word_hash of `s` with its ASCII capitals lower-cased, without making that string.
inline std::uint64_t word_hash_ascii_lower(std::string_view s) {
    return detail::word_hash_with(s, detail::AsciiLowerBytes{});
}

}  // namespace copydesk
