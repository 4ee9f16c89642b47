#pragma once

#include <cstdint>
#include <cstring>
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

// Number of code points in a valid UTF-8 string: its bytes less the continuation bytes,
// counted eight at a time (columns of long lines are asked for each finding on them).
inline std::size_t count_code_points(std::string_view s) {
    std::size_t continuations = 0;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + i, sizeof word);
        // A continuation byte is 10xxxxxx: its top bit set, the next one clear. The flags,
        // one per byte, are summed by a multiplication into the top byte (std::popcount
        // is a library call without the POPCNT instruction).
        const std::uint64_t flags = (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
        continuations += static_cast<std::size_t>((flags * 0x0101010101010101ULL) >> 56);
    }
    for (; i < s.size(); ++i) continuations += is_continuation(static_cast<unsigned char>(s[i]));
    return s.size() - continuations;
}

// Decodes the code point at `pos` of valid UTF-8 and advances `pos`.
char32_t decode(std::string_view s, std::size_t& pos);

// The offset of the first byte at or after `pos` that is not ASCII, or s.size(): a rule that
// looks for particular non-ASCII characters skips plain text with it.
std::size_t skip_ascii(std::string_view s, std::size_t pos);
// The same, also stopping at the ASCII bytes `a` and `b`: a rule looking for quotation marks
// or dashes skips the rest of the text eight bytes at a time.
std::size_t skip_ascii_except(std::string_view s, std::size_t pos, char a, char b);

// The offset of the first byte at or after `pos` that is one of the ASCII bytes `set` (at most
// eight), or s.size(): "(", ")", "[", "]", "{" and "}" are rare in prose, and a rule looking for
// them skips the rest eight bytes at a time.
std::size_t find_byte_of(std::string_view s, std::size_t pos, std::string_view set);
// The offset of the first byte at or after `pos` that is not printable ASCII (a control
// character, DEL or a byte of a multi-byte character), or s.size().
std::size_t skip_printable_ascii(std::string_view s, std::size_t pos);

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
