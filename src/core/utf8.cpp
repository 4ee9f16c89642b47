#include "core/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace copydesk::utf8 {

namespace {
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
// True when some byte of `v` is zero.
constexpr bool has_zero_byte(std::uint64_t v) {
    return ((v - kOnes) & ~v & kHighBits) != 0;
}
}  // namespace

std::size_t skip_ascii(std::string_view s, std::size_t pos) {
    // Most text is ASCII for hundreds of bytes at a time: test 32 bytes a step, then find the
    // first byte with its high bit set in the word that has one (little-endian order).
#if defined(__SSE2__)
    while (pos + 32 <= s.size()) {
        const auto* p = reinterpret_cast<const __m128i*>(s.data() + pos);
        const __m128i both = _mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p + 1));
        if (_mm_movemask_epi8(both) != 0) break;
        pos += 32;
    }
#else
    while (pos + 32 <= s.size()) {
        std::uint64_t words[4];
        std::memcpy(words, s.data() + pos, sizeof words);
        if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) != 0) break;
        pos += 32;
    }
#endif
    while (pos + 8 <= s.size()) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + pos, sizeof word);
        if constexpr (std::endian::native == std::endian::little) {
            if (const std::uint64_t high = word & kHighBits; high != 0)
                return pos + static_cast<std::size_t>(std::countr_zero(high)) / 8;
        } else if ((word & kHighBits) != 0) {
            break;
        }
        pos += 8;
    }
    while (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
    return pos;
}

std::size_t skip_printable_ascii(std::string_view s, std::size_t pos) {
    constexpr std::uint64_t kSpaces = kOnes * 0x20;
    constexpr std::uint64_t kDeletes = kOnes * 0x7F;
    while (pos + 8 <= s.size()) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + pos, sizeof word);
        // With no high bit set, (byte - 0x20) sets it exactly for the bytes below 0x20.
        if ((word & kHighBits) != 0 || ((word - kSpaces) & kHighBits) != 0 ||
            has_zero_byte(word ^ kDeletes))
            break;
        pos += 8;
    }
    while (pos < s.size()) {
        const auto b = static_cast<unsigned char>(s[pos]);
        if (b < 0x20 || b >= 0x7F) break;
        ++pos;
    }
    return pos;
}

char32_t decode(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    const int len = sequence_length(b0);
    if (len == 1 || pos + len > s.size()) {
        ++pos;
        return b0;
    }
    char32_t cp = b0 & (0xFF >> (len + 1));
    for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
    pos += len;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::optional<InvalidSequence> find_invalid(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            i = skip_ascii(s, i + 1);  // ASCII is valid: on to the next multi-byte character
            continue;
        }
        int len = 0;
        char32_t min = 0;
        char32_t cp = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2, min = 0x80, cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3, min = 0x800, cp = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4, min = 0x10000, cp = b & 0x07;
        } else {
            return InvalidSequence{i};
        }
        if (i + len > n) return InvalidSequence{i};
        for (int k = 1; k < len; ++k) {
            if (!is_continuation(p[i + k])) return InvalidSequence{i};
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return InvalidSequence{i};
        }
        i += len;
    }
    return std::nullopt;
}

}  // namespace copydesk::utf8
