#include <algorithm>

#include "rules/rule.hpp"

namespace copydesk::rules::builtin {

namespace {

char lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lower_ascii(x) == lower_ascii(y);
           });
}

class RejectedTerm final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        const Vocabulary* vocabulary = ctx.vocabulary();
        if (vocabulary == nullptr || vocabulary->reject.empty()) return;
        for (const RegionText& where : ctx.regions()) {
            const auto& tokens = where.analysis.tokens;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                if (tokens[i].kind != text::TokenKind::Word) continue;
                if (i > 0 && tokens[i - 1].kind == text::TokenKind::Word) continue;
                for (const Vocabulary::Rejected& term : vocabulary->reject) {
                    if (auto span = match(where, i, term.form)) report(out, where, *span, term);
                }
            }
        }
    }

  private:
    // The term as written at token `i`, in its own case or with the case a sentence start or
    // a headline gives it ("Kiev", "KIEV", "kiev" for "Kiev"), ending where a token ends.
    static std::optional<Span> match(const RegionText& where, std::size_t i,
                                     std::string_view form) {
        const auto& tokens = where.analysis.tokens;
        const std::uint32_t begin = tokens[i].span.begin;
        if (begin + form.size() > where.text().size()) return std::nullopt;
        const auto end = static_cast<std::uint32_t>(begin + form.size());
        const std::string_view written = where.text().substr(begin, form.size());
        if (!iequals_ascii(written, form)) return std::nullopt;
        if (written != form && copy_case(written, form) != written) return std::nullopt;
        for (std::size_t k = i; k < tokens.size() && tokens[k].span.begin < end; ++k) {
            if (tokens[k].span.end == end) {
                const bool glued = k + 1 < tokens.size() && tokens[k + 1].span.begin == end &&
                                   tokens[k + 1].kind == text::TokenKind::Word;
                if (glued) return std::nullopt;
                return Span{begin, end};
            }
        }
        return std::nullopt;
    }

    void report(Reporter& out, const RegionText& where, Span span,
                const Vocabulary::Rejected& term) const {
        const std::string written(where.slice(span));
        if (term.use.empty()) {
            out.report(where, span,
                       "This project does not use '" + written + "'; rephrase without it.");
            return;
        }
        const std::string use = copy_case(written, term.use);
        Diagnostic& d = out.report(
            where, span, "Use '" + use + "' instead of '" + written + "' in this project.");
        d.suggestions.push_back(use);
        out.set_fix(d, where, span, use, "Replace with '" + use + "'", false);
    }

    RuleInfo info_{
        .id = "rejected-term",
        .category = Category::HouseStyle,
        .severity = Severity::Error,
        .enabled_by_default = true,
        .summary = "A form the project's vocabulary rejects (vocabulary.reject in .copydesk.yaml).",
        .description =
            "Projects list forms that are always wrong for them (an old spelling of a place, a "
            "misspelt name, a banned word), optionally with the form to use instead. Matching is "
            "on whole words, in the listed case or capitalized at a sentence start or in capitals. "
            "The replacement is offered as an unsafe fix: an editor confirms it.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_rejected_term() {
    return std::make_unique<RejectedTerm>();
}

}  // namespace copydesk::rules::builtin
