#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace copydesk {

enum class Severity { Suggestion = 0, Warning = 1, Error = 2 };

// A closed list, documented in docs/rules.md.
enum class Category {
    Spelling,
    Typo,
    Names,
    HouseStyle,
    Punctuation,
    Typography,
    Grammar,
    Repetition,
    WebResidue,
    Unicode,
};

std::string_view to_string(Severity severity);
std::string_view to_string(Category category);
std::optional<Severity> parse_severity(std::string_view text);
std::optional<Category> parse_category(std::string_view text);

// Replaces `span` of the original bytes (empty replacement removes, empty span inserts).
struct Edit {
    Span span;
    std::string replacement;
    friend bool operator==(const Edit&, const Edit&) = default;
};

struct Fix {
    std::string title;
    std::vector<Edit> edits;
    bool safe = false;  // only safe fixes are applied by `copydesk fix`
};

struct Diagnostic {
    std::string rule;
    Severity severity = Severity::Warning;
    Category category = Category::Spelling;
    Span span;
    std::string message;  // one sentence that says what to use instead
    std::vector<std::string> suggestions;
    std::optional<Fix> fix;
    std::string link;
};

// Output order: position first, then rule id, so runs are deterministic.
bool diagnostic_order(const Diagnostic& a, const Diagnostic& b);

// The candidate closest to `word` by edit distance, if one is close enough to be a misspelling
// of it (for "did you mean" in messages about ids and keys).
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

// Copies the case pattern of `original` onto `replacement` ("Kiev" -> "Kyiv", "KIEV" -> "KYIV").
std::string copy_case(std::string_view original, std::string_view replacement);

}  // namespace copydesk
