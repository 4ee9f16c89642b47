// `--format html`: one self-contained page, the articles with every finding marked in place.
//
// Marks come from the byte spans of the diagnostics on the original source, never from
// searching the text again. One left-to-right sweep over each source places them: the span
// boundaries and line ends cut the text into pieces, and every piece is wrapped in one <mark>
// per finding that covers it, so overlapping findings nest and the HTML stays well formed.

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <numeric>
#include <ostream>
#include <queue>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "output/formatter.hpp"
#include "output/html_assets.hpp"

namespace copydesk::output {

namespace {

// ---------------------------------------------------------------------------------------------
// SHA-256, for the Content-Security-Policy hashes of the inline style and script.

std::array<std::uint8_t, 32> sha256(std::string_view data) {
    static constexpr std::array<std::uint32_t, 64> k{
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    std::array<std::uint32_t, 8> h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };

    std::string msg(data);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    msg.push_back(static_cast<char>(0x80));
    while (msg.size() % 64 != 56) msg.push_back('\0');
    for (int i = 7; i >= 0; --i) msg.push_back(static_cast<char>((bits >> (i * 8)) & 0xff));

    for (std::size_t chunk = 0; chunk < msg.size(); chunk += 64) {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t i = 0; i < 16; ++i) {
            for (std::size_t j = 0; j < 4; ++j) {
                w[i] = (w[i] << 8) | static_cast<std::uint8_t>(msg[chunk + i * 4 + j]);
            }
        }
        for (std::size_t i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<std::uint32_t, 8> v = h;
        for (std::size_t i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
            const std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const std::uint32_t t1 = v[7] + s1 + ch + k[i] + w[i];
            const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
            const std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            const std::uint32_t t2 = s0 + maj;
            v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
        }
        for (std::size_t i = 0; i < 8; ++i) h[i] += v[i];
    }
    std::array<std::uint8_t, 32> out{};
    for (std::size_t i = 0; i < 32; ++i) {
        out[i] = static_cast<std::uint8_t>((h[i / 4] >> (24 - 8 * (i % 4))) & 0xff);
    }
    return out;
}

std::string base64(const std::array<std::uint8_t, 32>& bytes) {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t b0 = bytes[i];
        const std::uint32_t b1 = i + 1 < bytes.size() ? bytes[i + 1] : 0;
        const std::uint32_t b2 = i + 2 < bytes.size() ? bytes[i + 2] : 0;
        const std::uint32_t triple = (b0 << 16) | (b1 << 8) | b2;
        out += kAlphabet[(triple >> 18) & 63];
        out += kAlphabet[(triple >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(triple >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[triple & 63] : '=';
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Characters that must be seen rather than obeyed or overlooked.

enum class Visibility {
    Plain,      // shown as itself
    InFinding,  // invisible: drawn as a token where a finding covers it
    Always,     // controls and bidi controls: always drawn as a token, never passed through
};

constexpr bool is_bidi_control(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

constexpr bool is_noncharacter(char32_t cp) {
    return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
}

Visibility visibility(char32_t cp) {
    if (cp < 0x20)
        return cp == '\t' || cp == '\n' || cp == '\r' ? Visibility::Plain : Visibility::Always;
    if (cp < 0x7F) return Visibility::Plain;
    if (cp <= 0x9F) return Visibility::Always;  // DEL and the C1 controls
    if (cp < 0xA0) return Visibility::Plain;
    if (is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029 || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
        is_noncharacter(cp)) {
        return Visibility::Always;
    }
    const bool invisible =
        cp == 0x00A0 || cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 ||
        cp == 0x180E || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
        (cp >= 0x205F && cp <= 0x2064) || (cp >= 0x206A && cp <= 0x206F) || cp == 0x3000 ||
        cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 ||
        cp == 0xFFFC || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
        (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    return invisible ? Visibility::InFinding : Visibility::Plain;
}

struct CharName {
    char32_t cp;
    std::string_view label;
    std::string_view name;
};

// Sorted by code point.
constexpr std::array<CharName, 48> kNames{{
    {0x00A0, "NBSP", "no-break space"},
    {0x00AD, "SHY", "soft hyphen"},
    {0x034F, "CGJ", "combining grapheme joiner"},
    {0x061C, "ALM", "Arabic letter mark"},
    {0x115F, "HCF", "Hangul choseong filler"},
    {0x1160, "HJF", "Hangul jungseong filler"},
    {0x180E, "MVS", "Mongolian vowel separator"},
    {0x2000, "NQSP", "en quad"},
    {0x2001, "MQSP", "em quad"},
    {0x2002, "ENSP", "en space"},
    {0x2003, "EMSP", "em space"},
    {0x2004, "3/MSP", "three-per-em space"},
    {0x2005, "4/MSP", "four-per-em space"},
    {0x2006, "6/MSP", "six-per-em space"},
    {0x2007, "FSP", "figure space"},
    {0x2008, "PSP", "punctuation space"},
    {0x2009, "THSP", "thin space"},
    {0x200A, "HSP", "hair space"},
    {0x200B, "ZWSP", "zero width space"},
    {0x200C, "ZWNJ", "zero width non-joiner"},
    {0x200D, "ZWJ", "zero width joiner"},
    {0x200E, "LRM", "left-to-right mark"},
    {0x200F, "RLM", "right-to-left mark"},
    {0x2028, "LSEP", "line separator"},
    {0x2029, "PSEP", "paragraph separator"},
    {0x202A, "LRE", "left-to-right embedding"},
    {0x202B, "RLE", "right-to-left embedding"},
    {0x202C, "PDF", "pop directional formatting"},
    {0x202D, "LRO", "left-to-right override"},
    {0x202E, "RLO", "right-to-left override"},
    {0x202F, "NNBSP", "narrow no-break space"},
    {0x205F, "MMSP", "medium mathematical space"},
    {0x2060, "WJ", "word joiner"},
    {0x2061, "FA", "function application"},
    {0x2062, "IT", "invisible times"},
    {0x2063, "IS", "invisible separator"},
    {0x2064, "IP", "invisible plus"},
    {0x2066, "LRI", "left-to-right isolate"},
    {0x2067, "RLI", "right-to-left isolate"},
    {0x2068, "FSI", "first strong isolate"},
    {0x2069, "PDI", "pop directional isolate"},
    {0x3000, "IDSP", "ideographic space"},
    {0x3164, "HF", "Hangul filler"},
    {0xFEFF, "BOM", "zero width no-break space (byte order mark)"},
    {0xFFA0, "HWHF", "halfwidth Hangul filler"},
    {0xFFF9, "IAA", "interlinear annotation anchor"},
    {0xFFFA, "IAS", "interlinear annotation separator"},
    {0xFFFB, "IAT", "interlinear annotation terminator"},
}};

constexpr std::array<std::string_view, 32> kControlNames{
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
    "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
    "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};

std::string hex(char32_t cp, int min_digits) {
    static constexpr std::string_view kDigits = "0123456789ABCDEF";
    std::string out;
    do {
        out.insert(out.begin(), kDigits[cp & 0xF]);
        cp >>= 4;
    } while (cp != 0);
    while (out.size() < static_cast<std::size_t>(min_digits)) out.insert(out.begin(), '0');
    return out;
}

// The short label drawn in the page ("ZWSP") and a longer name for its tooltip.
std::pair<std::string, std::string> char_label(char32_t cp) {
    const std::string code = "U+" + hex(cp, 4);
    if (cp < 0x20) return {std::string(kControlNames[cp]), code + " control character"};
    if (cp == 0x7F) return {"DEL", code + " delete control character"};
    const auto it = std::lower_bound(kNames.begin(), kNames.end(), cp,
                                     [](const CharName& n, char32_t c) { return n.cp < c; });
    if (it != kNames.end() && it->cp == cp) {
        return {std::string(it->label), code + " " + std::string(it->name)};
    }
    if (cp >= 0xFE00 && cp <= 0xFE0F) {
        return {"VS" + std::to_string(cp - 0xFE00 + 1), code + " variation selector"};
    }
    if (cp >= 0xE0100 && cp <= 0xE01EF) {
        return {"VS" + std::to_string(cp - 0xE0100 + 17), code + " variation selector"};
    }
    if (cp >= 0xE0000 && cp <= 0xE007F) {
        const char32_t ascii = cp - 0xE0000;
        const bool alnum = (ascii >= '0' && ascii <= '9') || (ascii >= 'A' && ascii <= 'Z') ||
                           (ascii >= 'a' && ascii <= 'z');
        return {alnum ? "TAG " + std::string(1, static_cast<char>(ascii)) : "TAG " + code,
                code + " tag character"};
    }
    if (cp <= 0x9F) return {code, code + " control character"};
    if (is_noncharacter(cp)) return {code, code + " noncharacter"};
    return {code, code + " invisible format character"};
}

// ---------------------------------------------------------------------------------------------
// Escaping. Every byte of text from outside (articles, paths, messages, rule ids) goes through
// one of these; invalid UTF-8 becomes U+FFFD so the page itself is always valid UTF-8.

constexpr char32_t kInvalid = 0x110000;

// Decodes the code point at `pos` and advances; kInvalid (one byte consumed) if malformed.
char32_t next_code_point(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    const int len = utf8::sequence_length(b0);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    if (b0 < 0xC2 || b0 > 0xF4 || pos + static_cast<std::size_t>(len) > s.size()) {
        ++pos;
        return kInvalid;
    }
    char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
        if (!utf8::is_continuation(b)) {
            ++pos;
            return kInvalid;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalid;
    }
    pos += static_cast<std::size_t>(len);
    return cp;
}

enum class Show {
    Hard,  // only controls and bidi controls become tokens
    All,   // invisible characters too (text covered by a finding, fixes)
};

void append_token(std::string& out, char32_t cp, Visibility v) {
    const auto [label, name] = char_label(cp);
    out += v == Visibility::Always ? "<span class=\"inv hard\"" : "<span class=\"inv\"";
    out += " dir=\"ltr\" data-cp=\"";
    out += hex(cp, 1);
    out += "\" title=\"";
    out += name;
    out += "\">\xE2\x9F\xA8";  // ⟨
    out += label;
    out += "\xE2\x9F\xA9</span>";  // ⟩
}

// Text content: markup-significant characters escaped, hidden characters drawn as tokens.
void append_html(std::string& out, std::string_view s, Show show = Show::Hard) {
    std::size_t run = 0;
    auto flush = [&](std::size_t to) { out.append(s.data() + run, to - run); };
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const bool plain = c >= 0x20 ? (c != '&' && c != '<' && c != '>' && c != 0x7F)
                                         : (c == '\t' || c == '\n' || c == '\r');
            if (plain) {
                ++i;
                continue;
            }
            flush(i);
            if (c == '&') {
                out += "&amp;";
            } else if (c == '<') {
                out += "&lt;";
            } else if (c == '>') {
                out += "&gt;";
            } else {
                append_token(out, c, Visibility::Always);
            }
            run = ++i;
            continue;
        }
        const std::size_t at = i;
        const char32_t cp = next_code_point(s, i);
        if (cp == kInvalid) {
            flush(at);
            out += "\xEF\xBF\xBD";
            run = i;
            continue;
        }
        const Visibility v = visibility(cp);
        if (v == Visibility::Plain || (v == Visibility::InFinding && show == Show::Hard)) continue;
        flush(at);
        append_token(out, cp, v);
        run = i;
    }
    flush(s.size());
}

// Attribute values (always double-quoted): no markup possible, so hard characters become
// their bracketed label as text.
void append_attr(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const char32_t cp = next_code_point(s, i);
        switch (cp) {
            case '&':
                out += "&amp;";
                continue;
            case '<':
                out += "&lt;";
                continue;
            case '>':
                out += "&gt;";
                continue;
            case '"':
                out += "&quot;";
                continue;
            case '\'':
                out += "&#39;";
                continue;
            default:
                break;
        }
        if (cp == kInvalid) {
            out += "\xEF\xBF\xBD";
        } else if (visibility(cp) == Visibility::Always) {
            out += "\xE2\x9F\xA8" + char_label(cp).first + "\xE2\x9F\xA9";
        } else {
            out.append(s.data() + at, i - at);
        }
    }
}

void add(std::string& out, std::initializer_list<std::string_view> parts) {
    for (std::string_view p : parts) out += p;
}

std::string html(std::string_view s, Show show = Show::Hard) {
    std::string out;
    append_html(out, s, show);
    return out;
}

std::string attr(std::string_view s) {
    std::string out;
    append_attr(out, s);
    return out;
}

// "12,345"
std::string count(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return count(n) + " " + std::string(n == 1 ? one : many);
}

std::string_view severity_label(Severity s) {
    switch (s) {
        case Severity::Error:
            return "Error";
        case Severity::Warning:
            return "Warning";
        case Severity::Suggestion:
            return "Suggestion";
    }
    return "";
}

constexpr std::array<Severity, 3> kSeverities{Severity::Error, Severity::Warning,
                                              Severity::Suggestion};
constexpr std::size_t kCategoryCount = 10;

Category category_at(std::size_t i) {
    return static_cast<Category>(i);
}

struct SeverityCounts {
    std::array<std::size_t, 3> by{};  // indexed by Severity
    std::size_t total() const { return by[0] + by[1] + by[2]; }
    void add(Severity s) { ++by[static_cast<std::size_t>(s)]; }
    std::size_t of(Severity s) const { return by[static_cast<std::size_t>(s)]; }
};

std::string counts_sentence(const SeverityCounts& c) {
    std::string out = plural(c.total(), "finding", "findings");
    if (c.total() == 0) return out;
    out += ": ";
    bool first = true;
    for (Severity s : kSeverities) {
        if (c.of(s) == 0) continue;
        if (!first) out += ", ";
        first = false;
        out += plural(c.of(s),
                      s == Severity::Error     ? "error"
                      : s == Severity::Warning ? "warning"
                                               : "suggestion",
                      s == Severity::Error     ? "errors"
                      : s == Severity::Warning ? "warnings"
                                               : "suggestions");
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Fixes as before/after.

bool on_boundary(std::string_view s, std::size_t pos) {
    return pos == 0 || pos >= s.size() ||
           !utf8::is_continuation(static_cast<unsigned char>(s[pos]));
}

bool is_line_break(char c) {
    return c == '\n' || c == '\r';
}

// Up to `limit` code points of context before `pos`, not crossing a line break; when cut
// short, the cut moves forward to a space so no word is shown in part.
std::size_t context_before(std::string_view s, std::size_t pos, int limit) {
    const std::size_t from = pos;
    int n = 0;
    for (; pos > 0 && n < limit; ++n) {
        std::size_t p = pos - 1;
        while (p > 0 && utf8::is_continuation(static_cast<unsigned char>(s[p]))) --p;
        if (is_line_break(s[p])) return pos;
        pos = p;
    }
    if (pos == 0 || s[pos - 1] == ' ') return pos;
    const std::size_t space = s.substr(pos, from - pos).find(' ');
    return space == std::string_view::npos ? pos : pos + space + 1;
}

std::size_t context_after(std::string_view s, std::size_t pos, int limit) {
    const std::size_t from = pos;
    for (int n = 0; pos < s.size() && n < limit; ++n) {
        if (is_line_break(s[pos])) return pos;
        pos += static_cast<std::size_t>(utf8::sequence_length(static_cast<unsigned char>(s[pos])));
    }
    pos = std::min(pos, s.size());
    if (pos == s.size() || s[pos] == ' ') return pos;
    const std::size_t space = s.substr(from, pos - from).rfind(' ');
    return space == std::string_view::npos || space == 0 ? pos : from + space;
}

// Long removed or inserted text is shown by its ends only.
void append_clipped(std::string& out, std::string_view s) {
    constexpr std::size_t kMax = 240;
    if (s.size() <= kMax) {
        append_html(out, s, Show::All);
        return;
    }
    const std::size_t head = context_after(s, 0, 80) > 0 ? context_after(s, 0, 80) : 80;
    std::size_t tail = s.size() - 80;
    while (tail < s.size() && !on_boundary(s, tail)) ++tail;
    append_html(out, s.substr(0, std::min(head, tail)), Show::All);
    out += " \xE2\x80\xA6 ";  // …
    append_html(out, s.substr(tail), Show::All);
}

void append_fix(std::string& out, std::string_view src, const Fix& fix) {
    std::vector<Edit> edits = fix.edits;
    if (edits.empty()) return;
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.span < b.span; });
    std::uint32_t prev_end = 0;
    for (const Edit& e : edits) {
        if (e.span.begin > e.span.end || e.span.end > src.size() || e.span.begin < prev_end ||
            !on_boundary(src, e.span.begin) || !on_boundary(src, e.span.end)) {
            return;  // not a fix this source can take; say nothing rather than something wrong
        }
        prev_end = e.span.end;
    }
    const std::size_t lo = edits.front().span.begin;
    const std::size_t hi = edits.back().span.end;
    const std::size_t ctx_lo = context_before(src, lo, 24);
    const std::size_t ctx_hi = context_after(src, hi, 24);
    const bool cut_lo = ctx_lo > 0 && !is_line_break(src[ctx_lo - 1]);
    const bool cut_hi = ctx_hi < src.size() && !is_line_break(src[ctx_hi]);
    const std::string_view ellipsis = "\xE2\x80\xA6";

    auto side = [&](bool after) {
        std::string s;
        if (cut_lo) s += ellipsis;
        append_html(s, src.substr(ctx_lo, lo - ctx_lo), Show::All);
        std::size_t at = lo;
        for (const Edit& e : edits) {
            append_html(s, src.substr(at, e.span.begin - at), Show::All);
            const std::string_view text =
                after ? std::string_view(e.replacement) : src.substr(e.span.begin, e.span.size());
            if (text.empty()) {
                s += after ? "<span class=\"caret\" title=\"removed here\"></span>"
                           : "<span class=\"caret\" title=\"inserted here\"></span>";
            } else {
                s += after ? "<ins>" : "<del>";
                append_clipped(s, text);
                s += after ? "</ins>" : "</del>";
            }
            at = e.span.end;
        }
        append_html(s, src.substr(hi, ctx_hi - hi), Show::All);
        if (cut_hi) s += ellipsis;
        return s;
    };

    out += fix.safe ? "<div class=\"fix\"><p><span class=\"k\">Safe fix</span>"
                    : "<div class=\"fix unsafe\"><p><span class=\"k\">Possible fix, check it "
                      "first</span>";
    if (!fix.title.empty()) {
        out += " \xC2\xB7 <span dir=\"auto\">";
        append_html(out, fix.title, Show::All);
        out += "</span>";
    }
    out += "</p><dl class=\"ba\"><dt>Before</dt><dd dir=\"auto\">";
    out += side(false);
    out += "</dd><dt>After</dt><dd dir=\"auto\">";
    out += side(true);
    out += "</dd></dl></div>";
}

// ---------------------------------------------------------------------------------------------
// One file's text with its findings marked.

// At most this many nested marks per piece of text (a finding always gets its first piece).
constexpr std::size_t kMaxNested = 6;

struct Placed {
    const Diagnostic* d = nullptr;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t layer = 0;  // depth among the findings it overlaps: its underline offset
    std::uint32_t n = 0;      // 1-based number in the file, in output order
    Position at;
    bool anchored = false;  // its focusable first piece has been written
};

class TextRenderer {
  public:
    TextRenderer(std::string& out, std::string_view src, std::vector<Placed>& items,
                 std::string prefix)
        : out_(out), src_(src), items_(items), prefix_(std::move(prefix)) {}

    void render() {
        const std::size_t m = items_.size();
        std::vector<std::uint32_t> by_begin(m);
        std::iota(by_begin.begin(), by_begin.end(), 0U);
        std::vector<std::uint32_t> by_end = by_begin;
        std::sort(by_begin.begin(), by_begin.end(), [&](std::uint32_t a, std::uint32_t b) {
            const Placed& x = items_[a];
            const Placed& y = items_[b];
            if (x.begin != y.begin) return x.begin < y.begin;
            if (x.end != y.end) return x.end > y.end;  // the longer one outside
            return a < b;
        });
        std::sort(by_end.begin(), by_end.end(), [&](std::uint32_t a, std::uint32_t b) {
            return items_[a].end != items_[b].end ? items_[a].end < items_[b].end : a < b;
        });
        assign_layers(by_begin);

        const auto size = static_cast<std::uint32_t>(src_.size());
        std::size_t si = 0;
        std::size_t ei = 0;
        std::uint32_t pos = 0;
        std::uint32_t line = 1;
        col_at_ = 0;
        col_ = 1;
        out_ += "<div class=\"text\">";
        while (true) {
            const std::size_t found = src_.find_first_of("\r\n", pos);
            const auto line_end =
                found == std::string_view::npos ? size : static_cast<std::uint32_t>(found);
            // The empty "line" after a final line break is drawn only if a finding sits there.
            if (pos == size && pos > 0 && si == m) break;
            out_ += "<div class=\"ln\" dir=\"auto\">";
            while (true) {
                for (; ei < m && items_[by_end[ei]].end <= pos; ++ei) {
                    const std::uint32_t idx = by_end[ei];
                    active_.erase({items_[idx].layer, idx});
                }
                for (; si < m && items_[by_begin[si]].begin <= pos; ++si) {
                    const std::uint32_t idx = by_begin[si];
                    Placed& it = items_[idx];
                    it.at = {line, column_of(pos)};
                    if (it.end <= pos) {
                        empty_marker(it);
                    } else {
                        active_.insert({it.layer, idx});
                    }
                }
                if (pos >= line_end) break;
                std::uint32_t next = line_end;
                if (si < m) next = std::min(next, items_[by_begin[si]].begin);
                if (ei < m) next = std::min(next, items_[by_end[ei]].end);
                piece(pos, next);
                pos = next;
            }
            if (line_end >= size) {
                out_ += "</div>";
                break;
            }
            const std::uint32_t break_len =
                src_[line_end] == '\r' && line_end + 1 < size && src_[line_end + 1] == '\n' ? 2 : 1;
            if (!active_.empty()) line_break(line_end, break_len);
            out_ += "</div>\n";
            pos = line_end + break_len;
            ++line;
            col_at_ = pos;
            col_ = 1;
        }
        out_ += "</div>";
    }

  private:
    // Greedy interval colouring: each finding takes the lowest layer free at its start.
    void assign_layers(const std::vector<std::uint32_t>& by_begin) {
        using Busy = std::pair<std::uint32_t, std::uint32_t>;  // (end, layer)
        std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
        std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> free;
        std::uint32_t next_layer = 0;
        for (std::uint32_t idx : by_begin) {
            Placed& it = items_[idx];
            while (!busy.empty() && busy.top().first <= it.begin) {
                free.push(busy.top().second);
                busy.pop();
            }
            if (it.begin == it.end) continue;
            if (free.empty()) {
                it.layer = next_layer++;
            } else {
                it.layer = free.top();
                free.pop();
            }
            busy.push({it.end, it.layer});
        }
    }

    std::uint32_t column_of(std::uint32_t pos) {
        for (; col_at_ < pos; ++col_at_) {
            if (!utf8::is_continuation(static_cast<unsigned char>(src_[col_at_]))) ++col_;
        }
        return col_;
    }

    void open_mark(Placed& it, bool empty) {
        const std::string n = std::to_string(it.n);
        out_ += "<mark class=\"f";
        if (empty) out_ += " empty";
        out_ += " s-";
        out_ += to_string(it.d->severity);
        out_ += " c-";
        out_ += to_string(it.d->category);
        if (it.layer > 0) {
            out_ += " y";
            out_ += std::to_string(std::min<std::uint32_t>(it.layer, 3));
        }
        out_ += "\" data-n=\"";
        out_ += n;
        out_ += '"';
        if (!it.anchored) {
            add(out_, {" id=\"", prefix_, n, "\" tabindex=\"0\" aria-describedby=\"", prefix_, "h",
                       n, " ", prefix_, "m", n, "\""});
            it.anchored = true;
        }
        out_ += '>';
    }

    std::size_t open_active() {
        std::size_t opened = 0;
        for (const auto& [layer, idx] : active_) {
            Placed& it = items_[idx];
            if (opened >= kMaxNested && it.anchored) continue;
            open_mark(it, false);
            ++opened;
        }
        return opened;
    }

    void close(std::size_t opened) {
        for (std::size_t i = 0; i < opened; ++i) out_ += "</mark>";
    }

    void piece(std::uint32_t from, std::uint32_t to) {
        const std::string_view text = src_.substr(from, to - from);
        if (active_.empty()) {
            append_html(out_, text, Show::Hard);
            return;
        }
        const std::size_t opened = open_active();
        append_html(out_, text, Show::All);
        close(opened);
    }

    // A line break inside a finding is drawn, so a finding that covers only breaks shows too.
    void line_break(std::uint32_t at, std::uint32_t len) {
        const std::size_t opened = open_active();
        out_ += "<span class=\"inv brk\" data-cp=\"";
        out_ += len == 2 ? "D A" : src_[at] == '\r' ? "D" : "A";
        out_ += "\" title=\"line break\">\xE2\x86\xB5</span>";  // ↵
        close(opened);
    }

    void empty_marker(Placed& it) {
        open_mark(it, true);
        out_ += "</mark>";
    }

    std::string& out_;
    std::string_view src_;
    std::vector<Placed>& items_;
    std::string prefix_;
    std::set<std::pair<std::uint32_t, std::uint32_t>> active_;  // (layer, item)
    std::uint32_t col_at_ = 0;
    std::uint32_t col_ = 1;
};

// Clamps a span into the source and widens it to whole code points.
Span snap(Span s, std::string_view src) {
    const auto size = static_cast<std::uint32_t>(src.size());
    std::uint32_t b = std::min(s.begin, size);
    std::uint32_t e = std::min(std::max(s.end, b), size);
    while (b > 0 && !on_boundary(src, b)) --b;
    while (e < size && !on_boundary(src, e)) ++e;
    return {b, e};
}

// ---------------------------------------------------------------------------------------------
// The page.

struct FileEntry {
    std::string path;
    std::string section;  // the rendered <section>
    SeverityCounts counts;
    bool failed = false;
};

struct RuleStats {
    SeverityCounts counts;
    Category category = Category::Spelling;
};

struct Bar {
    std::string label;
    std::size_t value = 0;
    std::string css;  // category class for the colour
};

void append_chart(std::string& out, std::string_view id, std::string_view caption,
                  const std::vector<Bar>& bars) {
    constexpr int kRow = 24;
    constexpr int kLabel = 170;
    constexpr int kTrack = 210;
    constexpr int kWidth = kLabel + kTrack + 64;
    const int height = static_cast<int>(bars.size()) * kRow + 6;
    std::size_t max = 1;
    for (const Bar& b : bars) max = std::max(max, b.value);

    std::string alt = std::string(caption) + ": ";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        alt += (i ? ", " : "") + bars[i].label + " " + count(bars[i].value);
    }
    alt += ".";
    out += "<figure><figcaption id=\"" + std::string(id) + "-c\">";
    append_html(out, caption);
    out += "</figcaption><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
           std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"" +
           std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
           "\" role=\"img\" aria-labelledby=\"" + std::string(id) + "-t\"><title id=\"" +
           std::string(id) + "-t\">";
    append_html(out, alt);
    out += "</title>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const int y = static_cast<int>(i) * kRow + 3;
        const int w =
            std::max(2, static_cast<int>(static_cast<double>(kTrack) *
                                         static_cast<double>(b.value) / static_cast<double>(max)));
        std::string label = b.label;
        if (utf8::count_code_points(label) > 24) {
            std::size_t cut = 0;
            for (int cps = 0; cps < 23 && cut < label.size(); ++cps) {
                cut += static_cast<std::size_t>(
                    utf8::sequence_length(static_cast<unsigned char>(label[cut])));
            }
            label = label.substr(0, cut) + "\xE2\x80\xA6";
        }
        const std::string ty = std::to_string(y + 15);
        out += "<g class=\"" + b.css + "\"><text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" +
               ty + "\" text-anchor=\"end\">";
        append_html(out, label);
        out += "</text><rect class=\"track\" x=\"" + std::to_string(kLabel) + "\" y=\"" +
               std::to_string(y + 3) + "\" width=\"" + std::to_string(kTrack) +
               "\" height=\"16\" rx=\"3\"/><rect class=\"bar\" x=\"" + std::to_string(kLabel) +
               "\" y=\"" + std::to_string(y + 3) + "\" width=\"" + std::to_string(w) +
               "\" height=\"16\" rx=\"3\"/><text class=\"n\" x=\"" +
               std::to_string(kLabel + kTrack + 8) + "\" y=\"" + ty + "\">" + count(b.value) +
               "</text></g>";
    }
    out += "</svg></figure>";
}

constexpr std::size_t kLongText = 256 * 1024;
constexpr std::size_t kManyFindings = 1000;

class HtmlFormatter final : public Formatter {
  public:
    explicit HtmlFormatter(std::ostream& out) : out_(out) {}

    void file(const FileReport& report) override {
        FileEntry entry;
        entry.path = report.path;
        const std::size_t k = files_.size();
        const std::string prefix = "f" + std::to_string(k) + "-";
        std::string& s = entry.section;
        // Long articles let the browser skip laying out what is off screen.
        const bool long_text =
            report.document != nullptr && (report.document->source.size() > kLongText ||
                                           report.diagnostics.size() > kManyFindings);
        s += "<section class=\"card file";
        if (long_text) s += " long";
        s += "\" id=\"" + prefix + "file\" data-file=\"" + std::to_string(k) +
             "\" aria-labelledby=\"" + prefix + "t\"><div class=\"fhead\">";
        s += "<h2 id=\"" + prefix + "t\"><bdi>";
        append_html(s, report.path, Show::All);
        s += "</bdi></h2>";

        if (report.error || report.document == nullptr) {
            entry.failed = true;
            s += "<p class=\"ferr\">Not checked: ";
            append_html(s, report.error.value_or("could not be read"));
            s += "</p>";
        } else if (report.diagnostics.empty()) {
            s += "<p class=\"clean\">No findings.</p>";
        } else {
            for (const Diagnostic& d : report.diagnostics) {
                entry.counts.add(d.severity);
                RuleStats& r = rules_[d.rule];
                if (r.counts.total() == 0) r.category = d.category;
                r.counts.add(d.severity);
                ++categories_[static_cast<std::size_t>(d.category)];
                totals_.add(d.severity);
            }
            s += "<p>" + html(counts_sentence(entry.counts)) +
                 "</p><a href=\"#summary\">Back to the summary</a></div>";
            render_findings(*report.document, report.diagnostics, prefix, s);
            s += "</section>\n";
            files_.push_back(std::move(entry));
            return;
        }
        s += "<a href=\"#summary\">Back to the summary</a></div></section>\n";
        files_.push_back(std::move(entry));
    }

    void end(const Summary& summary) override {
        std::string page;
        page.reserve(64 * 1024);
        const std::string title =
            "copydesk report: " + plural(totals_.total(), "finding", "findings") + " in " +
            plural(summary.files, "file", "files");
        page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
        page +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'sha256-" +
            base64(sha256(html_assets::kStyle)) + "'; script-src 'sha256-" +
            base64(sha256(html_assets::kScript)) +
            "'; base-uri 'none'; form-action 'none'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"referrer\" content=\"no-referrer\">\n"
            "<meta name=\"generator\" content=\"copydesk\">\n<title>";
        append_html(page, title);
        page += "</title>\n<style>";
        page += html_assets::kStyle;
        page += "</style>\n</head>\n<body>\n";
        page += "<a class=\"skip\" href=\"#files\">Skip to the articles</a>\n";
        page += "<header class=\"top\"><h1>copydesk report</h1><p>" + html(counts_line(summary)) +
                "</p><p class=\"keys\">Hover or focus a marked passage to read the finding. "
                "<kbd>Tab</kbd> and <kbd>Shift</kbd>+<kbd>Tab</kbd>, or <kbd>n</kbd> and "
                "<kbd>p</kbd>, move between findings; <kbd>Esc</kbd> closes the note.</p>"
                "</header>\n<main>\n";
        summary_section(page);
        filters(page);
        page += "<div id=\"files\">\n";
        out_.write(page.data(), static_cast<std::streamsize>(page.size()));
        for (const FileEntry& f : files_) {
            out_.write(f.section.data(), static_cast<std::streamsize>(f.section.size()));
        }
        page.clear();
        page += "</div>\n<div id=\"pop\" role=\"tooltip\" hidden></div>\n</main>\n<script>";
        page += html_assets::kScript;
        page += "</script>\n</body>\n</html>\n";
        out_.write(page.data(), static_cast<std::streamsize>(page.size()));
    }

  private:
    std::string counts_line(const Summary& summary) const {
        std::string s =
            plural(summary.files, "file", "files") + " checked, " + counts_sentence(totals_) + ".";
        if (failed_count() > 0) {
            s += " " + plural(failed_count(), "file", "files") + " could not be checked.";
        }
        return s;
    }

    std::size_t failed_count() const {
        return static_cast<std::size_t>(std::count_if(files_.begin(), files_.end(),
                                                      [](const FileEntry& f) { return f.failed; }));
    }

    static void render_findings(const Document& doc, const std::vector<Diagnostic>& diags,
                                const std::string& prefix, std::string& s) {
        std::vector<Placed> items(diags.size());
        for (std::size_t i = 0; i < diags.size(); ++i) {
            const Span sp = snap(diags[i].span, doc.source);
            items[i].d = &diags[i];
            items[i].begin = sp.begin;
            items[i].end = sp.end;
            items[i].n = static_cast<std::uint32_t>(i + 1);
        }
        s.reserve(s.size() + doc.source.size() * 5 / 4 + diags.size() * 640);
        s += "<div class=\"pane\">";
        TextRenderer(s, doc.source, items, prefix).render();
        s += "<nav class=\"notes\" aria-labelledby=\"" + prefix + "nh\"><h3 id=\"" + prefix +
             "nh\">Findings</h3><ol>";
        for (const Placed& it : items) note(s, doc.source, it, prefix);
        s += "</ol></nav></div>";
    }

    static void note(std::string& s, std::string_view src, const Placed& it,
                     const std::string& prefix) {
        const Diagnostic& d = *it.d;
        const std::string n = std::to_string(it.n);
        s += "<li class=\"note s-";
        s += to_string(d.severity);
        s += " c-";
        s += to_string(d.category);
        add(s, {"\" id=\"", prefix, "n", n, "\" data-n=\"", n, "\" data-severity=\"",
                to_string(d.severity), "\" data-category=\"", to_string(d.category),
                "\" data-rule=\""});
        append_attr(s, d.rule);
        add(s, {"\"><a class=\"jump\" href=\"#", prefix, n, "\"><span class=\"pos\" data-n=\"", n,
                "\">", std::to_string(it.at.line), ":", std::to_string(it.at.column),
                "</span> <span class=\"sev\" id=\"", prefix, "h", n, "\">",
                severity_label(d.severity), "</span> <bdi class=\"rule\">"});
        append_html(s, d.rule, Show::All);
        add(s, {"</bdi></a><p class=\"msg\" id=\"", prefix, "m", n, "\" dir=\"auto\">"});
        append_html(s, d.message, Show::All);
        s += "</p>";
        if (!d.suggestions.empty()) {
            s += "<p class=\"sugg\">";
            s += d.suggestions.size() == 1 ? "Suggestion: " : "Suggestions: ";
            for (std::size_t i = 0; i < d.suggestions.size(); ++i) {
                if (i > 0) s += ", ";
                s += "<bdi>";
                append_html(s, d.suggestions[i], Show::All);
                s += "</bdi>";
            }
            s += "</p>";
        }
        if (d.fix) append_fix(s, src, *d.fix);
        if (d.link.starts_with("https://") || d.link.starts_with("http://")) {
            s += "<a class=\"more\" href=\"" + attr(d.link) + "\">About this rule</a>";
        }
        s += "</li>";
    }

    void summary_section(std::string& page) const {
        page +=
            "<section class=\"card\" id=\"summary\" aria-labelledby=\"summary-t\">"
            "<h2 id=\"summary-t\">Summary</h2><ul class=\"tiles\">";
        page += "<li><b>" + count(files_.size()) + "</b>" +
                (files_.size() == 1 ? "file" : "files") + "</li>";
        page += "<li><b>" + count(totals_.total()) + "</b>" +
                (totals_.total() == 1 ? "finding" : "findings") + "</li>";
        for (Severity sev : kSeverities) {
            const std::size_t c = totals_.of(sev);
            page += "<li class=\"s-";
            page += to_string(sev);
            page += "\"><b>" + count(c) + "</b>";
            page += sev == Severity::Error     ? (c == 1 ? "error" : "errors")
                    : sev == Severity::Warning ? (c == 1 ? "warning" : "warnings")
                                               : (c == 1 ? "suggestion" : "suggestions");
            page += "</li>";
        }
        page += "</ul>";

        const auto rules = rules_by_count();
        if (totals_.total() > 0) {
            page += "<div class=\"sumgrid\">";
            std::vector<Bar> rule_bars;
            constexpr std::size_t kTopRules = 12;
            std::size_t rest = 0;
            std::size_t rest_rules = 0;
            for (std::size_t i = 0; i < rules.size(); ++i) {
                if (i < kTopRules) {
                    rule_bars.push_back({rules[i]->first, rules[i]->second.counts.total(),
                                         "c-" + std::string(to_string(rules[i]->second.category))});
                } else {
                    rest += rules[i]->second.counts.total();
                    ++rest_rules;
                }
            }
            if (rest_rules > 0) {
                rule_bars.push_back({plural(rest_rules, "other rule", "other rules"), rest, ""});
            }
            append_chart(page, "chart-rules", "Findings per rule", rule_bars);
            std::vector<Bar> cat_bars;
            for (std::size_t c = 0; c < kCategoryCount; ++c) {
                if (categories_[c] == 0) continue;
                const std::string name(to_string(category_at(c)));
                cat_bars.push_back({name, categories_[c], "c-" + name});
            }
            std::stable_sort(cat_bars.begin(), cat_bars.end(),
                             [](const Bar& a, const Bar& b) { return a.value > b.value; });
            append_chart(page, "chart-categories", "Findings per category", cat_bars);
            page += "</div>";
        }

        page += "<div class=\"sumgrid\">";
        page +=
            "<table><caption>Findings per file</caption><thead><tr><th scope=\"col\">File"
            "</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th "
            "scope=\"col\">Suggestions</th><th scope=\"col\">Total</th></tr></thead><tbody>";
        for (std::size_t k = 0; k < files_.size(); ++k) {
            const FileEntry& f = files_[k];
            page += "<tr><th scope=\"row\"><a href=\"#f" + std::to_string(k) + "-file\"><bdi>";
            append_html(page, f.path, Show::All);
            page += "</bdi></a>";
            if (f.failed) page += " <span class=\"ferr\">not checked</span>";
            page += "</th>";
            auto cell = [&](std::size_t n) {
                page += n == 0 ? "<td class=\"z\">0</td>" : "<td>" + count(n) + "</td>";
            };
            for (Severity sev : kSeverities) cell(f.counts.of(sev));
            cell(f.counts.total());
            page += "</tr>";
        }
        page += "</tbody></table>";
        if (!rules.empty()) {
            page +=
                "<table><caption>Findings per rule</caption><thead><tr><th scope=\"col\">"
                "Rule</th><th scope=\"col\">Category</th><th scope=\"col\">Findings</th>"
                "</tr></thead><tbody>";
            for (const auto* r : rules) {
                page += "<tr class=\"c-";
                page += to_string(r->second.category);
                page += "\"><th scope=\"row\"><span class=\"sw\"></span><bdi>";
                append_html(page, r->first, Show::All);
                page += "</bdi></th><td>";
                page += to_string(r->second.category);
                page += "</td><td>" + count(r->second.counts.total()) + "</td></tr>";
            }
            page += "</tbody></table>";
        }
        page += "</div>";
        legend(page);
        page += "</section>\n";
    }

    void legend(std::string& page) const {
        if (totals_.total() == 0) return;
        page +=
            "<p class=\"legend\"><span><mark class=\"f s-error c-web-residue\">solid"
            "</mark> error</span><span><mark class=\"f s-warning c-web-residue\">wavy</mark> "
            "warning</span><span><mark class=\"f s-suggestion c-web-residue\">dotted</mark>"
            " suggestion</span>";
        for (std::size_t c = 0; c < kCategoryCount; ++c) {
            if (categories_[c] == 0) continue;
            page += "<span class=\"c-";
            page += to_string(category_at(c));
            page += "\"><span class=\"sw\"></span>";
            page += to_string(category_at(c));
            page += "</span>";
        }
        page +=
            "<span><span class=\"inv\">\xE2\x9F\xA8ZWSP\xE2\x9F\xA9</span> an invisible "
            "character</span></p>";
    }

    void filters(std::string& page) const {
        if (totals_.total() == 0) return;
        // Shown by the script: without it the filters could not work.
        page +=
            "<section class=\"card\" id=\"filters-card\" aria-labelledby=\"filters-t\" "
            "hidden><h2 id=\"filters-t\">Filters</h2><form class=\"filters\" id=\"filters\">";
        page += "<fieldset><legend>Severity</legend>";
        for (Severity sev : kSeverities) {
            if (totals_.of(sev) == 0) continue;
            page += "<label class=\"chk s-";
            page += to_string(sev);
            page += "\"><input type=\"checkbox\" name=\"severity\" value=\"";
            page += to_string(sev);
            page += "\" checked> ";
            page += severity_label(sev);
            page += " <span class=\"cnt\">(" + count(totals_.of(sev)) + ")</span></label>";
        }
        page += "</fieldset><fieldset><legend>Category</legend>";
        for (std::size_t c = 0; c < kCategoryCount; ++c) {
            if (categories_[c] == 0) continue;
            const std::string name(to_string(category_at(c)));
            page += "<label class=\"chk c-" + name +
                    "\"><input type=\"checkbox\" name=\"category\" value=\"" + name +
                    "\" checked> <span class=\"sw\"></span>" + name + " <span class=\"cnt\">(" +
                    count(categories_[c]) + ")</span></label>";
        }
        page += "</fieldset><fieldset><legend>Rule</legend>";
        for (const auto& [id, stats] : rules_) {
            page += "<label class=\"chk\"><input type=\"checkbox\" name=\"rule\" value=\"" +
                    attr(id) + "\" checked> <bdi>";
            append_html(page, id, Show::All);
            page +=
                "</bdi> <span class=\"cnt\">(" + count(stats.counts.total()) + ")</span></label>";
        }
        page +=
            "</fieldset><label class=\"flabel\">File <select name=\"file\"><option value=\"\">"
            "All files</option>";
        for (std::size_t k = 0; k < files_.size(); ++k) {
            if (files_[k].counts.total() == 0) continue;
            page += "<option value=\"" + std::to_string(k) + "\">" + attr(files_[k].path) + " (" +
                    count(files_[k].counts.total()) + ")</option>";
        }
        page += "</select></label><p class=\"shown\" id=\"shown\" role=\"status\">Showing " +
                count(totals_.total()) + " of " + plural(totals_.total(), "finding.", "findings.") +
                "</p></form></section>\n";
    }

    std::vector<const std::pair<const std::string, RuleStats>*> rules_by_count() const {
        std::vector<const std::pair<const std::string, RuleStats>*> out;
        for (const auto& r : rules_) out.push_back(&r);
        std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
            return a->second.counts.total() > b->second.counts.total();
        });
        return out;
    }

    std::ostream& out_;
    std::vector<FileEntry> files_;
    std::map<std::string, RuleStats> rules_;
    std::array<std::size_t, kCategoryCount> categories_{};
    SeverityCounts totals_;
};

}  // namespace

std::unique_ptr<Formatter> make_html_formatter(std::ostream& out) {
    return std::make_unique<HtmlFormatter>(out);
}

}  // namespace copydesk::output
