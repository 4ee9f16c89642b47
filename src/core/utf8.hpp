#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// Number of code points in a valid UTF-8 string.
constexpr std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += is_continuation(c) ? 0 : 1;
    return n;
}

// Decodes the code point at `pos` of valid UTF-8 and advances `pos`.
char32_t decode(std::string_view s, std::size_t& pos);

// The offset of the first byte at or after `pos` that is not ASCII, or s.size(): a rule that
// looks for particular non-ASCII characters skips plain text with it.
std::size_t skip_ascii(std::string_view s, std::size_t pos);

// True when every byte is ASCII.
inline bool is_ascii(std::string_view s) {
    return skip_ascii(s, 0) == s.size();
}

// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

struct InvalidSequence {
    std::size_t offset;  // byte offset of the first bad byte
};

// Strict validation (rejects overlong forms, surrogates, code points above U+10FFFF).
std::optional<InvalidSequence> find_invalid(std::string_view s);

}  // namespace copydesk::utf8
