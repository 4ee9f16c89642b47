#pragma once

#include <string>
#include <string_view>

namespace copydesk::text {

namespace detail {
bool starts_upper_unicode(std::string_view word);
bool has_lower_unicode(std::string_view word);
bool is_latin_unicode(std::string_view word);
}  // namespace detail

// Letter case of UTF-8 words, by Unicode properties. Every word of a text passes through
// these: a word starting with an ASCII letter, or made of ASCII, is answered inline.
inline bool starts_upper(std::string_view word) {
    if (!word.empty()) {
        const char c = word.front();
        if (c >= 'A' && c <= 'Z') return true;
        if (c >= 'a' && c <= 'z') return false;
    }
    return detail::starts_upper_unicode(word);
}
inline bool has_lower(std::string_view word) {
    for (const char c : word) {
        if (c >= 'a' && c <= 'z') return true;
        if (static_cast<unsigned char>(c) >= 0x80) return detail::has_lower_unicode(word);
    }
    return false;
}
bool has_upper(std::string_view word);
std::string to_lower(std::string_view word);
// Appends `ascii` with its letters lower-cased (what to_lower makes of ASCII), for callers that
// gather many words into one buffer.
inline void append_ascii_lower(std::string& out, std::string_view ascii) {
    const std::size_t at = out.size();
    out.append(ascii);  // inline, and no zero-filling: it runs once per word of a text
    for (std::size_t i = at; i < out.size(); ++i) {
        if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
    }
}
// to_lower(a) == to_lower(b), without building either when both are ASCII.
bool same_lower(std::string_view a, std::string_view b);
// "Kyiv", "Erdoğan", "Ó Súilleabháin": first letter upper, some lower after it.
inline bool is_capitalized(std::string_view word) {
    return starts_upper(word) && has_lower(word);
}
// True when every letter is in the Latin script (digits and punctuation ignored).
inline bool is_latin(std::string_view word) {
    for (const char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) return detail::is_latin_unicode(word);
    }
    return true;
}

}  // namespace copydesk::text
