#include "fix/fixer.hpp"

#include <functional>
#include <numeric>
#include <unordered_set>

#include "rules/linter.hpp"

namespace copydesk::fix {

namespace {
// Halving a run of touching fixes each pass, 64 passes settle any text.
constexpr int kMostPasses = 64;
}  // namespace

std::size_t Result::applied_total() const {
    return std::accumulate(applied.begin(), applied.end(), std::size_t{0},
                           [](std::size_t n, const auto& entry) { return n + entry.second; });
}

Result fix_document(const Document& doc, markup::Format format, const LintFunction& lint,
                    const Options& options) {
    Result result;
    result.text = doc.source;
    std::optional<Document> current;  // the document of the latest pass, once one applied
    // The texts of the passes so far (hashed): past max_passes, passes go on only while each
    // brings a text not seen before. Fixes that touch wait for the next pass, so a run of n
    // touching fixes (pasted invisible characters) halves each pass and needs about log2(n)
    // of them, and a fix may make room for another (the double space left where they were);
    // fixes that undo each other bring back a text already seen.
    std::unordered_set<std::size_t> seen;
    for (;;) {
        const Document& now = current ? *current : doc;
        std::vector<Diagnostic> diagnostics = lint(now);
        ++result.passes;
        const Plan plan = plan_fixes(now, diagnostics, options.filter);
        if (plan.edits.empty()) {
            result.remaining = std::move(diagnostics);
            return result;
        }
        const bool new_text = seen.insert(std::hash<std::string_view>{}(now.source)).second;
        if (result.passes > options.max_passes && (!new_text || result.passes > kMostPasses)) {
            result.converged = false;
            result.remaining = std::move(diagnostics);
            return result;
        }
        for (std::size_t i : plan.applied) ++result.applied[diagnostics[i].rule];
        std::string next = apply_sorted(now.source, plan.edits);
        result.edits = compose(doc.source, result.edits, now.source, plan.edits);
        auto loaded = markup::load_document(doc.path, next, format, options.read);
        if (auto* bad = std::get_if<markup::LoadError>(&loaded)) {
            // Cannot happen for valid fixes (they insert valid UTF-8 without NUL); refuse to
            // hand back text the reader rejects.
            result.error = "fixed text could not be read again: " + bad->message;
            result.text = doc.source;
            result.edits.clear();
            result.applied.clear();
            return result;
        }
        result.text = std::move(next);
        current = std::get<Document>(std::move(loaded));
        // The line index views `source`; a move can relocate a short string's bytes.
        current->lines = SourceMap(current->source);
    }
}

Result fix_document(const Document& doc, markup::Format format, rules::Linter& linter,
                    const Options& options) {
    return fix_document(
        doc, format, [&](const Document& d) { return linter.lint(d); }, options);
}

}  // namespace copydesk::fix
