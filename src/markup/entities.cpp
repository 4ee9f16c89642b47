#include "markup/entities.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace copydesk::markup {

namespace {

bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// HTML5 maps C1 control references to the Windows-1252 characters authors meant.
char32_t windows_1252(char32_t cp) {
    static constexpr std::array<char32_t, 32> kTable{
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    return (cp >= 0x80 && cp <= 0x9F) ? kTable[cp - 0x80] : cp;
}

std::optional<CharRef> numeric(std::string_view s) {
    std::size_t i = 2;  // after "&#"
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_begin = i;
    std::uint64_t value = 0;
    for (; i < s.size(); ++i) {
        const int d = hex ? hex_value(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
        if (d < 0) break;
        value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + static_cast<std::uint64_t>(d),
                                        0x110000);
    }
    if (i == digits_begin) return std::nullopt;
    if (i < s.size() && s[i] == ';') ++i;
    auto cp = static_cast<char32_t>(value);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    cp = windows_1252(cp);
    CharRef ref;
    ref.length = i;
    utf8::append(ref.text, cp);
    return ref;
}

}  // namespace

std::optional<CharRef> decode_char_ref(std::string_view s, bool in_attribute) {
    if (s.size() < 2 || s[0] != '&') return std::nullopt;
    if (s[1] == '#') return numeric(s);
    if (!is_alnum(s[1])) return std::nullopt;
    // Longest table name that prefixes the text after '&'.
    std::size_t avail = 1;
    while (avail < s.size() && avail <= 32 && is_alnum(s[avail])) ++avail;
    if (avail < s.size() && s[avail] == ';') ++avail;
    const std::string_view rest = s.substr(1, avail - 1);
    for (std::size_t len = rest.size(); len >= 2; --len) {
        const std::string_view name = rest.substr(0, len);
        const auto it =
            std::lower_bound(kNamedEntities.begin(), kNamedEntities.end(), name,
                             [](const NamedEntity& e, std::string_view n) { return e.name < n; });
        if (it == kNamedEntities.end() || it->name != name) continue;
        if (!name.ends_with(';') && in_attribute) {
            const std::size_t next = 1 + len;
            if (next < s.size() && (s[next] == '=' || is_alnum(s[next]))) return std::nullopt;
        }
        return CharRef{1 + len, std::string(it->text)};
    }
    return std::nullopt;
}

}  // namespace copydesk::markup
