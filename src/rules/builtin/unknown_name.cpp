#include "rules/spelling_support.hpp"

namespace copydesk::rules::builtin {

namespace {

class UnknownName final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            for (const text::Token& token : where.analysis.tokens) {
                if (classify_word(ctx, where, token) != WordVerdict::ProbableName) continue;
                const std::string word(where.slice(token.span));
                out.report(where, token.span,
                           "Unknown name '" + word +
                               "'; check its spelling or add it to the project vocabulary.");
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "unknown-name",
        .category = Category::Names,
        .severity = Severity::Suggestion,
        .enabled_by_default = false,
        .summary = "A capitalized word that is not in any word list: probably a name to verify.",
        .description =
            "Names are not misspellings, so an unknown capitalized word inside a sentence, or one "
            "the document also uses inside a sentence, is reported here (off by default) rather "
            "than by spelling. Turn it on to review every name before publication.",
        .link = {},
        .needs_dictionary = true,
    };
};

}  // namespace

std::unique_ptr<Rule> make_unknown_name() {
    return std::make_unique<UnknownName>();
}

}  // namespace copydesk::rules::builtin
