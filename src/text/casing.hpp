#pragma once

#include <string>
#include <string_view>

namespace copydesk::text {

// Letter case of UTF-8 words, by Unicode properties.
bool starts_upper(std::string_view word);
bool has_lower(std::string_view word);
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
bool is_latin(std::string_view word);

}  // namespace copydesk::text
