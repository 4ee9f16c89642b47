#pragma once

#include <string_view>

#include "rules/rule.hpp"

namespace copydesk::rules {

enum class WordVerdict {
    Skip,          // not something to spell-check (acronym, foreign script, [sic], ...)
    Known,         // in the dictionary or the house lists (whether or not also a Skip)
    ProbableName,  // unknown, but capitalized like a name
    Unknown,       // unknown word: a spelling finding
};

// Shared by `spelling` and `unknown-name` so that each unknown word goes to exactly one of them.
WordVerdict classify_word(const Context& ctx, const RegionText& where, const text::Token& token);

}  // namespace copydesk::rules
