#include "text/mojibake.hpp"

#include <array>
#include <optional>

#include "core/utf8.hpp"

namespace copydesk::text {

namespace {

// Windows-1252 bytes 0x80-0x9F; 0 where the code page leaves a byte undefined (those bytes
// come through as the C1 control of the same value).
constexpr std::array<char32_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The Windows-1252 (or Latin-1) byte that decodes to `cp`, if any.
std::optional<unsigned char> cp1252_byte(char32_t cp) {
    if (cp >= 0xA0 && cp <= 0xFF) return static_cast<unsigned char>(cp);
    if (cp >= 0x80 && cp <= 0x9F) return static_cast<unsigned char>(cp);  // undefined bytes
    for (std::size_t i = 0; i < kCp1252High.size(); ++i) {
        if (kCp1252High[i] == cp && cp != 0) return static_cast<unsigned char>(0x80 + i);
    }
    return std::nullopt;
}

// Code points garbling produces in practice: Latin letters and signs, Greek and Cyrillic,
// general punctuation, the euro and trade mark signs, and emoji.
bool plausible(char32_t cp) {
    return (cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x4FF) ||
           (cp >= 0x2010 && cp <= 0x2044) || cp == 0x20AC || cp == 0x2122 ||
           (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
}

struct Unit {
    std::size_t begin;
    std::size_t end;
    std::string repaired;
    std::string guess;
};

// One garbled sequence starting at `at`, if there is one.
std::optional<Unit> unit_at(std::string_view s, std::size_t at) {
    std::size_t pos = at;
    const char32_t lead_cp = utf8::decode(s, pos);
    const auto lead = cp1252_byte(lead_cp);
    if (!lead || *lead < 0xC2 || *lead > 0xF4) return std::nullopt;
    const int need = utf8::sequence_length(*lead);
    std::string bytes(1, static_cast<char>(*lead));
    for (int i = 1; i < need; ++i) {
        if (pos >= s.size()) break;
        std::size_t next = pos;
        const auto b = cp1252_byte(utf8::decode(s, next));
        if (!b || !utf8::is_continuation(*b)) break;
        bytes += static_cast<char>(*b);
        pos = next;
    }
    if (static_cast<int>(bytes.size()) == need) {
        if (utf8::find_invalid(bytes)) return std::nullopt;
        std::size_t p = 0;
        const char32_t cp = utf8::decode(bytes, p);
        if (!plausible(cp)) return std::nullopt;
        return Unit{at, pos, bytes, {}};
    }
    // "â€" then something else: a curly quote or dash whose last byte was lost. The byte
    // Windows-1252 leaves undefined, 0x9D, is the one usually dropped, making a closing quote.
    if (*lead == 0xE2 && bytes.size() == 2 && bytes[1] == '\x80') {
        return Unit{at, pos, {}, "\xE2\x80\x9D"};
    }
    return std::nullopt;
}

bool is_word_char(std::string_view s, std::size_t at) {
    const auto c = static_cast<unsigned char>(s[at]);
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// One pass of repair over `s`: the units found, in order.
std::vector<Unit> find_units(std::string_view s) {
    std::vector<Unit> units;
    std::size_t i = 0;
    while ((i = utf8::skip_ascii(s, i)) < s.size()) {  // mojibake is made of non-ASCII
        if (auto u = unit_at(s, i)) {
            i = u->end;
            units.push_back(std::move(*u));
            continue;
        }
        std::size_t next = i;
        utf8::decode(s, next);
        i = next;
    }
    return units;
}

std::string apply_units(std::string_view s, const std::vector<Unit>& units) {
    std::string out;
    std::size_t at = 0;
    for (const Unit& u : units) {
        out += s.substr(at, u.begin - at);
        out += u.repaired.empty() ? std::string(s.substr(u.begin, u.end - u.begin)) : u.repaired;
        at = u.end;
    }
    out += s.substr(at);
    return out;
}

}  // namespace

std::vector<Mojibake> find_mojibake(std::string_view text) {
    const std::vector<Unit> units = find_units(text);
    std::vector<Mojibake> out;
    for (std::size_t i = 0; i < units.size();) {
        // Merge units of the same word: "dÃ©jÃ\u00a0" is one finding.
        // A unit that lost a byte stands alone: its neighbours can still be repaired.
        std::size_t j = i + 1;
        while (j < units.size() && !units[i].repaired.empty() && !units[j].repaired.empty()) {
            bool joined = true;
            for (std::size_t k = units[j - 1].end; k < units[j].begin; ++k) {
                if (!is_word_char(text, k)) joined = false;
            }
            if (!joined) break;
            ++j;
        }
        const std::size_t begin = units[i].begin;
        const std::size_t end = units[j - 1].end;
        const std::vector<Unit> word_units(units.begin() + static_cast<std::ptrdiff_t>(i),
                                           units.begin() + static_cast<std::ptrdiff_t>(j));
        Mojibake m;
        m.span = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
        bool lost = false;
        for (const Unit& u : word_units) lost |= u.repaired.empty();
        const std::string_view original = text.substr(begin, end - begin);
        if (lost) {
            if (word_units.size() == 1) m.guess = word_units.front().guess;
        } else {
            // Text garbled twice comes out garbled once after one pass: repeat.
            std::vector<Unit> shifted;
            for (const Unit& u : word_units) {
                shifted.push_back({u.begin - begin, u.end - begin, u.repaired, {}});
            }
            std::string repaired = apply_units(original, shifted);
            for (int pass = 0; pass < 2; ++pass) {
                const auto again = find_units(repaired);
                bool complete = !again.empty();
                for (const Unit& u : again) complete &= !u.repaired.empty();
                if (!complete) break;
                repaired = apply_units(repaired, again);
            }
            m.repaired = std::move(repaired);
        }
        out.push_back(std::move(m));
        i = j;
    }
    return out;
}

}  // namespace copydesk::text
