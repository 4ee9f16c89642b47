#pragma once

// Small helpers the built-in rules share for walking a region's text.

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "rules/rule.hpp"

namespace copydesk::rules {

// "U+200B"
std::string code_point_label(char32_t cp);

// The text of a token.
inline std::string_view token_text(const RegionText& where, const text::Token& t) {
    return where.slice(t.span);
}

// URL, email, handle and hashtag spans of a region, in order.
std::vector<Span> web_spans(const RegionText& where);
bool inside_any(const std::vector<Span>& spans, std::uint32_t offset);

// The lines of a region's text (hard-wrapped paragraphs have several), without line ends.
std::vector<Span> line_spans(std::string_view text);
// `span` without leading and trailing ASCII white space.
Span trim(std::string_view text, Span span);

// The code point before `at` (0 at the start) and the one at `at` (0 at the end).
char32_t code_point_before(std::string_view text, std::size_t at);
char32_t code_point_at(std::string_view text, std::size_t at);

// Letters and digits of any script (ICU-free: ASCII, plus everything non-ASCII that is not
// punctuation or space in the ranges news copy uses).
bool is_word_char(char32_t cp);
bool is_space_char(char32_t cp);

}  // namespace copydesk::rules
