#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "fix/edits.hpp"
#include "markup/reader.hpp"

namespace copydesk::rules {
class Linter;
}

namespace copydesk::fix {

// Lints one document; the fixer calls it once per pass.
using LintFunction = std::function<std::vector<Diagnostic>(const Document&)>;

struct Options {
    Filter filter;
    // Each pass lints the current text and applies every safe fix that does not touch another;
    // fixes that touched run in the next pass. A handful of passes settles any real text; past
    // max_passes, passes go on only while each brings a text not seen before (a long run of
    // touching fixes), up to 64.
    int max_passes = 8;
    // How the text is read again after each pass (the configured front-matter keys).
    markup::ReadOptions read;
};

struct Result {
    std::string text;                            // the fixed source
    std::vector<Edit> edits;                     // original -> text: sorted, minimal spans
    std::map<std::string, std::size_t> applied;  // fixes applied, per rule id
    std::vector<Diagnostic> remaining;           // findings in `text` (spans index into it)
    int passes = 0;                              // lint passes run
    bool converged = true;             // false if safe fixes were still pending at the last pass
    std::optional<std::string> error;  // a pass produced text that could not be read again

    [[nodiscard]] std::size_t applied_total() const;
    [[nodiscard]] bool changed() const { return !edits.empty(); }
};

// Applies safe fixes to `doc` until none remains (or the pass limit, see Options), re-linting after
// each pass, so that the result has no safe-fixable finding left and fixing it again changes
// nothing. Only the bytes inside `Result::edits` differ from the original.
[[nodiscard]] Result fix_document(const Document& doc, markup::Format format,
                                  const LintFunction& lint, const Options& options = {});

[[nodiscard]] Result fix_document(const Document& doc, markup::Format format, rules::Linter& linter,
                                  const Options& options = {});

}  // namespace copydesk::fix
