#pragma once

#include <cstddef>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"

namespace copydesk::fix {

// Which findings' fixes may be applied: only safe ones, optionally only from some rules.
struct Filter {
    std::set<std::string> rules;  // empty: every rule

    [[nodiscard]] bool accepts(const Diagnostic& d) const;
};

// The fixes chosen for one pass over one document.
struct Plan {
    std::vector<Edit> edits;            // sorted; no two overlap or touch
    std::vector<std::size_t> applied;   // indices of the diagnostics whose fixes were chosen
    std::vector<std::size_t> deferred;  // touching a chosen fix: left for the next pass
    std::vector<std::size_t> invalid;   // malformed edits (see valid_fix); never applied
};

// Checks that a fix can be applied to `doc` without harm: every edit lies inside one prose
// region, starts and ends on character boundaries, inserts valid UTF-8 without NUL bytes, and
// does not overlap another edit of the same fix; and the fix changes something.
[[nodiscard]] bool valid_fix(const Document& doc, const Fix& fix);

// Chooses the safe fixes to apply in one pass. Candidates are taken in a fixed order (first
// edit position, then rule id, then the edits themselves), so the choice does not depend on
// the order of `diagnostics`. A fix whose edits overlap or touch an already chosen edit is
// deferred: the next pass re-lints the fixed text and sees whether it still applies.
[[nodiscard]] Plan plan_fixes(const Document& doc, std::span<const Diagnostic> diagnostics,
                              const Filter& filter);

// Applies sorted, non-overlapping edits.
[[nodiscard]] std::string apply_sorted(std::string_view source, std::span<const Edit> edits);

// Given `first` (edits from an original text to `middle`) and `second` (sorted, non-overlapping
// edits of `middle`), returns edits from the original straight to the result of `second`:
// sorted, non-overlapping, each trimmed to the bytes that really change. Edits that touch are
// merged.
[[nodiscard]] std::vector<Edit> compose(std::string_view original, std::span<const Edit> first,
                                        std::string_view middle, std::span<const Edit> second);

// Maps a span of the edited text back to the original, through sorted, non-overlapping
// `edits`. A position inside a replacement maps to the edges of the span it replaced.
[[nodiscard]] Span to_original(std::span<const Edit> edits, Span edited);

}  // namespace copydesk::fix
