#pragma once

// Quote marks in a paragraph and what each one does, for the quote rules.

#include <span>
#include <vector>

#include "rules/rule.hpp"

namespace copydesk::rules {

enum class QuoteRole : std::uint8_t {
    Open,
    Close,       // for single quotes possibly an apostrophe ("the players’ union")
    Apostrophe,  // "China’s", "rock ’n’ roll", "the ’90s"
    Measure,     // 5'10", a 12" pipe; or a closing quote after a number ("... 251", he said)
    Unknown,     // a straight quote between two spaces or two words
};

struct QuoteMark {
    Span span;
    bool curly = false;
    bool is_double = false;
    QuoteRole role = QuoteRole::Unknown;
};

// Every quote mark and apostrophe of a region outside URLs, emails, handles and hashtags.
std::vector<QuoteMark> find_quote_marks(const RegionText& where);
// find_quote_marks of region `region` of the document, found once for every rule that asks.
std::span<const QuoteMark> quote_marks(const Context& ctx, std::size_t region);

// True when the region's text starts with an opening double quote (“ or "): a quotation
// running on from the previous paragraph, which by convention is left unclosed there.
bool starts_with_open_quote(const RegionText& where);

// The curly character for a straight mark in its role ("" when none fits).
std::string curly_form(const QuoteMark& mark);

}  // namespace copydesk::rules
