#include <array>

#include "rules/spelling_support.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::builtin {

namespace {

using spell::Dialect;

struct Use {
    const RegionText* where;
    const text::Token* token;
    Dialect dialect;
    std::string counterpart;
};

class DialectMix final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        spell::SpellChecker* speller = ctx.speller();
        if (speller == nullptr) return;
        std::vector<Use> uses;
        std::array<int, 3> count{};
        const Context::Words& words = ctx.words();
        // Per distinct word: 1 no dialect spelling, else 2 + its dialect. Most documents keep
        // to one dialect: unless some word is spelled for each, nothing is mixed, and no use
        // need be looked at.
        static constexpr char kKey = 0;
        const WordAnswers spelled = ctx.word_answers(&kKey);
        answer_in_batches(
            words.all, spelled,
            [&](std::span<const std::string_view> batch) { speller->prefetch_lookups(batch); },
            [&](std::uint32_t id) {
                const auto spelling = speller->look_up_dialect_spelling(words.all.word(id));
                spelled[id] = spelling ? 2 + static_cast<std::uint8_t>(spelling->dialect) : 1;
            });
        std::array<bool, 3> spelled_for{};
        for (std::uint32_t id = 0; id < spelled.slots.size(); ++id) {
            if (spelled[id] >= 2) spelled_for[spelled[id] - 2U] = true;
        }
        if (!spelled_for[static_cast<std::size_t>(Dialect::US)] ||
            !spelled_for[static_cast<std::size_t>(Dialect::GB)]) {
            return;
        }
        for (std::size_t r = 0; r < ctx.regions().size(); ++r) {
            const RegionText& where = ctx.regions()[r];
            const auto& ids = words.ids[r];
            for (const std::uint32_t t : where.analysis.words) {
                if (spelled[ids[t]] < 2) continue;
                const text::Token& token = where.analysis.tokens[t];
                const std::string_view word = where.slice(token.span);
                // "Pearl Harbor", "Labor Party": names keep their own spelling.
                if (!token.sentence_start && text::starts_upper(word)) continue;
                const auto spelling = speller->dialect_spelling(word);
                if (!spelling) continue;
                ++count[static_cast<std::size_t>(spelling->dialect)];
                uses.push_back(
                    {&where, &token, spelling->dialect, copy_case(word, spelling->counterpart)});
            }
        }
        const int us = count[static_cast<std::size_t>(Dialect::US)];
        const int gb = count[static_cast<std::size_t>(Dialect::GB)];
        if (us == 0 || gb == 0) return;
        // The document's own dialect is the one it uses more; on a tie, the --lang one.
        Dialect main = us > gb ? Dialect::US : Dialect::GB;
        if (us == gb && speller->dialect() != Dialect::Any) main = speller->dialect();
        const std::string main_name(spell::to_string(main));
        for (const Use& use : uses) {
            if (use.dialect == main) continue;
            const std::string word(use.where->slice(use.token->span));
            Diagnostic& d = out.report(*use.where, use.token->span,
                                       "Use '" + use.counterpart + "', the " + main_name +
                                           " spelling used elsewhere in this document, instead "
                                           "of '" +
                                           word + "'.");
            d.suggestions = {use.counterpart};
            out.set_fix(d, *use.where, use.token->span, use.counterpart,
                        "Replace with '" + use.counterpart + "'", false);
        }
    }

  private:
    RuleInfo info_{
        .id = "dialect-mix",
        .category = Category::Spelling,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "A document that mixes American and British spellings (color and colour).",
        .description =
            "Both dialects' spellings are correct words, so spelling accepts either; a document "
            "should keep to one. The dialect the document uses more wins (on a tie, the --lang "
            "one) and each spelling of the other is reported with its counterpart. Capitalized "
            "words inside a sentence are names and keep their own spelling (Pearl Harbor, "
            "Labour Party). Oxford -ize spellings are British too and are not reported.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_dialect_mix() {
    return std::make_unique<DialectMix>();
}

}  // namespace copydesk::rules::builtin
