#include "fix/fixer.hpp"

#include <numeric>

#include "rules/linter.hpp"

namespace copydesk::fix {

std::size_t Result::applied_total() const {
    return std::accumulate(applied.begin(), applied.end(), std::size_t{0},
                           [](std::size_t n, const auto& entry) { return n + entry.second; });
}

Result fix_document(const Document& doc, markup::Format format, const LintFunction& lint,
                    const Options& options) {
    Result result;
    result.text = doc.source;
    std::optional<Document> current;  // the document of the latest pass, once one applied
    for (;;) {
        const Document& now = current ? *current : doc;
        std::vector<Diagnostic> diagnostics = lint(now);
        ++result.passes;
        const Plan plan = plan_fixes(now, diagnostics, options.filter);
        if (plan.edits.empty()) {
            result.remaining = std::move(diagnostics);
            return result;
        }
        if (result.passes > options.max_passes) {
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
