#include "rules/spelling_support.hpp"

namespace copydesk::rules::builtin {

namespace {

class Spelling final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        if (ctx.speller() == nullptr) return;
        const Context::Words& words = ctx.words();
        // Looked up once per distinct word; a word not known is judged at each use.
        static constexpr char kKnown = 0;
        WordMemo known(words.all, ctx.word_answers(&kKnown),
                       [&](std::string_view w) { return ctx.speller()->look_up_known(w); });
        known.answer_all([&](std::span<const std::string_view> batch) {
            ctx.speller()->prefetch_lookups(batch);
        });
        for (std::size_t r = 0; r < ctx.regions().size(); ++r) {
            const RegionText& where = ctx.regions()[r];
            const auto& ids = words.ids[r];
            for (const std::uint32_t t : where.analysis.words) {
                // classify_word judges a known word known.
                if (known(ids[t])) continue;
                const text::Token& token = where.analysis.tokens[t];
                if (classify_word(ctx, where, token) != WordVerdict::Unknown) continue;
                const std::string_view word = where.slice(token.span);
                const spell::Corrections* within = ctx.speller()->corrections_within_budget(word);
                std::string message = "Unknown word '" + std::string(word) + "'";
                if (within == nullptr) {
                    out.report(where, token.span,
                               std::move(message) + "; no suggestions (their time ran out).");
                    continue;
                }
                const spell::Corrections& found = *within;
                if (found.safe) {
                    message += "; use '" + found.words.front() + "'.";
                } else {
                    message +=
                        found.words.empty() ? "." : "; did you mean '" + found.words.front() + "'?";
                }
                Diagnostic& d = out.report(where, token.span, std::move(message));
                d.suggestions = found.words;
                // Only a known misspelling's correction is certain enough to apply unasked.
                if (found.safe) {
                    out.set_fix(d, where, token.span, found.words.front(),
                                "Replace with '" + found.words.front() + "'", true);
                }
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "spelling",
        .category = Category::Spelling,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "A word that is in neither the dictionary nor the house word lists.",
        .description =
            "Checks each word against Hunspell (--lang) and the house lists in dictionaries/. "
            "URLs, emails, handles, hashtags, numbers, acronyms and words marked [sic] are "
            "skipped; capitalized unknown words that read as names go to unknown-name instead.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_spelling() {
    return std::make_unique<Spelling>();
}

}  // namespace copydesk::rules::builtin
