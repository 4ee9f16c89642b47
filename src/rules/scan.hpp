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

// The lines of a region's text (hard-wrapped paragraphs have several), without line ends,
// found one at a time as a loop asks for them: most regions are one line, and several rules
// go through them.
class LineSpans {
  public:
    class Iterator {
      public:
        Iterator(std::string_view text, std::size_t begin);
        Span operator*() const {
            return {static_cast<std::uint32_t>(begin_), static_cast<std::uint32_t>(end_)};
        }
        Iterator& operator++();
        bool operator==(const Iterator& other) const { return begin_ == other.begin_; }

      private:
        std::string_view text_;
        std::size_t begin_;  // past the text once the last line is passed
        std::size_t end_ = 0;
    };
    explicit LineSpans(std::string_view text) : text_(text) {}
    [[nodiscard]] Iterator begin() const { return {text_, 0}; }
    [[nodiscard]] Iterator end() const { return {text_, text_.size() + 1}; }

  private:
    std::string_view text_;
};
inline LineSpans line_spans(std::string_view text) {
    return LineSpans(text);
}
// `span` without leading and trailing ASCII white space.
Span trim(std::string_view text, Span span);

// Extends a run of `cp` that ends at `end` over the copies of `cp` that follow it while
// `joins(at, after)` holds for the copy at [at, after); moves `end` past them and returns how
// many there are in the run. A run of pasted residue is one finding with one edit: the fixer
// never applies two touching edits in one pass.
template <class Joins>
std::size_t extend_run(std::string_view text, char32_t cp, std::size_t& end, Joins joins) {
    std::size_t count = 1;
    for (std::size_t next = end; next < text.size();) {
        const std::size_t here = next;
        if (utf8::decode(text, next) != cp || !joins(here, next)) break;
        end = next;
        ++count;
    }
    return count;
}

// The code point before `at` (0 at the start) and the one at `at` (0 at the end).
char32_t code_point_before(std::string_view text, std::size_t at);
char32_t code_point_at(std::string_view text, std::size_t at);

// Letters and digits of any script (ICU-free: ASCII, plus everything non-ASCII that is not
// punctuation or space in the ranges news copy uses).
bool is_word_char(char32_t cp);
bool is_space_char(char32_t cp);

}  // namespace copydesk::rules
