#include "text/casing.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "core/utf8.hpp"

namespace copydesk::text {

namespace {
bool ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

template <typename Pred>
bool any_cp(std::string_view w, Pred pred) {
    std::size_t pos = 0;
    while (pos < w.size()) {
        if (pred(static_cast<UChar32>(utf8::decode(w, pos)))) return true;
    }
    return false;
}
}  // namespace

// Every word of a text passes through these: plain ASCII, the common case, skips ICU.
bool detail::starts_upper_unicode(std::string_view w) {
    std::size_t pos = 0;
    while (pos < w.size()) {
        const char c = w[pos];
        if (static_cast<unsigned char>(c) < 0x80) {
            if (ascii_letter(c)) return c <= 'Z';
            ++pos;
            continue;
        }
        const auto cp = static_cast<UChar32>(utf8::decode(w, pos));
        if (u_isalpha(cp)) return u_isupper(cp) || u_istitle(cp);
    }
    return false;
}

bool detail::has_lower_unicode(std::string_view w) {
    if (utf8::is_ascii(w))
        return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return any_cp(w, [](UChar32 c) { return u_islower(c) != 0; });
}
bool has_upper(std::string_view w) {
    if (utf8::is_ascii(w))
        return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return any_cp(w, [](UChar32 c) { return u_isupper(c) != 0; });
}

namespace {
char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
}  // namespace

std::string to_lower(std::string_view w) {
    std::string out;
    if (utf8::is_ascii(w)) {
        out.reserve(w.size());
        append_ascii_lower(out, w);
        return out;
    }
    out.reserve(w.size());
    std::size_t pos = 0;
    while (pos < w.size())
        utf8::append(out,
                     static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::decode(w, pos)))));
    return out;
}

bool same_lower(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<unsigned char>(a[i] | b[i]) >= 0x80) return to_lower(a) == to_lower(b);
        // An ASCII prefix lowers to itself, so the lowered words differ here too.
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    // Past an ASCII prefix, the longer word's rest lowers to at least one more character.
    return a.size() == b.size();
}

bool detail::is_latin_unicode(std::string_view w) {
    if (utf8::is_ascii(w)) return true;
    return !any_cp(w, [](UChar32 c) {
        if (!u_isalpha(c)) return false;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        return script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED;
    });
}

}  // namespace copydesk::text
