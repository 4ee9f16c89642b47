#include <algorithm>
#include <array>

#include "rules/rule.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::builtin {

namespace {

// Doubled words that are grammatical ("She had had enough", "that that", "what it is is").
constexpr std::array<std::string_view, 7> kGrammaticalDoubles{"had", "that", "is",  "do",
                                                              "bye", "no",   "well"};

bool grammatical_double(std::string_view lower) {
    return std::find(kGrammaticalDoubles.begin(), kGrammaticalDoubles.end(), lower) !=
           kGrammaticalDoubles.end();
}

class RepeatedWord final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) check_region(where, out);
    }

  private:
    void check_region(const RegionText& where, Reporter& out) const {
        // The previous word, if only white space (line breaks included) stands between.
        const text::Token* previous = nullptr;
        for (const text::Token& t : where.analysis.tokens) {
            if (t.kind == text::TokenKind::Space) continue;
            if (t.kind != text::TokenKind::Word) {
                previous = nullptr;
                continue;
            }
            if (previous != nullptr) {
                const std::string_view a = where.slice(previous->span);
                const std::string_view b = where.slice(t.span);
                const std::string lower = text::to_lower(a);
                // "Walla Walla", "Baden Baden": a capitalized pair inside a sentence is a name.
                const bool name_pair =
                    a == b && text::is_capitalized(a) && !previous->sentence_start;
                if (lower == text::to_lower(b) && !grammatical_double(lower) && !name_pair) {
                    Diagnostic& d =
                        out.report(where, {previous->span.begin, t.span.end},
                                   "Repeated word '" + std::string(b) + "'; delete one of them.");
                    out.set_fix(d, where, {previous->span.end, t.span.end}, "",
                                "Delete the repeated '" + std::string(b) + "'", true);
                }
            }
            previous = &t;
        }
    }

    RuleInfo info_{
        .id = "repeated-word",
        .category = Category::Repetition,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "The same word twice in a row (\"the the\"), also across a line break.",
        .description =
            "Flags a word repeated with only white space between, ignoring case. Grammatical "
            "doubles (\"had had\", \"that that\") and doubled names (\"Walla Walla\") are allowed. "
            "The fix deletes the second word.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_repeated_word() {
    return std::make_unique<RepeatedWord>();
}

}  // namespace copydesk::rules::builtin
