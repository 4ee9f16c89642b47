#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace copydesk::utf8 {

// Byte length of the sequence introduced by lead byte `b` (1 for ASCII and stray bytes).
constexpr int sequence_length(unsigned char b) {
    if (b < 0x80) return 1;
    if (b >= 0xF0) return 4;
    if (b >= 0xE0) return 3;
    if (b >= 0xC0) return 2;
    return 1;
}

constexpr bool is_continuation(unsigned char b) {
    return (b & 0xC0) == 0x80;
}

namespace detail {
// The continuation bytes (10xxxxxx) among the eight at `p`: their top bit set, the next one
// clear. The flags, one per byte, are summed by a multiplication into the top byte
// (std::popcount is a library call without the POPCNT instruction).
inline std::size_t continuations_in8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    const std::uint64_t flags = (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
    return static_cast<std::size_t>((flags * 0x0101010101010101ULL) >> 56);
}
}  // namespace detail

namespace detail {
// The lead bytes of four-byte sequences (11110xxx) among the eight at `p`: each begins a code
// point outside the Basic Multilingual Plane, two UTF-16 units.
inline std::size_t four_byte_leads_in8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    const std::uint64_t flags =
        (word & (word << 1) & (word << 2) & (word << 3) & 0x8080808080808080ULL) >> 7;
    return static_cast<std::size_t>((flags * 0x0101010101010101ULL) >> 56);
}

// The sum of in8(p) over the eight-byte words of `s` that hold a byte outside ASCII, and of
// in1(byte) over the bytes past the last whole word; in8 and in1 count what ASCII lacks.
template <class In8, class In1>
std::size_t count_outside_ascii(std::string_view s, In8 in8, In1 in1) {
    std::size_t count = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes a step, and one test for the ASCII ones; and first one test for sixty-four
    // (most of a line is ASCII).
    const auto load = [&](std::size_t at) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
    };
    const auto count16 = [&](std::size_t at) {
        if (_mm_movemask_epi8(load(at)) == 0) return std::size_t{0};
        return in8(s.data() + at) + in8(s.data() + at + 8);
    };
    for (; i + 64 <= s.size(); i += 64) {
        const __m128i any = _mm_or_si128(_mm_or_si128(load(i), load(i + 16)),
                                         _mm_or_si128(load(i + 32), load(i + 48)));
        if (_mm_movemask_epi8(any) == 0) continue;
        count += count16(i) + count16(i + 16) + count16(i + 32) + count16(i + 48);
    }
    for (; i + 16 <= s.size(); i += 16) count += count16(i);
#endif
    for (; i + 8 <= s.size(); i += 8) count += in8(s.data() + i);
    for (; i < s.size(); ++i) count += in1(static_cast<unsigned char>(s[i]));
    return count;
}
}  // namespace detail

// Number of code points in a valid UTF-8 string: its bytes less the continuation bytes
// (columns of long lines are asked for each finding on them).
inline std::size_t count_code_points(std::string_view s) {
    return s.size() - detail::count_outside_ascii(s, detail::continuations_in8, is_continuation);
}

// Number of UTF-16 code units of a valid UTF-8 string: one a code point, two for one outside
// the Basic Multilingual Plane (LSP positions count these by default).
inline std::size_t count_utf16_units(std::string_view s) {
    return count_code_points(s) +
           detail::count_outside_ascii(s, detail::four_byte_leads_in8,
                                       [](unsigned char b) { return std::size_t{b >= 0xF0}; });
}

// Decodes the code point at `pos` of valid UTF-8 and advances `pos`.
char32_t decode(std::string_view s, std::size_t& pos);

// The offset of the first byte at or after `pos` that is not ASCII, or s.size(): a rule that
// looks for particular non-ASCII characters skips plain text with it.
std::size_t skip_ascii(std::string_view s, std::size_t pos);
// The offset of the first line break (LF or CR) at or after `pos`, or s.size(): memchr for
// the line feed, then for a carriage return before it only (most text has none).
inline std::size_t find_line_break(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return s.size();
    const std::size_t lf = std::min(s.find('\n', pos), s.size());
    const void* cr = std::memchr(s.data() + pos, '\r', lf - pos);
    return cr != nullptr ? static_cast<std::size_t>(static_cast<const char*>(cr) - s.data()) : lf;
}

// Up to eight ASCII bytes to look for, and with `non_ascii` every byte of a multi-byte
// character too (a rule looking for '"' or U+201C alike), prepared once: a constexpr ByteSet
// costs nothing per search.
class ByteSet {
  public:
    constexpr explicit ByteSet(std::string_view bytes, bool non_ascii = false)
        : count_(std::min(bytes.size(), kWidth)), high_(non_ascii ? kOnes << 7 : 0) {
        for (std::size_t k = 0; k < kWidth; ++k) {
            const auto b = static_cast<unsigned char>(
                bytes.empty() ? 0 : bytes[k < bytes.size() ? k : bytes.size() - 1]);
            fills_[k] = kOnes * b;
        }
        for (const char c : bytes.substr(0, kWidth)) {
            const auto b = static_cast<unsigned char>(c);
            members_[b / 64] |= std::uint64_t{1} << (b % 64);
        }
        if (non_ascii) members_[2] = members_[3] = ~std::uint64_t{0};  // bytes 0x80-0xFF
    }
    [[nodiscard]] constexpr bool contains(char c) const {
        const auto b = static_cast<unsigned char>(c);
        return (members_[b / 64] >> (b % 64) & 1U) != 0;
    }
#if defined(__SSE2__)
    // A bit for each of the 16 bytes at `p` in the set, exactly (bit k for byte k).
    [[nodiscard]] unsigned match_mask16(const char* p) const {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i hits = _mm_setzero_si128();
        // A set is a constant where it is searched: the loop unrolls to its own size.
        for (std::size_t k = 0; k < count_; ++k) {
            const auto byte = static_cast<char>(fills_[k] & 0xFF);
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(byte)));
        }
        if (high_ != 0) hits = _mm_or_si128(hits, chunk);  // the high bit marks non-ASCII
        return static_cast<unsigned>(_mm_movemask_epi8(hits));
    }
#endif
    // A high bit for each byte of `word` in the set (and perhaps for bytes after one).
    [[nodiscard]] constexpr std::uint64_t match_bits(std::uint64_t word) const {
        std::uint64_t bits = word & high_;
        for (std::size_t k = 0; k < count_; ++k) {
            const std::uint64_t v = word ^ fills_[k];
            bits |= (v - kOnes) & ~v & (kOnes << 7);
        }
        return bits;
    }

  private:
    static constexpr std::size_t kWidth = 8;
    static constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    std::size_t count_;                          // bytes in fills_
    std::array<std::uint64_t, kWidth> fills_{};  // each set byte in every byte lane
    std::array<std::uint64_t, 4> members_{};     // a bit per byte value
    std::uint64_t high_;                         // the high bits, when non-ASCII bytes count
};

// The offset of the first byte at or after `pos` that is in `set`, or s.size(): "(", ")", "[",
// "]", "{" and "}" are rare in prose, and a rule looking for them (or for quotation marks,
// dashes, ...) skips the rest eight bytes at a time.
inline std::size_t find_byte_of(std::string_view s, std::size_t pos, const ByteSet& set) {
#if defined(__SSE2__)
    // Sixteen bytes a step where the machine compares them at once (every x86-64).
    while (pos + 16 <= s.size()) {
        if (const unsigned mask = set.match_mask16(s.data() + pos); mask != 0) {
            return pos + static_cast<std::size_t>(std::countr_zero(mask));
        }
        pos += 16;
    }
#endif
    while (pos + 8 <= s.size()) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + pos, sizeof word);
        if (set.match_bits(word) != 0) break;
        pos += 8;
    }
    while (pos < s.size() && !set.contains(s[pos])) ++pos;
    return pos;
}
// The offset of the first byte at or after `pos` that is not printable ASCII (a control
// character, DEL or a byte of a multi-byte character), or s.size().
std::size_t skip_printable_ascii(std::string_view s, std::size_t pos);

// True when every byte is ASCII. Rules ask it of most words of text that has a curly quote
// or a dash somewhere: a word of up to 16 bytes is tested inline, in two loads.
inline bool is_ascii(std::string_view s) {
    const char* p = s.data();
    const std::size_t n = s.size();
    if (n > 16) return skip_ascii(s, 0) == n;
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    if (n >= 8) {
        std::memcpy(&a, p, 8);
        std::memcpy(&b, p + n - 8, 8);
    } else if (n >= 4) {
        std::uint32_t x;
        std::uint32_t y;
        std::memcpy(&x, p, 4);
        std::memcpy(&y, p + n - 4, 4);
        a = x;
        b = y;
    } else if (n > 0) {
        a = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) |
            static_cast<unsigned char>(p[n - 1]);
    }
    return ((a | b) & 0x8080808080808080ULL) == 0;
}

// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

struct InvalidSequence {
    std::size_t offset;  // byte offset of the first bad byte
};

// Strict validation (rejects overlong forms, surrogates, code points above U+10FFFF).
std::optional<InvalidSequence> find_invalid(std::string_view s);

}  // namespace copydesk::utf8
