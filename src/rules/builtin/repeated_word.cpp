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

// Doubled on purpose in speech and quotes ("very very short", "Ay ay, sir!"): still reported,
// but whether to delete one is an editor's call, so the fix is not marked safe.
constexpr std::array<std::string_view, 14> kEmphaticDoubles{
    "very", "really", "many", "much", "so",  "too", "far",
    "long", "ever",   "more", "ay",   "aye", "oh",  "ha"};

bool emphatic_double(std::string_view lower) {
    return std::find(kEmphaticDoubles.begin(), kEmphaticDoubles.end(), lower) !=
           kEmphaticDoubles.end();
}

// Words that are not names, so "The the" is a slip even where no sentence starts (after a
// dateline dash), unlike "Will will" or "Bill bill".
constexpr std::array<std::string_view, 9> kFunctionWords{"the", "an", "and", "of", "to",
                                                         "in",  "on", "at",  "for"};

bool function_word(std::string_view lower) {
    return std::find(kFunctionWords.begin(), kFunctionWords.end(), lower) != kFunctionWords.end();
}

bool line_break(char c) {
    return c == '\n' || c == '\r';
}

class RepeatedWord final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) check_region(where, out);
    }

  private:
    void check_region(const RegionText& where, Reporter& out) const {
        const auto& tokens = where.analysis.tokens;
        // The next word after token `i`, if only white space (line breaks included) stands
        // between; null otherwise.
        auto next_word = [&](std::size_t i) -> const text::Token* {
            for (++i; i < tokens.size(); ++i) {
                if (tokens[i].kind == text::TokenKind::Space) continue;
                return tokens[i].kind == text::TokenKind::Word ? &tokens[i] : nullptr;
            }
            return nullptr;
        };
        const text::Token* previous = nullptr;
        bool previous_was_double = false;  // `previous` itself repeated the word before it
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const text::Token& t = tokens[i];
            if (t.kind == text::TokenKind::Space) continue;
            if (t.kind != text::TokenKind::Word) {
                previous = nullptr;
                previous_was_double = false;
                continue;
            }
            bool doubled = false;
            if (previous != nullptr) {
                const std::string_view a = where.slice(previous->span);
                const std::string_view b = where.slice(t.span);
                const std::string lower = text::to_lower(a);
                // "Walla Walla", "Baden Baden": a capitalized pair inside a sentence is a name.
                const bool name_pair =
                    a == b && text::is_capitalized(a) && !previous->sentence_start;
                doubled = lower == text::to_lower(b);
                if (doubled && !grammatical_double(lower) && !name_pair) {
                    const text::Token* after = next_word(i);
                    const bool run_of_three =
                        previous_was_double ||
                        (after != nullptr && text::to_lower(where.slice(after->span)) == lower);
                    Diagnostic& d =
                        out.report(where, {previous->span.begin, t.span.end},
                                   "Repeated word '" + std::string(b) + "'; delete one of them.");
                    out.set_fix(d, where, deletion(where, *previous, t), "",
                                "Delete the repeated '" + std::string(b) + "'",
                                safe_to_delete(a, b, *previous, run_of_three));
                }
            }
            previous_was_double = doubled;
            previous = &t;
        }
    }

    // The second word with the space before it; but when a line break stands between the two,
    // the second word with the spaces after it, so that the lines stay as they were wrapped.
    static Span deletion(const RegionText& where, const text::Token& first,
                         const text::Token& second) {
        const std::string_view text = where.text();
        const std::string_view gap = where.slice({first.span.end, second.span.begin});
        if (std::none_of(gap.begin(), gap.end(), line_break))
            return {first.span.end, second.span.end};
        std::uint32_t end = second.span.end;
        while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
        if (end == second.span.end || end == text.size() || line_break(text[end])) {
            return {first.span.end, second.span.end};
        }
        return {second.span.begin, end};
    }

    // Deleting the second word is safe only for a plain slip: the same word in the same case
    // ("the the"), or a capital followed by the lower-case word ("The the") at the start of a
    // sentence or for a word that is never a name.
    // Case that differs otherwise ("first FIRST Global", "TRANSPORTATION Transportation") hints
    // at a name or a heading, and runs of three ("killing killing killing") and emphatic
    // doubles are deliberate.
    static bool safe_to_delete(std::string_view a, std::string_view b, const text::Token& first,
                               bool run_of_three) {
        if (run_of_three || emphatic_double(text::to_lower(b))) return false;
        if (a == b) return true;
        return (first.sentence_start || function_word(b)) && text::is_capitalized(a) &&
               text::to_lower(a) == b;
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
            "The fix deletes the second word, keeping the line break when the two are on "
            "different lines. `copydesk fix` applies it only for a plain slip (same case, or "
            "\"The the\"), not for emphatic doubles (\"very very\"), runs of three, or case "
            "that differs (\"first FIRST\").",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_repeated_word() {
    return std::make_unique<RepeatedWord>();
}

}  // namespace copydesk::rules::builtin
